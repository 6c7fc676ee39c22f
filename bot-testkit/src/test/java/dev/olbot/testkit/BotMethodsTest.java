package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BotMethodsTest extends FakeAccountTest {

    String token;

    @BeforeEach
    void installed() {
        token = install();
    }

    private Http.Reply call(String method, Map<String, ?> params) {
        return Http.oauth(fake, token, method, params);
    }

    @Nested
    class Register {
        @Test
        void returnsTheNewBotIdAsResult() {
            Http.Reply r = call("imbot.register", map("CODE", "newbot", "TYPE", "B", "EVENT_HANDLER", bot.url("/e"),
                    "OPENLINE", "N", "PROPERTIES", map("NAME", "NewBot", "WORK_POSITION", "Support bot")));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.result().isInt()).isTrue();
            assertThat(portal().botId("newbot")).contains(r.result().asInt());
        }

        @Test
        void requiresACode() {
            assertError(call("imbot.register", map("EVENT_HANDLER", bot.url("/e"), "PROPERTIES", map("NAME", "x"))),
                    400, "CODE_ERROR", "Bot code isn't specified");
        }

        @Test
        void requiresTheMessageAddHandlerUnlessEventHandlerIsGiven() {
            assertError(call("imbot.register", map("CODE", "x", "PROPERTIES", map("NAME", "x"))),
                    400, "EVENT_MESSAGE_ADD_ERROR", "Handler for \"Message add\" event isn't specified");
        }

        @Test
        void refusesAHandlerThatIsNotAUrl() {
            assertError(call("imbot.register", map("CODE", "x", "EVENT_HANDLER", "ftp://x", "PROPERTIES", map("NAME", "x"))),
                    400, "EVENT_MESSAGE_ADD_ERROR", "Wrong handler URL");
        }

        @Test
        void requiresANameOrLastName() {
            assertError(call("imbot.register", map("CODE", "x", "EVENT_HANDLER", bot.url("/e"), "PROPERTIES", map("COLOR", "RED"))),
                    400, "NAME_ERROR", "Bot name isn't specified");
        }

        @Test
        void allowsAtMostFiveBotsPerApplication() {
            for (int i = 1; i <= 5; i++) {
                registerOpenLineBot(token, "bot" + i);
            }
            assertError(call("imbot.register", map("CODE", "bot6", "EVENT_HANDLER", bot.url("/e"), "PROPERTIES", map("NAME", "x"))),
                    400, "MAX_COUNT_ERROR", "Has reached the maximum number of bots for application (max: 5)");
        }

        @Test
        void aWebhookCallWithoutClientIdIsDenied() {
            String secret = portal().addWebhook(1);
            Http.Reply r = Http.postJson(fake.baseUrl() + "/rest/1/" + secret + "/imbot.register",
                    map("CODE", "x", "EVENT_HANDLER", bot.url("/e"), "PROPERTIES", map("NAME", "x")));
            assertError(r, 400, "ACCESS_DENIED", "Access denied! Client ID not specified");
        }

        @Test
        void keepsUpdateAndDeleteHandlersOnlyForOpenLineOrSupervisorBots() {
            int plain = call("imbot.register", map("CODE", "plain", "TYPE", "B", "EVENT_HANDLER", bot.url("/e"),
                    "PROPERTIES", map("NAME", "P"))).result().asInt();
            int ol = registerOpenLineBot(token, "ol");
            synchronized (fake.lock()) {
                assertThat(portal().bots.get(plain).handlers).doesNotContainKeys("EVENT_MESSAGE_UPDATE", "EVENT_MESSAGE_DELETE");
                assertThat(portal().bots.get(ol).handlers).containsKeys("EVENT_MESSAGE_UPDATE", "EVENT_MESSAGE_DELETE");
            }
        }
    }

    @Nested
    class ListUpdateUnregister {
        @Test
        void listIsAnObjectKeyedByBotId() {
            int id = registerOpenLineBot(token, "helper");
            Http.Reply r = call("imbot.bot.list", Map.of());
            assertThat(r.result().isObject()).isTrue();
            assertThat(r.result().get(String.valueOf(id)).get("ID").asInt()).isEqualTo(id);
            assertThat(r.result().get(String.valueOf(id)).get("CODE").asText()).isEqualTo("helper");
            assertThat(r.result().get(String.valueOf(id)).get("OPENLINE").asText()).isEqualTo("Y");
            assertThat(r.result().get(String.valueOf(id)).get("NAME").asText()).isEqualTo("Helper helper");
        }

        @Test
        void updateNeedsFields() {
            int id = registerOpenLineBot(token, "helper");
            assertError(call("imbot.update", map("BOT_ID", id, "FIELDS", map())), 400, "WRONG_REQUEST", "Update fields can't be empty");
            assertThat(call("imbot.update", map("BOT_ID", id, "FIELDS", map("PROPERTIES", map("NAME", "Renamed")))).result().asBoolean()).isTrue();
            assertThat(call("imbot.bot.list", Map.of()).result().get(String.valueOf(id)).get("NAME").asText()).isEqualTo("Renamed");
        }

        @Test
        void anUnknownBotIsNotFound() {
            assertError(call("imbot.unregister", map("BOT_ID", 4242)), 400, "BOT_ID_ERROR", "Bot not found");
        }

        @Test
        void anotherApplicationsBotIsRefused() {
            String secret = portal().addWebhook(1);
            int hookBot = Http.postJson(fake.baseUrl() + "/rest/1/" + secret + "/imbot.register", map("CODE", "hook",
                    "TYPE", "O", "CLIENT_ID", "777", "EVENT_HANDLER", bot.url("/e"), "PROPERTIES", map("NAME", "H"))).result().asInt();
            assertError(call("imbot.unregister", map("BOT_ID", hookBot)), 400, "APP_ID_ERROR",
                    "Bot was installed by another REST application");
        }

        @Test
        void unregisterDeletesTheBotAndSendsOnImBotDelete() {
            int id = registerOpenLineBot(token, "helper");
            assertThat(call("imbot.unregister", map("BOT_ID", id)).result().asBoolean()).isTrue();
            BotServer.Received r = bot.take("ONIMBOTDELETE");
            Map<String, Object> docs = DocPayloads.load("ONIMBOTDELETE-1");
            assertThat(r.form().keySet()).isEqualTo(docs.keySet());
            assertThat(r.map("data")).isEqualTo(map("BOT_ID", String.valueOf(id), "BOT_CODE", "helper"));
            assertThat(r.map("auth").keySet()).isEqualTo(DocPayloads.at(docs, "auth").keySet());
            assertThat(call("imbot.bot.list", Map.of()).result().isArray()).isTrue();
        }
    }

    @Nested
    class Commands {
        @Test
        void registerReturnsTheCommandIdAndChecksItsParameters() {
            int id = registerOpenLineBot(token, "helper");
            Http.Reply ok = call("imbot.command.register", map("BOT_ID", id, "COMMAND", "echo", "EVENT_COMMAND_ADD",
                    bot.url("/cmd"), "LANG", list(map("LANGUAGE_ID", "en", "TITLE", "Echo", "PARAMS", "text"))));
            assertThat(ok.result().asInt()).isPositive();
            assertError(call("imbot.command.register", map("BOT_ID", id, "COMMAND", "echo",
                    "LANG", list(map("LANGUAGE_ID", "en", "TITLE", "Echo")))), 400, "EVENT_COMMAND_ADD_ERROR",
                    "Handler for \"Command add\" event isn't specified");
            assertError(call("imbot.command.register", map("BOT_ID", id, "COMMAND", "x", "EVENT_COMMAND_ADD", bot.url("/cmd"))),
                    400, "LANG_ERROR", "Lang set can't be empty");
            assertError(call("imbot.command.unregister", map("COMMAND_ID", 999)), 400, "COMMAND_ID_ERROR", "Command not found");
            assertThat(call("imbot.command.unregister", map("COMMAND_ID", ok.result().asInt())).result().asBoolean()).isTrue();
        }
    }
}
