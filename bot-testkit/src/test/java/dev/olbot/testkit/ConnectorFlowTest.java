package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A custom channel ("webchat") registered by the app, bringing a client into a line whose welcome bot answers. */
class ConnectorFlowTest extends FakeAccountTest {

    String token;
    int botId;
    int olga;
    OpenLine line;
    BotServer channel;

    @BeforeEach
    void aRegisteredAndActiveConnector() {
        channel = new BotServer();
        token = install();
        botId = registerOpenLineBot(token, "helper");
        olga = portal().addUser("Olga Operator");
        line = lineWithBot(botId, 0, olga);
        assertThat(app("imconnector.register", map("ID", "webchat", "NAME", "Web chat", "ICON", map("DATA_IMAGE", "data:image/svg+xml;x"),
                "PLACEMENT_HANDLER", channel.url("/settings"))).result().get("result").asBoolean()).isTrue();
        assertThat(app("imconnector.activate", map("CONNECTOR", "webchat", "LINE", line.id(), "ACTIVE", "1")).result().asBoolean()).isTrue();
        for (String event : List.of("OnImConnectorMessageAdd", "OnImConnectorMessageUpdate", "OnImConnectorMessageDelete",
                "OnImConnectorDialogStart", "OnImConnectorDialogFinish", "OnImConnectorStatusDelete", "OnImConnectorLineDelete",
                "OnOpenLineMessageUpdate")) {
            app("event.bind", map("event", event, "handler", channel.url("/events")));
        }
    }

    @AfterEach
    void closeChannel() {
        channel.close();
    }

    Http.Reply app(String method, Map<String, ?> params) {
        return Http.oauth(fake, token, method, params);
    }

    Map<String, Object> item(String messageId, String text) {
        return map("user", map("id", "visitor-7", "name", "Anna", "last_name", "Petrova"),
                "message", map("id", messageId, "date", 1772359200, "text", text), "chat", map("id", "conv-1", "name", "Widget"));
    }

    Http.Reply clientWrites(String messageId, String text) {
        return app("imconnector.send.messages", map("CONNECTOR", "webchat", "LINE", line.id(), "MESSAGES", list(item(messageId, text))));
    }

    OpenLineChat chat() {
        return portal().chats().stream().filter(c -> c.connector().equals("webchat")).findFirst().orElseThrow();
    }

    @Nested
    class Inbound {
        @Test
        void theFirstMessageOpensTheChatAndReachesTheBotWithTheConnectorIdentity() {
            Http.Reply r = clientWrites("m-1", "hello");
            JsonResult item = new JsonResult(r.result().get("DATA").get("RESULT").get(0));
            assertThat(r.result().get("SUCCESS").asBoolean()).isTrue();
            assertThat(item.text("SUCCESS")).isEqualTo("true");
            assertThat(item.node().get("session").get("CHAT_ID").asInt()).isEqualTo(chat().id());
            bot.take("ONIMBOTJOINCHAT");
            Map<String, Object> params = bot.take("ONIMBOTMESSAGEADD").map("data", "PARAMS");
            assertThat(params.get("CHAT_ENTITY_ID")).isEqualTo("webchat|" + line.id() + "|conv-1|" + chat().clientUserId());
            assertThat(params.get("MESSAGE")).isEqualTo("hello");
            assertThat(portal().user(chat().clientUserId()).orElseThrow().name()).isEqualTo("Anna Petrova");
        }

        @Test
        void laterMessagesContinueTheSameChatAndSession() {
            clientWrites("m-1", "hello");
            int session = chat().sessionId();
            clientWrites("m-2", "are you there?");
            assertThat(portal().chats()).hasSize(1);
            assertThat(chat().sessionId()).isEqualTo(session);
            assertThat(chat().messages()).extracting(ChatMessage::text).containsExactly("hello", "are you there?");
        }

