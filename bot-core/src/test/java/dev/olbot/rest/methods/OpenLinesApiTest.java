package dev.olbot.rest.methods;

import static dev.olbot.rest.methods.RecordingCaller.await;
import static dev.olbot.rest.methods.RecordingCaller.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olbot.rest.methods.message.Keyboard;
import dev.olbot.rest.methods.message.Button;
import dev.olbot.rest.methods.result.BotInfo;
import dev.olbot.rest.methods.result.EventBatch;
import dev.olbot.rest.methods.result.LineConfig;
import dev.olbot.rest.methods.result.OpenLineDialog;
import dev.olbot.rest.methods.result.SessionHistory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OpenLinesApiTest {

    final RecordingCaller caller = new RecordingCaller();
    final OpenLinesApi api = OpenLinesApi.on(caller, "member-1");

    @Nested
    class Imbot {

        @Test
        void registersAnOpenLineBotAndReturnsItsId() {
            long id = await(api.withClientId("cid").imbot().register(
                    BotRegistration.code("newbot").openLineBot().eventHandler("https://example.com/bot/events").name("NewBot")));

            assertThat(id).isEqualTo(39);
            assertThat(caller.only().portal()).isEqualTo("member-1");
            assertThat(caller.only().method()).isEqualTo("imbot.register");
            assertThat(caller.onlyParamsAsJson()).isEqualTo(json("""
                    {"CODE":"newbot","TYPE":"O","OPENLINE":"Y","EVENT_HANDLER":"https://example.com/bot/events",
                     "PROPERTIES":{"NAME":"NewBot"},"CLIENT_ID":"cid"}"""));
        }

        @Test
        void rejectsARegistrationWithoutANameBeforeAnyCall() {
            assertThatThrownBy(() -> api.imbot().register(BotRegistration.code("x").eventHandler("https://h")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("imbot.register: PROPERTIES is required");
            assertThat(caller.calls).isEmpty();
        }

        @Test
        void listsBotsKeyedById() {
            Map<Long, BotInfo> bots = await(api.imbot().list());

            assertThat(bots).containsOnlyKeys(39L);
            assertThat(bots.get(39L)).extracting(BotInfo::id, BotInfo::name, BotInfo::code, BotInfo::openline)
                    .containsExactly(39L, "NewBot", "newbot", false);
        }

        @Test
        void readsAnEmptyBotListSentAsAnArray() {
            caller.answering("[]");
            assertThat(await(api.imbot().list())).isEmpty();
        }

        @Test
        void sendsAMessageWithKeyboardAndDefaultBotIdAndReturnsTheMessageId() {
            Keyboard kb = Keyboard.builder().button(Button.text("Operator").command("operator")).build();

            long id = await(api.withBotId(39).withClientId("cid").imbot()
                    .send(OutgoingMessage.to("chat123").text("Message text").system(false).urlPreview(true).keyboard(kb)));

            assertThat(id).isEqualTo(19880117L);
            assertThat(caller.only().method()).isEqualTo("imbot.message.add");
            assertThat(caller.onlyParamsAsJson()).isEqualTo(json("""
                    {"BOT_ID":39,"DIALOG_ID":"chat123","MESSAGE":"Message text","SYSTEM":"N","URL_PREVIEW":"Y",
                     "KEYBOARD":{"BUTTONS":[{"TEXT":"Operator","COMMAND":"operator"}]},"CLIENT_ID":"cid"}"""));
        }

        @Test
        void rejectsAMessageWithoutTextBeforeAnyCall() {
            assertThatThrownBy(() -> api.imbot().send(OutgoingMessage.to("chat123")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("imbot.message.add: MESSAGE is required");
            assertThat(caller.calls).isEmpty();
        }

        @Test
        void answersACommandWithTheReplyMessageId() {
            long id = await(api.imbot().answerCommand(99, 33871, OutgoingMessage.to("ignored").text("Accepted. Executing command.")));

            assertThat(id).isEqualTo(33879);
            assertThat(caller.only().method()).isEqualTo("imbot.command.answer");
            assertThat(caller.onlyParamsAsJson()).isEqualTo(json("""
                    {"COMMAND_ID":99,"MESSAGE_ID":33871,"MESSAGE":"Accepted. Executing command."}"""));
        }

        @Test
        void registersACommandWithItsTitles() {
            long id = await(api.withBotId(1291).imbot().registerCommand(CommandRegistration.command("echo")
                    .handler("https://example.com/bot/command.php").title("en", "Echo", "text").common(true).hidden(false)));

            assertThat(id).isEqualTo(99);
            assertThat(caller.onlyParamsAsJson()).isEqualTo(json("""
                    {"COMMAND":"echo","EVENT_COMMAND_ADD":"https://example.com/bot/command.php",
                     "LANG":[{"LANGUAGE_ID":"en","TITLE":"Echo","PARAMS":"text"}],"COMMON":"Y","HIDDEN":"N","BOT_ID":1291}"""));
        }

        @Test
        void rejectsACommandWithoutBotId() {
            assertThatThrownBy(() -> api.imbot().registerCommand(CommandRegistration.command("echo").handler("https://h").title("en", "Echo", null)))
                    .hasMessage("imbot.command.register: BOT_ID is required");
        }

        @Test
        void sendsTypingDeletesAndLeavesWithTheDocumentedKeys() {
            var imbot = api.imbot();
            await(imbot.sendTyping("chat5"));
            await(imbot.delete(7, true));
            await(imbot.leaveChat(5));
            await(imbot.addChatUsers(5, List.of(40L)));

            assertThat(caller.calls).extracting(RecordingCaller.Call::method).containsExactly(
                    "imbot.chat.sendTyping", "imbot.message.delete", "imbot.chat.leave", "imbot.chat.user.add");
            assertThat(caller.calls).extracting(c -> (Object) c.params()).containsExactly(
                    Map.of("DIALOG_ID", "chat5"), Map.of("MESSAGE_ID", 7L, "COMPLETE", "Y"), Map.of("CHAT_ID", 5L),
                    Map.of("CHAT_ID", 5L, "USERS", List.of(40L)));
        }
    }

    @Nested
    class ImbotV2 {

        @Test
        void pollsEventsWithBotTokenAndReadsTheBatch() {
            EventBatch batch = await(api.withBotToken("my_bot_token").imbotV2().events(456, 1000L, 50, true));

            assertThat(caller.only().method()).isEqualTo("imbot.v2.Event.get");
            assertThat(caller.onlyParamsAsJson()).isEqualTo(json("""
                    {"botId":456,"offset":1000,"limit":50,"withUserEvents":true,"botToken":"my_bot_token"}"""));
            assertThat(batch.nextOffset()).isEqualTo(1002);
            assertThat(batch.hasMore()).isFalse();
            assertThat(batch.events()).singleElement().satisfies(e -> {
                assertThat(e.eventId()).isEqualTo(1001);
                assertThat(e.type()).isEqualTo("ONIMBOTV2MESSAGEADD");
                assertThat(e.date()).isEqualTo("2025-01-15T10:30:00+02:00");
            });
        }

        @Test
        void registersAndReadsTheBot() {
            var bot = await(api.imbotV2().register(Map.of("code", "support_bot", "properties", Map.of("name", "Support Bot"))));

            assertThat(caller.only().method()).isEqualTo("imbot.v2.Bot.register");
            assertThat(bot.id()).isEqualTo(456);
            assertThat(bot.code()).isEqualTo("support_bot");
            assertThat(bot.eventMode()).isEqualTo("fetch");
        }

        @Test
        void rejectsARegistrationWithoutPropertiesName() {
            assertThatThrownBy(() -> api.imbotV2().register(Map.of("code", "x", "properties", Map.of("workPosition", "AI"))))
                    .hasMessage("imbot.v2.Bot.register: fields.properties.name is required");
            assertThatThrownBy(() -> api.imbotV2().register(Map.of("code", "x", "properties", Map.of("name", "X"), "eventMode", "webhook")))
                    .hasMessageContaining("fields.webhookUrl is required");
            assertThat(caller.calls).isEmpty();
        }

        @Test
        void sendsAMessageAndReturnsItsId() {
            long id = await(api.imbotV2().send(456, "chat5", Map.of("message", "Hello from bot!")));

            assertThat(id).isEqualTo(789);
            assertThat(caller.only().method()).isEqualTo("imbot.v2.Chat.Message.send");
            assertThat(caller.onlyParamsAsJson()).isEqualTo(json("""
                    {"botId":456,"dialogId":"chat5","fields":{"message":"Hello from bot!"}}"""));
        }

        @Test
        void unregistersAndListsBots() {
            assertThat(await(api.imbotV2().unregister(456))).isTrue();
            caller.calls.clear();
            caller.answering(RecordingCaller.documentedResult("imbot.v2.Bot.list").toString());
            assertThat(await(api.imbotV2().list(Map.of("type", "bot"), 10, null))).singleElement()
                    .satisfies(b -> assertThat(b.id()).isEqualTo(456));
        }
    }

    @Nested
    class BotSession {

        @Test
        void transfersToAUserWithUppercaseKeysAndClientId() {
            assertThat(await(api.withClientId("cid").session().transfer(Transfer.toUser(112, 12)))).isTrue();

            assertThat(caller.only().method()).isEqualTo("imopenlines.bot.session.transfer");
            assertThat(caller.only().params()).isEqualTo(Map.of("CHAT_ID", 112L, "USER_ID", 12L, "LEAVE", "N", "CLIENT_ID", "cid"));
        }

        @Test
        void transfersToAnotherLineLeavingAtOnceWithTheBotTokenAsClientId() {
            await(api.withBotToken("tok").session().transfer(Transfer.toLine(112, 3).leavingNow()));

            assertThat(caller.only().params()).isEqualTo(Map.of("CHAT_ID", 112L, "QUEUE_ID", 3L, "LEAVE", "Y", "CLIENT_ID", "tok"));
        }

        @Test
        void rejectsAZeroChatIdBeforeAnyCall() {
            assertThatThrownBy(() -> api.session().finish(0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("imopenlines.bot.session.finish: CHAT_ID must be an integer > 0 (was 0)");
            assertThat(caller.calls).isEmpty();
        }

        @Test
        void sendsDefaultAndWelcomeMessagesAndHandsToTheQueue() {
            await(api.session().sendMessage(112, "Hello! How can I assist you?"));
            await(api.session().sendWelcome(112));
            await(api.session().toOperator(112));
            await(api.session().finish(112));

            assertThat(caller.calls).extracting(c -> c.method() + " " + c.params()).containsExactly(
                    "imopenlines.bot.session.message.send {CHAT_ID=112, NAME=DEFAULT, MESSAGE=Hello! How can I assist you?}",
                    "imopenlines.bot.session.message.send {CHAT_ID=112, NAME=WELCOME}",
                    "imopenlines.bot.session.operator {CHAT_ID=112}",
                    "imopenlines.bot.session.finish {CHAT_ID=112}");
        }
    }

    @Nested
    class OpenLines {

        @Test
        void listsLinesWithTheirQueues() {
            List<LineConfig> lines = await(api.openlines().lines(Map.of("filter", Map.of("ACTIVE", "Y")), null));

            assertThat(caller.only().method()).isEqualTo("imopenlines.config.list.get");
            assertThat(caller.only().params()).isEqualTo(Map.of("PARAMS", Map.of("filter", Map.of("ACTIVE", "Y"))));
            assertThat(lines.get(0)).extracting(LineConfig::id, LineConfig::lineName, LineConfig::active, LineConfig::queue)
                    .containsExactly(15L, "VIP Support Line", true, List.of(101L, 205L));
        }

        @Test
        void readsOneLinesBotSettings() {
            LineConfig line = await(api.openlines().line(22, true, false));

            assertThat(caller.only().params()).isEqualTo(Map.of("CONFIG_ID", 22L, "WITH_QUEUE", "Y", "SHOW_OFFLINE", "N"));
            assertThat(line.id()).isEqualTo(22);
            assertThat(line.setting("WELCOME_BOT_ENABLE")).isNotNull();
        }

        @Test
        void readsTheDocumentedDialog() {
            OpenLineDialog dialog = await(api.openlines().dialogByUserCode("livechat|1|1373|211"));

            assertThat(caller.only().params()).isEqualTo(Map.of("USER_CODE", "livechat|1|1373|211"));
            assertThat(dialog.id()).isEqualTo(1777);
            assertThat(dialog.dialogId()).isEqualTo("chat1777");
            assertThat(dialog.entityId()).isEqualTo("livechat|22|1775|599");
            assertThat(dialog.type()).isEqualTo("lines");
            assertThat(dialog.sessionId()).hasValue(343);
            assertThat(dialog.lineId()).hasValue(22);
        }

        @Test
        void rejectsADialogLookupWithoutAnyKey() {
            assertThatThrownBy(() -> api.openlines().history(null, null))
                    .hasMessage("imopenlines.session.history.get: SESSION_ID or CHAT_ID is required");
        }

        @Test
        void readsTheDocumentedSessionHistory() {
            SessionHistory history = await(api.openlines().history(null, 321L));

            assertThat(caller.only().params()).isEqualTo(Map.of("SESSION_ID", 321L));
            assertThat(history.chatId()).isEqualTo(1763);
            assertThat(history.sessionId()).isEqualTo(321);
            assertThat(history.messages()).containsKey(85851L);
            assertThat(history.messages().get(85851L)).satisfies(m -> {
                assertThat(m.senderId()).isEqualTo(103);
                assertThat(m.chatId()).isEqualTo(1763);
                assertThat(m.text()).isEqualTo("Open the task card and click Observers");
            });
            assertThat(history.users()).containsKey(103L);
        }

        @Test
        void createsALeadAndReadsCrmChats() {
            assertThat(await(api.openlines().createLead(2043))).isTrue();
            assertThat(await(api.openlines().crmChats("lead", 1205, false))).singleElement()
                    .satisfies(c -> assertThat(c.chatId()).isEqualTo(1763));
            assertThat(await(api.openlines().lastCrmChatId("lead", 1205))).isEqualTo(1763);
            assertThat(caller.calls).extracting(RecordingCaller.Call::method)
                    .containsExactly("imopenlines.crm.lead.create", "imopenlines.crm.chat.get", "imopenlines.crm.chat.getLastId");
            assertThat(caller.calls.get(1).params()).isEqualTo(Map.of("CRM_ENTITY_TYPE", "lead", "CRM_ENTITY", 1205L, "ACTIVE_ONLY", "N"));
        }

        @Test
        void operatorActionsSendChatId() {
            var ol = api.openlines();
            await(ol.answer(2043));
            await(ol.skip(2043));
            await(ol.spam(2043));
            await(ol.finishOthers(2043));
            await(ol.transfer(2043, 15L, null, null));
            assertThat(caller.calls).extracting(RecordingCaller.Call::method).containsExactly("imopenlines.operator.answer",
                    "imopenlines.operator.skip", "imopenlines.operator.spam", "imopenlines.operator.another.finish",
                    "imopenlines.operator.transfer");
            assertThat(caller.calls.get(4).params()).isEqualTo(Map.of("CHAT_ID", 2043L, "USER_ID", 15L));
        }

        @Test
        void pinsAllAndOpensASession() {
            assertThat(await(api.openlines().pinAll())).containsExactly(339L, 337L);
            assertThat(await(api.openlines().openSession("livechat|22|1761|587"))).isEqualTo(1763L);
            assertThat(await(api.openlines().addLine(Map.of("LINE_NAME", "Online Store Support Line")))).isEqualTo(15L);
        }
    }

    @Nested
    class Connector {

        @Test
        void readsStatusAndList() {
            var status = await(api.connector().status("myconnector", 12L));
            assertThat(status.configured()).isTrue();
            assertThat(status.line()).isEqualTo(12);
            assertThat(await(api.connector().list())).containsEntry("telegrambot", "Telegram");
        }

        @Test
        void sendsMessagesWithTheDocumentedShape() {
            var messages = List.of(Map.of("user", Map.of("id", "ext-user-42"), "message", Map.of("id", "ext-msg-1001", "text", "Hi"),
                    "chat", Map.of("id", "channel-123")));
            var result = await(api.connector().sendMessages("myconnector", 107, messages));

            assertThat(caller.only().method()).isEqualTo("imconnector.send.messages");
            assertThat(caller.only().params()).isEqualTo(Map.of("CONNECTOR", "myconnector", "LINE", 107L, "MESSAGES", messages));
            assertThat(result.path("SUCCESS").asBoolean()).isTrue();
        }

        @Test
        void sendReadsTheChatAndSessionOfEachItem() {
            var results = await(api.connector().send("myconnector", 107, List.of(Map.of())));

            assertThat(results).hasSize(1);
            assertThat(results.get(0).success()).isTrue();
            assertThat(results.get(0).chatId()).contains(1767L);
            assertThat(results.get(0).sessionId()).contains(323L);
            assertThat(results.get(0).userId()).contains(585L);
        }

        @Test
        void aRefusalInsideTheResultFailsTheRegistration() {
            caller.answering("{\"result\": false, \"error\": \"CONNECTOR_ID_REQUIRED\", \"error_description\": \"Connector ID is not specified\"}");

            assertThatThrownBy(() -> await(api.connector().register(Map.of("ID", "c", "NAME", "C", "ICON", Map.of("DATA_IMAGE", "x"),
                    "PLACEMENT_HANDLER", "https://h")))).hasRootCauseInstanceOf(dev.olbot.rest.RestException.class)
                    .rootCause().hasMessageContaining("CONNECTOR_ID_REQUIRED");
        }

        @Test
        void rejectsRegistrationWithoutIconImage() {
            assertThatThrownBy(() -> api.connector().register(Map.of("ID", "c", "NAME", "C", "ICON", Map.of("COLOR", "#fff"),
                    "PLACEMENT_HANDLER", "https://h"))).hasMessage("imconnector.register: ICON.DATA_IMAGE is required");
        }

        @Test
        void activatesAndUnregisters() {
            assertThat(await(api.connector().activate("myconnector", 107, true))).isTrue();
            assertThat(await(api.connector().unregister("myconnector"))).isTrue();
            assertThat(caller.calls.get(0).params()).isEqualTo(Map.of("CONNECTOR", "myconnector", "LINE", 107L, "ACTIVE", "1"));
        }
    }
}
