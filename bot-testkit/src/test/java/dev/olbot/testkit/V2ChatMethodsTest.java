package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code imbot.v2.Chat.Message.send/update/delete}, {@code imbot.v2.Chat.InputAction.notify}, {@code imbot.v2.Command.answer} over HTTP. */
class V2ChatMethodsTest extends FakeAccountTest {

    String token;
    int botId;
    Client anna;
    String dialogId;

    @BeforeEach
    void aV2BotInAnOpenLineChat() {
        token = install();
        botId = Http.oauth(fake, token, "imbot.v2.Bot.register", map("fields", map("code", "vee", "type", "openline",
                "properties", map("name", "Vee")))).result().get("bot").get("id").asInt();
        OpenLine line = lineWithBot(botId, 0, portal().addUser("Olga Operator"));
        anna = portal().client(line.id(), "Anna Petrova");
        anna.says("hello").await();
        dialogId = anna.chat().dialogId();
    }

    private Http.Reply call(String method, Map<String, ?> params) {
        return Http.oauth(fake, token, method, params);
    }

    private static void assertError(Http.Reply r, String code, String description) {
        assertThat(r.status()).as(r.body().toString()).isIn(400, 403);
        assertThat(r.error()).isEqualTo(code);
        assertThat(r.body().get("error_description").asText()).isEqualTo(description);
    }

    private int send(Map<String, Object> fields) {
        Http.Reply r = call("imbot.v2.Chat.Message.send", map("botId", botId, "dialogId", dialogId, "fields", fields));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.result().get("id").asInt();
    }

    @Nested
    class Send {
        @Test
        void postsIntoTheOpenLineChatAndAnswersIdAndUuidMap() {
            Http.Reply r = call("imbot.v2.Chat.Message.send", map("botId", botId, "dialogId", dialogId,
                    "fields", map("message", "Hello from bot!")));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.result().get("id").asInt()).isPositive();
            assertThat(r.result().get("uuidMap").isObject()).isTrue();
            assertThat(anna.lastBotMessage()).hasValueSatisfying(m -> {
                assertThat(m.id()).isEqualTo(r.result().get("id").asInt());
                assertThat(m.text()).isEqualTo("Hello from bot!");
                assertThat(m.authorId()).isEqualTo(botId);
            });
        }

        @Test
        void aBareButtonArrayIsAKeyboardTheClientCanPress() {
            send(map("message", "Pick one", "keyboard", list(
                    map("TEXT", "Yes", "ACTION", "SEND", "ACTION_VALUE", "yes"),
                    map("TYPE", "NEWLINE"),
                    map("TEXT", "No", "ACTION", "SEND", "ACTION_VALUE", "no"))));
            ChatMessage m = anna.lastBotMessage().orElseThrow();
            assertThat(m.keyboard()).containsEntry("BOT_ID", botId);
            assertThat(m.keyboard().get("BUTTONS")).asList().hasSize(3);
            anna.pressesButton(2).await();
            assertThat(anna.chat().messages().get(anna.chat().messages().size() - 1).text()).isEqualTo("no");
        }

        @Test
        void aKeyboardWithButtonsKeyOrAsAJsonStringIsTheSame() {
            send(map("message", "a", "keyboard", map("BOT_ID", botId, "BUTTONS", list(map("TEXT", "One", "LINK", "https://x.test")))));
            Object first = anna.lastBotMessage().orElseThrow().keyboard().get("BUTTONS");
            send(map("message", "b", "keyboard", "[{\"TEXT\":\"One\",\"LINK\":\"https://x.test\"}]"));
            assertThat(anna.lastBotMessage().orElseThrow().keyboard().get("BUTTONS")).isEqualTo(first);
        }

        @Test
        void truncatesPast20000Characters() {
            send(map("message", "x".repeat(20_001)));
            assertThat(anna.lastBotMessage().orElseThrow().text()).hasSize(20_000 + " (...)".length()).endsWith("x (...)");
        }

        @Test
        void refusesAnEmptyMessage() {
            assertError(call("imbot.v2.Chat.Message.send", map("botId", botId, "dialogId", dialogId, "fields", map("message", " "))),
                    "EMPTY_MESSAGE", "Message is empty");
        }

        @Test
        void anAttachAloneIsNotEmpty() {
            send(map("attach", list(map("MESSAGE", "card"))));
            assertThat(anna.lastBotMessage().orElseThrow().attach()).isNotNull();
        }

        @Test
        void refusesAChatTheBotIsNotIn() {
            assertThat(call("imbot.chat.leave", map("CHAT_ID", anna.chat().id(), "BOT_ID", botId)).status()).isEqualTo(200);
            Http.Reply r = call("imbot.v2.Chat.Message.send", map("botId", botId, "dialogId", dialogId,
                    "fields", map("message", "still there?")));
            assertThat(r.status()).isEqualTo(403);
            assertError(r, "ACCESS_DENIED", "Access denied");
        }

        @Test
        void needsBotIdAndTheBotMustBeAV2BotOfThisApp() {
            assertError(call("imbot.v2.Chat.Message.send", map("dialogId", dialogId, "fields", map("message", "x"))),
                    "BOT_ID_REQUIRED", "Bot ID is required");
            assertError(call("imbot.v2.Chat.Message.send", map("botId", 9999, "dialogId", dialogId, "fields", map("message", "x"))),
                    "BOT_NOT_FOUND", "Bot not found");
        }