        @Test
        void theClientsEditsAndDeletionsReachTheBot() {
            clientWrites("m-1", "helo");
            bot.take("ONIMBOTMESSAGEADD");
            app("imconnector.update.messages", map("CONNECTOR", "webchat", "LINE", line.id(), "MESSAGES",
                    list(map("user", map("id", "visitor-7"), "message", map("id", "m-1", "text", "hello"), "chat", map("id", "conv-1")))));
            assertThat(bot.take("ONIMBOTMESSAGEUPDATE").map("data", "PARAMS").get("MESSAGE")).isEqualTo("hello");
            assertThat(channel.take("ONOPENLINEMESSAGEUPDATE").form().get("event")).isEqualTo("ONOPENLINEMESSAGEUPDATE");
            app("imconnector.delete.messages", map("CONNECTOR", "webchat", "LINE", line.id(), "MESSAGES",
                    list(map("user", map("id", "visitor-7"), "message", map("id", "m-1"), "chat", map("id", "conv-1")))));
            bot.take("ONIMBOTMESSAGEDELETE");
            assertThat(chat().messages()).isEmpty();
        }

        @Test
        void theChatIsFoundAfterATransferToAnotherLine() {
            clientWrites("m-1", "helo");
            int sales = portal().addLine("Sales", l -> l.queue(olga)).id();
            app("imopenlines.operator.transfer", map("CHAT_ID", chat().id(), "QUEUE_ID", sales));
            Http.Reply r = app("imconnector.update.messages", map("CONNECTOR", "webchat", "LINE", line.id(), "MESSAGES",
                    list(map("message", map("id", "m-1", "text", "hello"), "chat", map("id", "conv-1")))));
            assertThat(r.result().get("DATA").get("RESULT").get(0).get("SUCCESS").asBoolean()).isTrue();
            assertThat(chat().lineId()).isEqualTo(sales);
            assertThat(chat().messages().get(0).text()).isEqualTo("hello");
        }

        @Test
        void anUnknownMessageIsReportedPerItem() {
            clientWrites("m-1", "hello");
            Http.Reply r = app("imconnector.update.messages", map("CONNECTOR", "webchat", "LINE", line.id(), "MESSAGES",
                    list(map("message", map("id", "nope", "text", "x"), "chat", map("id", "conv-1")))));
            assertThat(r.result().get("DATA").get("RESULT").get(0).get("SUCCESS").asBoolean()).isFalse();
        }
    }

    @Nested
    class Outbound {
        @Test
        void theBotsReplyGoesToTheChannelAndTheChannelConfirmsIt() {
            clientWrites("m-1", "hello");
            channel.take("ONIMCONNECTORDIALOGSTART");
            int reply = app("imbot.message.add", map("BOT_ID", botId, "DIALOG_ID", chat().dialogId(), "MESSAGE", "Hi Anna!")).result().asInt();
            Map<String, Object> sent = first(channel.take("ONIMCONNECTORMESSAGEADD").map("data"));
            assertThat(((Map<?, ?>) sent.get("message")).get("text")).isEqualTo("Hi Anna!");
            assertThat(((Map<?, ?>) sent.get("im")).get("message_id")).isEqualTo(String.valueOf(reply));
            assertThat(((Map<?, ?>) sent.get("chat")).get("id")).isEqualTo("conv-1");
            Map<String, Object> status = map("im", map("chat_id", chat().id(), "message_id", reply), "message", map("id", list("out-1")),
                    "chat", map("id", "conv-1"));
            app("imconnector.send.status.delivery", map("CONNECTOR", "webchat", "LINE", line.id(), "MESSAGES", list(status)));
            app("imconnector.send.status.reading", map("CONNECTOR", "webchat", "LINE", line.id(), "MESSAGES", list(status)));
            assertThat(portal().connectors().statusOf(reply)).containsExactly("delivered", "read");
            assertThat(portal().connectors().externalId(reply)).contains("out-1");
        }

        @Test
        void theBotsEditsAndDeletionsGoToTheChannel() {
            clientWrites("m-1", "hello");
            int reply = app("imbot.message.add", map("BOT_ID", botId, "DIALOG_ID", chat().dialogId(), "MESSAGE", "Hi")).result().asInt();
            app("imbot.message.update", map("BOT_ID", botId, "MESSAGE_ID", reply, "MESSAGE", "Hi Anna"));
            assertThat(((Map<?, ?>) first(channel.take("ONIMCONNECTORMESSAGEUPDATE").map("data")).get("message")).get("text"))
                    .isEqualTo("Hi Anna");
            app("imbot.message.delete", map("BOT_ID", botId, "MESSAGE_ID", reply));
            channel.take("ONIMCONNECTORMESSAGEDELETE");
        }

