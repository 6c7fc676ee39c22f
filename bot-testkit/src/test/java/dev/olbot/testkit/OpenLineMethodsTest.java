package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OpenLineMethodsTest extends FakeAccountTest {

    String token;
    int botId;
    OpenLine line;
    Client anna;

    @BeforeEach
    void aClientTalkingToTheBot() {
        token = install();
        botId = registerOpenLineBot(token, "helper");
        line = lineWithBot(botId, 0, portal().addUser("Olga"));
        anna = portal().client(line.id(), "Anna Petrova");
        anna.says("hello").await();
    }

    private Http.Reply call(String method, Map<String, ?> params) {
        return Http.oauth(fake, token, method, params);
    }

    @Nested
    class Config {
        @Test
        void listPagesWithLimitAndOffset() {
            portal().addLine("Second", l -> {});
            portal().addLine("Third", l -> {});
            Http.Reply page = call("imopenlines.config.list.get", map("PARAMS", map("select", list("ID", "LINE_NAME"), "limit", 2, "offset", 1)));
            assertThat(page.result().isArray()).isTrue();
            assertThat(page.result()).hasSize(2);
            assertThat(page.result().get(0).get("LINE_NAME").asText()).isEqualTo("Second");
            assertThat(page.result().get(0).fieldNames()).toIterable().containsExactly("ID", "LINE_NAME");
        }

        @Test
        void getAnswersTheLineSettingsAsStrings() {
            Http.Reply r = call("imopenlines.config.get", map("CONFIG_ID", line.id()));
            assertThat(r.result().get("ID").asText()).isEqualTo(String.valueOf(line.id()));
            assertThat(r.result().get("WELCOME_BOT_ENABLE").asText()).isEqualTo("Y");
            assertThat(r.result().get("WELCOME_BOT_ID").asText()).isEqualTo(String.valueOf(botId));
            assertThat(r.result().get("QUEUE").isArray()).isTrue();
        }

        @Test
        void getNeedsAConfigId() {
            assertError(call("imopenlines.config.get", Map.of()), 400, "CONFIG_ID_EMPTY", "Config ID can't be empty");
        }
    }

    @Nested
    class Dialogs {
        @Test
        void dialogGetFindsTheChatByUserCodeWithTheDocumentedFields() {
            Http.Reply r = call("imopenlines.dialog.get", map("USER_CODE", anna.chat().entityId()));
            assertThat(r.result().get("dialog_id").asText()).isEqualTo(anna.chat().dialogId());
            assertThat(r.result().get("entity_type").asText()).isEqualTo("LINES");
            assertThat(r.result().get("entity_data_1").asText()).isEqualTo(anna.chat().entityData1());
            assertThat(r.result().fieldNames()).toIterable().contains("id", "type", "message_type", "entity_id", "manager_list",
                    "restrictions", "permissions", "last_message_id");
        }

        @Test
        void dialogGetOfAnUnknownChatIsAccessError() {
            assertError(call("imopenlines.dialog.get", map("CHAT_ID", 99999)), 400, "ACCESS_ERROR",
                    "You do not have access to the specified dialog");
        }

        @Test
        void historyReturnsTheSessionMessagesKeyedById() {
            Http.Reply r = call("imopenlines.session.history.get", map("SESSION_ID", anna.chat().sessionId()));
            assertThat(r.result().get("sessionId").asInt()).isEqualTo(anna.chat().sessionId());
            assertThat(r.result().get("message").isObject()).isTrue();
            assertThat(r.result().get("message").elements().next().get("text").asText()).isEqualTo("hello");
            assertError(call("imopenlines.session.history.get", Map.of()), 400, "MISSING_REQUIRED_PARAM",
                    "Session ID or Chat ID must be provided");
        }
    }

    @Nested
    class Leads {
        @Test
        void theBotHoldingTheSessionMayCreateALead() {
            assertThat(call("imopenlines.crm.lead.create", map("CHAT_ID", anna.chat().id())).result().asBoolean()).isTrue();
            assertThat(anna.chat().entityData1()).startsWith("Y|LEAD|300|");
        }

        @Test
        void aUserWhoIsNotTheOperatorMayNot() {
            int pavel = portal().addUser("Pavel");
            line.queue(line.queueUserIds().get(0), pavel);
            portal().operator(pavel).accepts(anna.chat());
            assertError(call("imopenlines.crm.lead.create", map("CHAT_ID", anna.chat().id())), 400, "ERROR_USER_NOT_OPERATOR",
                    "Attempt to save a CRM object by a user who is not an operator");
        }
    }

    @Nested
    class Messages {
        @Test
        void addChecksDialogAndText() {
            assertError(call("imbot.message.add", map("MESSAGE", "x")), 400, "DIALOG_ID_EMPTY", "Dialog ID can't be empty");
            assertError(call("imbot.message.add", map("DIALOG_ID", anna.chat().dialogId(), "MESSAGE", "  ")), 400,
                    "MESSAGE_EMPTY", "Message can't be empty");
            assertError(call("imbot.message.add", map("DIALOG_ID", anna.chat().dialogId(), "MESSAGE", "x", "KEYBOARD", "{oops")),
                    400, "KEYBOARD_ERROR", "Incorrect keyboard params");
        }

        @Test
        void aBotCannotEditItsMessageAfterThreeDays() {
            int id = call("imbot.message.add", map("DIALOG_ID", anna.chat().dialogId(), "MESSAGE", "v1")).result().asInt();
            assertThat(call("imbot.message.update", map("MESSAGE_ID", id, "MESSAGE", "v2")).result().asBoolean()).isTrue();
            fake.clock().advance(Duration.ofDays(3).plusSeconds(1));
            Http.Reply late = Http.oauth(fake, freshToken(), "imbot.message.update", map("MESSAGE_ID", id, "MESSAGE", "v3"));
            assertError(late, 403, "CANT_EDIT_MESSAGE", "Time has expired for modification or you don't have access");
        }

        @Test
        void sendTypingNeedsADialog() {
            assertThat(call("imbot.chat.sendTyping", map("DIALOG_ID", anna.chat().dialogId())).result().asBoolean()).isTrue();
            assertError(call("imbot.chat.sendTyping", Map.of()), 400, "DIALOG_ID_EMPTY", "Dialog ID can't be empty");
        }

        private String freshToken() {
            return Http.get(fake.baseUrl() + "/oauth/token/?grant_type=refresh_token&client_id=" + fake.clientId()
                    + "&client_secret=" + fake.clientSecret() + "&refresh_token=" + portal().appRefreshToken)
                    .body().get("access_token").asText();
        }
    }
}