        @Test
        void aWebhookCallNeedsTheBotTokenItRegisteredWith() {
            String secret = portal().addWebhook(1);
            String url = fake.baseUrl() + "/rest/1/" + secret + "/";
            int hooked = Http.postJson(url + "imbot.v2.Bot.register", map("botToken", "tok1", "fields", map("code", "hooked",
                    "botToken", "tok1", "properties", map("name", "Hooked")))).result().get("bot").get("id").asInt();
            Map<String, Object> p = map("botId", hooked, "dialogId", "1", "fields", map("message", "hi"));
            assertError(Http.postJson(url + "imbot.v2.Chat.Message.send", p), "BOT_TOKEN_NOT_SPECIFIED", "Bot token is not specified");
            p.put("botToken", "other");
            assertError(Http.postJson(url + "imbot.v2.Chat.Message.send", p), "BOT_OWNERSHIP_ERROR",
                    "Bot is registered by another application");
            p.put("botToken", "tok1");
            assertThat(Http.postJson(url + "imbot.v2.Chat.Message.send", p).result().get("id").asInt()).isPositive();
            assertError(Http.oauth(fake, token, "imbot.v2.Chat.Message.send", map("botId", hooked, "dialogId", "1",
                    "fields", map("message", "hi"))), "BOT_OWNERSHIP_ERROR", "Bot is registered by another application");
        }
    }

    @Nested
    class UpdateAndDelete {
        @Test
        void updatesTextAndRemovesTheKeyboardWithN() {
            int id = send(map("message", "v1", "keyboard", list(map("TEXT", "A", "ACTION", "SEND", "ACTION_VALUE", "a"))));
            Http.Reply r = call("imbot.v2.Chat.Message.update", map("botId", botId, "messageId", id,
                    "fields", map("message", "v2", "keyboard", "N")));
            assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
            assertThat(r.result().get("result").asBoolean()).isTrue();
            ChatMessage m = message(id);
            assertThat(m.text()).isEqualTo("v2");
            assertThat(m.keyboard()).isEmpty();
        }

        @Test
        void onlyTheBotsOwnNonSystemMessages() {
            int clientMessage = anna.chat().messages().get(0).id();
            assertError(call("imbot.v2.Chat.Message.update", map("botId", botId, "messageId", clientMessage,
                    "fields", map("message", "x"))), "ACCESS_DENIED", "Access denied");
            int system = send(map("message", "sys", "system", true));
            assertError(call("imbot.v2.Chat.Message.update", map("botId", botId, "messageId", system,
                    "fields", map("message", "x"))), "ACCESS_DENIED", "Access denied");
            assertError(call("imbot.v2.Chat.Message.update", map("botId", botId, "fields", map("message", "x"))),
                    "ACCESS_DENIED", "Access denied");
        }

        @Test
        void deletesTheBotsMessageAndAnswersTrue() {
            int id = send(map("message", "oops"));
            Http.Reply r = call("imbot.v2.Chat.Message.delete", map("botId", botId, "messageId", id));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.result().asBoolean()).isTrue();
            assertThat(anna.chat().messages()).noneMatch(m -> m.id() == id);
            assertError(call("imbot.v2.Chat.Message.delete", map("botId", botId, "messageId", id)), "ACCESS_DENIED", "Access denied");
        }
    }

    @Nested
    class InputActionAndCommandAnswer {
        @Test
        void notifyAnswersTrueInAChatTheBotIsIn() {
            Http.Reply r = call("imbot.v2.Chat.InputAction.notify", map("botId", botId, "dialogId", dialogId,
                    "statusMessageCode", "IMBOT_AGENT_ACTION_THINKING", "duration", 30));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.result().asBoolean()).isTrue();
            assertThat(fake.transcript().toString()).contains("[IMBOT_AGENT_ACTION_THINKING]");
            assertError(call("imbot.v2.Chat.InputAction.notify", map("botId", botId, "dialogId", "chat9999")),
                    "ACCESS_DENIED", "Access denied");
        }

        @Test
        void commandAnswerPostsIntoTheCommandsChat() {
            int commandId = call("imbot.command.register", map("BOT_ID", botId, "COMMAND", "help", "EVENT_COMMAND_ADD",
                    bot.url("/cmd"), "LANG", list(map("LANGUAGE_ID", "en", "TITLE", "Help")))).result().asInt();
            int messageId = anna.chat().messages().get(0).id();
            Http.Reply r = call("imbot.v2.Command.answer", map("botId", botId, "commandId", commandId, "messageId", messageId,
                    "dialogId", dialogId, "fields", map("message", "Here is the help text")));
            assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
            assertThat(r.result().get("result").asBoolean()).isTrue();
            assertThat(anna.lastBotMessage().orElseThrow().text()).isEqualTo("Here is the help text");
            assertError(call("imbot.v2.Command.answer", map("botId", botId, "commandId", 999, "messageId", messageId,
                    "dialogId", dialogId, "fields", map("message", "x"))), "COMMAND_ANSWER_FAILED", "Command answer failed");
        }
    }

    private ChatMessage message(int id) {
        return anna.chat().messages().stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }
}