        @Test
        void aNoteForTheOperatorAndSilentModeStayInBitrix24() {
            clientWrites("m-1", "hello");
            app("imbot.message.add", map("BOT_ID", botId, "DIALOG_ID", chat().dialogId(), "MESSAGE", "note", "SKIP_CONNECTOR", "Y"));
            portal().operator(olga).accepts(chat());
            app("imopenlines.session.mode.silent", map("CHAT_ID", chat().id(), "ACTIVATE", "Y"));
            portal().operator(olga).says(chat(), "internal remark");
            app("imopenlines.session.mode.silent", map("CHAT_ID", chat().id(), "ACTIVATE", "N"));
            portal().operator(olga).says(chat(), "Olga here");
            Map<String, Object> sent = first(channel.take("ONIMCONNECTORMESSAGEADD").map("data"));
            assertThat(((Map<?, ?>) sent.get("message")).get("text")).isEqualTo("Olga here");
        }

        @Test
        void finishingTheSessionTellsTheChannel() {
            clientWrites("m-1", "hello");
            app("imopenlines.operator.another.finish", map("CHAT_ID", chat().id()));
            Map<String, Object> data = channel.take("ONIMCONNECTORDIALOGFINISH").map("data");
            assertThat(data.get("CONNECTOR")).isEqualTo("webchat");
            assertThat(((Map<?, ?>) ((Map<?, ?>) first(data).get("session"))).get("closed")).isEqualTo("Y");
        }

        @Test
        void theAppAlsoHearsSessionsAndTheClientsMessagesAsOpenLineEvents() {
            for (String event : List.of("OnSessionStart", "OnSessionFinish", "OnOpenLineMessageAdd", "OnOpenLineMessageDelete")) {
                app("event.bind", map("event", event, "handler", channel.url("/openline")));
            }
            clientWrites("m-1", "hello");
            Map<String, Object> started = first(channel.take("ONSESSIONSTART").map("data"));
            assertThat(((Map<?, ?>) started.get("session")).get("id")).isEqualTo(String.valueOf(chat().sessionId()));
            Map<String, Object> added = first(channel.take("ONOPENLINEMESSAGEADD").map("data"));
            assertThat(((Map<?, ?>) added.get("message")).get("text")).isEqualTo("hello");
            assertThat(((Map<?, ?>) added.get("connector")).get("chat_id")).isEqualTo("conv-1");
            app("imconnector.delete.messages", map("CONNECTOR", "webchat", "LINE", line.id(), "MESSAGES",
                    list(map("message", map("id", "m-1"), "chat", map("id", "conv-1")))));
            channel.take("ONOPENLINEMESSAGEDELETE");
            app("imopenlines.operator.another.finish", map("CHAT_ID", chat().id()));
            assertThat(((Map<?, ?>) first(channel.take("ONSESSIONFINISH").map("data")).get("session")).get("closed")).isEqualTo("Y");
        }

        @Test
        void anUnknownEventCannotBeBound() {
            assertError(app("event.bind", map("event", "OnSomethingElse", "handler", channel.url("/x"))), 400,
                    "ERROR_EVENT_NOT_FOUND", "Event not found");
        }

        @Test
        void switchingOffAndDeletingTheLineTellTheChannel() {
            app("imconnector.activate", map("CONNECTOR", "webchat", "LINE", line.id(), "ACTIVE", "0"));
            assertThat(channel.take("ONIMCONNECTORSTATUSDELETE").map("data").get("line")).isEqualTo(String.valueOf(line.id()));
            app("imconnector.activate", map("CONNECTOR", "webchat", "LINE", line.id(), "ACTIVE", "1"));
            app("imopenlines.config.delete", map("CONFIG_ID", line.id()));
            assertThat(channel.take("ONIMCONNECTORLINEDELETE").form().get("data")).isEqualTo(String.valueOf(line.id()));
        }
    }

