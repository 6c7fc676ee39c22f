package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EventDeliveryTest extends FakeAccountTest {

    String token;

    @BeforeEach
    void installed() {
        token = install();
    }

    private static Set<String> without(Set<String> keys, String... removed) {
        Set<String> s = new HashSet<>(keys);
        s.removeAll(List.of(removed));
        return s;
    }

    @Nested
    class V1OpenLineMessages {
        int botId;
        Client anna;

        @BeforeEach
        void clientWritesIntoALineWithAWelcomeBot() {
            botId = registerOpenLineBot(token, "helper");
            int operator = portal().addUser("Olga Operator");
            OpenLine line = lineWithBot(botId, 120, operator);
            anna = portal().client(line.id(), "Anna Petrova");
        }

        @Test
        void theFirstMessageMakesTheBotJoinThenDeliversTheMessage() {
            List<Delivery> sent = anna.says("hello").await();
            assertThat(sent).extracting(Delivery::event).containsExactly("ONIMBOTJOINCHAT", "ONIMBOTMESSAGEADD");
            assertThat(sent).extracting(Delivery::status).containsOnly(200);
            assertThat(bot.take().form().get("event")).isEqualTo("ONIMBOTJOINCHAT");
            BotServer.Received message = bot.take();
            assertThat(message.contentType()).isEqualTo("application/x-www-form-urlencoded");
            assertThat(message.path()).isEqualTo("/events");
            assertThat(message.body()).contains("data%5BPARAMS%5D%5BMESSAGE_TYPE%5D=L");
        }

        @Test
        void messageAddHasTheKeysOfTheDocumentedPayload() {
            anna.says("hello").await();
            BotServer.Received r = bot.take("ONIMBOTMESSAGEADD");
            Map<String, Object> docs = DocPayloads.load("ONIMBOTMESSAGEADD-2");
            assertThat(r.form().keySet()).isEqualTo(docs.keySet());
            assertThat(r.map("data").keySet()).isEqualTo(DocPayloads.at(docs, "data").keySet());
            Map<String, Object> botBlock = DocPayloads.only(r.map("data", "BOT"));
            Map<String, Object> docsBot = DocPayloads.only(DocPayloads.at(docs, "data", "BOT"));
            assertThat(botBlock.keySet()).isEqualTo(docsBot.keySet());
            assertThat(DocPayloads.at(botBlock, "AUTH").keySet()).isEqualTo(DocPayloads.at(docsBot, "AUTH").keySet());
            assertThat(r.map("data", "PARAMS").keySet())
                    .isEqualTo(without(DocPayloads.at(docs, "data", "PARAMS").keySet(), "MENTIONED_LIST"));
            assertThat(r.map("data", "USER").keySet()).isEqualTo(DocPayloads.at(docs, "data", "USER").keySet());
            assertThat(r.map("auth").keySet()).isEqualTo(DocPayloads.at(docs, "auth").keySet());
        }

        @Test
        void messageAddCarriesTheOpenLineIdentity() {
            anna.says("hello").await();
            BotServer.Received r = bot.take("ONIMBOTMESSAGEADD");
            OpenLineChat chat = anna.chat();
            Map<String, Object> params = r.map("data", "PARAMS");
            assertThat(params).containsEntry("MESSAGE", "hello").containsEntry("MESSAGE_TYPE", "L")
                    .containsEntry("CHAT_TYPE", "L").containsEntry("CHAT_ENTITY_TYPE", "LINES")
                    .containsEntry("DIALOG_ID", "chat" + chat.id()).containsEntry("CHAT_ID", String.valueOf(chat.id()))
                    .containsEntry("TO_USER_ID", "0").containsEntry("CHAT_AUTHOR_ID", "0")
                    .containsEntry("CHAT_ENTITY_ID", "livechat|" + chat.lineId() + "|" + (7000 + anna.userId()) + "|" + anna.userId());
            String[] data1 = ((String) params.get("CHAT_ENTITY_DATA_1")).split("\\|");
            assertThat(data1).hasSize(10);
            assertThat(data1[5]).isEqualTo(String.valueOf(chat.sessionId()));
            assertThat(data1[6]).isEqualTo(String.valueOf(fake.clock().epochSecond()));
            assertThat(r.map("data", "USER")).containsEntry("IS_CONNECTOR", "Y").containsEntry("NAME", "Anna Petrova");
            assertThat(DocPayloads.only(r.map("data", "BOT"))).containsEntry("BOT_ID", String.valueOf(botId))
                    .containsEntry("BOT_CODE", "helper").containsEntry("user_id", String.valueOf(botId));
            assertThat(r.map("auth")).containsEntry("application_token", portal().applicationToken())
                    .containsEntry("member_id", portal().memberId()).containsEntry("user_id", String.valueOf(anna.userId()));
        }

        @Test
        void theBotTokensInTheEventWorkForRestCalls() {
            anna.says("hello").await();
            BotServer.Received r = bot.take("ONIMBOTMESSAGEADD");
            String botToken = (String) DocPayloads.only(r.map("data", "BOT")).get("access_token");
            Http.Reply reply = Http.oauth(fake, botToken, "imbot.message.add", map("DIALOG_ID", "chat" + anna.chat().id(), "MESSAGE", "Hi!"));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(anna.lastBotMessage()).hasValueSatisfying(m -> assertThat(m.text()).isEqualTo("Hi!"));
        }

        @Test
        void joinChatHasTheKeysOfTheDocumentedGroupPayload() {
            anna.says("hello").await();
            BotServer.Received r = bot.take("ONIMBOTJOINCHAT");
            Map<String, Object> docs = DocPayloads.load("ONIMBOTJOINCHAT-2");
            assertThat(r.form().keySet()).isEqualTo(docs.keySet());
            assertThat(r.map("data", "PARAMS").keySet()).isEqualTo(DocPayloads.at(docs, "data", "PARAMS").keySet());
            assertThat(r.map("data", "USER").keySet()).isEqualTo(DocPayloads.at(docs, "data", "USER").keySet());
            assertThat(r.map("auth").keySet()).isEqualTo(DocPayloads.at(docs, "auth").keySet()).doesNotContain("refresh_token");
            assertThat(r.map("data", "PARAMS")).containsEntry("CHAT_ENTITY_TYPE", "LINES").containsEntry("BOT_ID", String.valueOf(botId));
        }

        @Test
        void editsAndDeletesReachTheBotWithTheDocumentedKeys() {
            anna.says("hello").await();
            anna.editsLastMessage("hello again").await();
            anna.deletesLastMessage().await();
            BotServer.Received update = bot.take("ONIMBOTMESSAGEUPDATE");
            assertThat(update.map("data", "PARAMS").keySet()).isEqualTo(without(
                    DocPayloads.at(DocPayloads.load("ONIMBOTMESSAGEUPDATE-2"), "data", "PARAMS").keySet(), "MENTIONED_LIST"));
            assertThat(update.map("data", "PARAMS")).containsEntry("MESSAGE", "hello again");
            BotServer.Received delete = bot.take("ONIMBOTMESSAGEDELETE");
            assertThat(delete.map("data", "PARAMS").keySet())
                    .isEqualTo(DocPayloads.at(DocPayloads.load("ONIMBOTMESSAGEDELETE-2"), "data", "PARAMS").keySet());
        }
    }

    @Nested
    class CommandsAndKeyboards {
        int botId;
        int commandId;
        Client anna;

        @BeforeEach
        void botWithAnEchoCommand() {
            botId = registerOpenLineBot(token, "helper");
            commandId = Http.oauth(fake, token, "imbot.command.register", map("BOT_ID", botId, "COMMAND", "echo",
                    "EVENT_COMMAND_ADD", bot.url("/commands"), "HIDDEN", "Y",
                    "LANG", list(map("LANGUAGE_ID", "en", "TITLE", "Echo")))).result().asInt();
            OpenLine line = lineWithBot(botId, 0, portal().addUser("Olga Operator"));
            anna = portal().client(line.id(), "Anna Petrova");
            anna.says("hi").await();
            bot.take("ONIMBOTMESSAGEADD");
            Http.oauth(fake, token, "imbot.message.add", map("BOT_ID", botId, "DIALOG_ID", anna.chat().dialogId(),
                    "MESSAGE", "Choose", "KEYBOARD", map("BUTTONS", list(
                            map("TEXT", "Echo", "COMMAND", "echo", "COMMAND_PARAMS", "from keyboard", "BLOCK", "Y"),
                            map("TYPE", "NEWLINE"),
                            map("TEXT", "Done", "ACTION", "SEND", "ACTION_VALUE", "Done!")))));
        }

        @Test
        void aCommandButtonRaisesOnImCommandAddWithKeyboardContext() {
            Delivery d = anna.pressesButton(1).await().get(0);
            assertThat(d.event()).isEqualTo("ONIMCOMMANDADD");
            BotServer.Received r = bot.take("ONIMCOMMANDADD");
            assertThat(r.path()).isEqualTo("/commands");
            Map<String, Object> command = r.map("data", "COMMAND", String.valueOf(commandId));
            assertThat(command).containsEntry("COMMAND_CONTEXT", "KEYBOARD").containsEntry("COMMAND", "echo")
                    .containsEntry("COMMAND_PARAMS", "from keyboard").containsEntry("BOT_ID", String.valueOf(botId))
                    .containsEntry("MESSAGE_ID", String.valueOf(anna.lastBotMessage().orElseThrow().id()));
            Map<String, Object> docs = DocPayloads.load("ONIMCOMMANDADD-2");
            assertThat(command.keySet()).isEqualTo(DocPayloads.only(DocPayloads.at(docs, "data", "COMMAND")).keySet());
            assertThat(r.map("data", "PARAMS").keySet()).isEqualTo(DocPayloads.at(docs, "data", "PARAMS").keySet());
            assertThat(r.map("data", "USER").keySet()).isEqualTo(DocPayloads.at(docs, "data", "USER").keySet());
        }

        @Test
        void aSendButtonSendsItsActionValueAsAMessage() {
            Delivery d = anna.pressesButton(2).await().get(0);
            assertThat(d.event()).isEqualTo("ONIMBOTMESSAGEADD");
            assertThat(bot.take("ONIMBOTMESSAGEADD").map("data", "PARAMS")).containsEntry("MESSAGE", "Done!");
        }

        @Test
        void aTypedCommandRaisesOnImCommandAddWithTextareaContext() {
            anna.sendsCommand("/echo hi there").await();
            Map<String, Object> command = bot.take("ONIMCOMMANDADD").map("data", "COMMAND", String.valueOf(commandId));
            assertThat(command).containsEntry("COMMAND_CONTEXT", "TEXTAREA").containsEntry("COMMAND_PARAMS", "hi there");
        }

        @Test
        void theCommandAnswerLandsInTheChat() {
            anna.pressesButton(1).await();
            String messageId = (String) bot.take("ONIMCOMMANDADD").map("data", "COMMAND", String.valueOf(commandId)).get("MESSAGE_ID");
            Http.Reply r = Http.oauth(fake, token, "imbot.command.answer", map("COMMAND_ID", commandId, "MESSAGE_ID", messageId,
                    "MESSAGE", "Accepted"));
            assertThat(r.result().asInt()).isPositive();
            assertThat(anna.lastBotMessage().orElseThrow().text()).isEqualTo("Accepted");
        }
    }

    @Nested
    class WebhookBots {
        @Test
        void getTheClientIdAppendedToTheUrlAndNoTokens() {
            String secret = portal().addWebhook(1);
            int botId = Http.postJson(fake.baseUrl() + "/rest/1/" + secret + "/imbot.register", map("CODE", "hook", "TYPE", "S",
                    "OPENLINE", "Y", "CLIENT_ID", "952734", "EVENT_HANDLER", bot.url("/events"),
                    "PROPERTIES", map("NAME", "Hook"))).result().asInt();
            OpenLine line = lineWithBot(botId, 0, portal().addUser("Olga Operator"));
            portal().client(line.id(), "telegrambot", "Anna Petrova").says("hello").await();
            BotServer.Received r = bot.take("ONIMBOTMESSAGEADD");
            assertThat(r.query()).isEqualTo("CLIENT_ID=952734");
            assertThat(r.body()).doesNotContain("access_token").doesNotContain("refresh_token");
            assertThat(DocPayloads.only(r.map("data", "BOT")).keySet()).containsExactly("BOT_ID", "BOT_CODE");
            assertThat(r.map("auth").keySet()).containsExactly("domain", "client_endpoint", "server_endpoint", "member_id", "application_token");
            assertThat(r.map("auth")).containsEntry("application_token", "952734");
            assertThat((String) r.map("data", "PARAMS").get("CHAT_ENTITY_ID")).startsWith("telegrambot|");
        }
    }

    @Nested
    class ChatbotsV2 {
        @Test
        void webhookModePostsOnImBotV2MessageAddInCamelCaseWithStringScalars() {
            int botId = Http.oauth(fake, token, "imbot.v2.Bot.register", map("fields", map("code", "v2bot", "type", "openline",
                    "eventMode", "webhook", "webhookUrl", bot.url("/v2"), "properties", map("name", "Vee"))))
                    .result().get("bot").get("id").asInt();
            OpenLine line = lineWithBot(botId, 0, portal().addUser("Olga Operator"));
            portal().client(line.id(), "Anna Petrova").says("hello").await();
            assertThat(bot.take().form().get("event")).isEqualTo("ONIMBOTV2JOINCHAT");
            BotServer.Received r = bot.take();
            assertThat(r.form().get("event")).isEqualTo("ONIMBOTV2MESSAGEADD");
            Map<String, Object> data = r.map("data");
            assertThat(data.keySet()).containsExactly("bot", "message", "chat", "user", "language");
            assertThat(r.map("data", "bot").keySet()).containsExactly("id", "code", "auth");
            Map<String, Object> docs = DocPayloads.load("V2-ONIMBOTV2MESSAGEADD-1");
            // an empty "params" object is omitted by http_build_query
            assertThat(r.map("data", "message").keySet()).isEqualTo(without(DocPayloads.at(docs, "message").keySet(), "params"));
            assertThat(r.map("data", "message")).containsEntry("text", "hello").containsEntry("isSystem", "0");
            assertThat(r.map("data", "chat")).containsEntry("entityType", "LINES");
            assertThat(r.map("data", "user")).containsEntry("connector", "1");
            // a connector user has no departments; the empty list is omitted by http_build_query
            assertThat(r.map("data", "user").keySet()).isEqualTo(without(DocPayloads.at(docs, "user").keySet(), "departments"));
            assertThat(r.map("auth")).containsEntry("application_token", portal().applicationToken());
        }

        @Test
        void fetchModeQueuesEventsForEventGet() {
            int botId = Http.oauth(fake, token, "imbot.v2.Bot.register", map("fields", map("code", "poller", "type", "openline",
                    "properties", map("name", "Poll")))).result().get("bot").get("id").asInt();
            OpenLine line = lineWithBot(botId, 0, portal().addUser("Olga Operator"));
            portal().client(line.id(), "Anna Petrova").says("hello").await();
            assertThat(bot.nothingReceived()).isTrue();
            Http.Reply first = Http.oauth(fake, token, "imbot.v2.Event.get", map("botId", botId, "limit", 1));
            assertThat(first.result().get("events")).hasSize(1);
            assertThat(first.result().get("events").get(0).get("type").asText()).isEqualTo("ONIMBOTV2JOINCHAT");
            assertThat(first.result().get("hasMore").asBoolean()).isTrue();
            long next = first.result().get("nextOffset").asLong();
            Http.Reply second = Http.oauth(fake, token, "imbot.v2.Event.get", map("botId", botId, "offset", next));
            assertThat(second.result().get("events")).hasSize(1);
            assertThat(second.result().get("events").get(0).get("type").asText()).isEqualTo("ONIMBOTV2MESSAGEADD");
            assertThat(second.result().get("events").get(0).get("data").get("message").get("text").asText()).isEqualTo("hello");
            assertThat(second.result().get("hasMore").asBoolean()).isFalse();
            Http.Reply third = Http.oauth(fake, token, "imbot.v2.Event.get", map("botId", botId,
                    "offset", second.result().get("nextOffset").asLong()));
            assertThat(third.result().get("events")).isEmpty();
        }

        @Test
        void registerIsIdempotentPerCode() {
            Map<String, Object> fields = map("fields", map("code", "same", "properties", map("name", "Same")));
            int a = Http.oauth(fake, token, "imbot.v2.Bot.register", fields).result().get("bot").get("id").asInt();
            int b = Http.oauth(fake, token, "imbot.v2.Bot.register", fields).result().get("bot").get("id").asInt();
            assertThat(a).isEqualTo(b);
            Http.Reply list = Http.oauth(fake, token, "imbot.v2.Bot.list", Map.of());
            assertThat(list.result().get("bots")).hasSize(1);
            assertThat(list.result().get("hasNextPage").asBoolean()).isFalse();
        }

        @Test
        void webhookRegistrationNeedsABotToken() {
            String secret = portal().addWebhook(1);
            Http.Reply r = Http.postJson(fake.baseUrl() + "/rest/1/" + secret + "/imbot.v2.Bot.register",
                    map("fields", map("code", "x", "properties", map("name", "X"))));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.error()).isEqualTo("BOT_TOKEN_NOT_SPECIFIED");
        }
    }
}