    @Nested
    class Management {
        @Test
        void statusListDataAndChatName() {
            assertThat(app("imconnector.status", map("CONNECTOR", "webchat", "LINE", line.id())).result().get("STATUS").asBoolean()).isTrue();
            assertThat(app("imconnector.list", map()).result().get("webchat").asText()).isEqualTo("Web chat");
            assertThat(app("imconnector.connector.data.set", map("CONNECTOR", "webchat", "LINE", line.id(),
                    "DATA", map("ID", "conv", "URL", "https://shop.test", "NAME", "Shop chat"))).result().asBoolean()).isTrue();
            clientWrites("m-1", "hello");
            assertThat(app("imconnector.chat.name.set", map("CONNECTOR", "webchat", "LINE", line.id(), "CHAT_ID", "conv-1",
                    "NAME", "Order #42")).result().get("SUCCESS").asBoolean()).isTrue();
            assertThat(app("imopenlines.dialog.get", map("CHAT_ID", chat().id())).result().get("name").asText()).startsWith("Order #42");
        }

        @Test
        void renamingAChatTheChannelNeverSentFails() {
            assertError(app("imconnector.chat.name.set", map("CONNECTOR", "webchat", "LINE", line.id(), "CHAT_ID", "nope", "NAME", "x")),
                    400, "CHAT_RENAMING_FAILED", "Failed to rename the chat");
        }

        @Test
        void unregisteringRemovesTheConnector() {
            assertThat(app("imconnector.unregister", map("ID", "webchat")).result().get("result").asBoolean()).isTrue();
            assertThat(portal().connectors().isActive("webchat", line.id())).isFalse();
            Http.Reply again = app("imconnector.unregister", map("ID", "webchat"));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.result().get("error").asText()).isEqualTo("APPLICATION_UNREGISTRATION_ERROR");
        }
    }

    @Nested
    class Errors {
        @Test
        void onlyTheApplicationContextMayCall() {
            String secret = portal().addWebhook(1);
            Http.Reply r = Http.postJson(fake.baseUrl() + "/rest/1/" + secret + "/imconnector.list", Map.of());
            assertError(r, 403, "WRONG_AUTH_TYPE", "Current authorization type is denied for this method Application context required");
        }

        @Test
        void aDotInTheIdIsRefusedInsideTheResult() {
            Http.Reply r = app("imconnector.register", map("ID", "web.chat", "NAME", "x", "ICON", map("DATA_IMAGE", "x"),
                    "PLACEMENT_HANDLER", channel.url("/settings")));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.result().get("result").asBoolean()).isFalse();
            assertThat(r.result().get("error").asText()).isEqualTo("APPLICATION_REGISTRATION_ERROR_POINT");
        }

        @Test
        void anInactiveLineOrUnknownConnectorOrBadMessagesAreRefused() {
            int other = portal().addLine("Other", l -> {}).id();
            assertError(app("imconnector.send.messages", map("CONNECTOR", "webchat", "LINE", other, "MESSAGES", list(item("m", "x")))),
                    400, "NOT_ACTIVE_LINE", "The line with this ID is inactive or does not exist");
            assertError(app("imconnector.send.messages", map("CONNECTOR", "nope", "LINE", line.id(), "MESSAGES", list(item("m", "x")))),
                    400, "IMCONNECTOR_NO_CORRECT_PROVIDER", "Unable to find a suitable provider for the connector");
            assertError(app("imconnector.send.messages", map("CONNECTOR", "webchat", "LINE", line.id(), "MESSAGES",
                    list(map("message", map("text", "x"))))), 400, "ERROR_ARGUMENT", "The incorrect structure of a message inside MESSAGES parameter");
            assertError(app("imconnector.send.messages", map("CONNECTOR", "webchat", "LINE", line.id())), 400, "ERROR_ARGUMENT",
                    "Argument 'MESSAGES' is null or empty");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> first(Map<String, Object> data) {
        Object list = data.containsKey("MESSAGES") ? data.get("MESSAGES") : data.get("DATA");
        return (Map<String, Object>) Params.list(list).get(0);
    }

    record JsonResult(com.fasterxml.jackson.databind.JsonNode node) {
        String text(String field) {
            return node.get(field).asText();
        }
    }
}
