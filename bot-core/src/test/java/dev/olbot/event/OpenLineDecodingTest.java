package dev.olbot.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Open-line identity in bot events, and the events of an application-owned connector. */
class OpenLineDecodingTest {

    private final EventDecoder decoder = EventDecoder.create();

    @Nested
    class WebhookBotCapture {

        /** REFERENCE §5.1 [CAP-2]: literal form keys, no tokens anywhere, short application_token. */
        private MessageAdded capture() {
            return (MessageAdded) decoder.decodeJson(Payloads.text("ONIMBOTMESSAGEADD-7.txt"));
        }

        @Test
        void decodesOpenLineIdentityFromChatEntityFields() {
            OpenLine line = capture().dialog().openLine().orElseThrow();

            assertThat(line.connector()).isEqualTo("telegrambot");
            assertThat(line.lineId()).isEqualTo(2);
            assertThat(line.connectorChatId()).isEqualTo("1398715343");
            assertThat(line.connectorUserId()).isEqualTo("12");
            assertThat(line.sessionId()).contains(2L);
            assertThat(line.userCode()).isEqualTo("telegrambot|2|1398715343|12");
        }

        @Test
        void decodesCrmBindingFromEntityDataOneAndTwo() {
            CrmBinding crm = capture().dialog().openLine().orElseThrow().crm();

            assertThat(crm.saved()).isTrue();
            assertThat(crm.entityType()).contains("DEAL");
            assertThat(crm.entityId()).contains(2L);
            assertThat(crm.bindings()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("LEAD", 0L, "COMPANY", 0L, "CONTACT", 2L, "DEAL", 2L));
            assertThat(crm.id("CONTACT")).contains(2L);
            assertThat(crm.id("LEAD")).isEmpty();
        }

        @Test
        void decodesOpenLineChatAndConnectorClient() {
            MessageAdded e = capture();

            assertThat(e.dialog().dialogId()).isEqualTo("chat6");
            assertThat(e.dialog().chatId()).contains(6L);
            assertThat(e.dialog().type()).isEqualTo(ChatType.OPEN_LINE);
            assertThat(e.dialog().isOpenLine()).isTrue();
            assertThat(e.user().connector()).isTrue();
            assertThat(e.user().extranet()).isTrue();
            assertThat(e.message().id()).isEqualTo(34);
            assertThat(e.message().text()).isEqualTo("sdfdsf");
        }

        @Test
        void carriesNoTokensButKeepsTheShortApplicationToken() {
            MessageAdded e = capture();

            assertThat(e.bot().id()).isEqualTo(10);
            assertThat(e.bot().code()).isEqualTo("Avatarex AI Assistant");
            assertThat(e.bot().auth()).isEqualTo(Credentials.NONE);
            assertThat(e.meta().auth().hasTokens()).isFalse();
            assertThat(e.meta().auth().applicationToken()).contains("952734");
            assertThat(e.meta().portal().memberId()).isEqualTo("d03787b18442c698df6be629654747c0");
        }
    }

    @Nested
    class EntityFields {

        @Test
        void leavesSessionAndCrmEmptyWhenEntityDataIsBlank() {
            OpenLine line = OpenLines.parse(Optional.of("LINES"), Optional.of("livechat|22|1775|599"), "", "").orElseThrow();

            assertThat(line.lineId()).isEqualTo(22);
            assertThat(line.sessionId()).isEmpty();
            assertThat(line.crm()).isEqualTo(CrmBinding.NONE);
        }

        @Test
        void readsSessionIdFromTheSixthSlotOfEntityDataOne() {
            OpenLine line = OpenLines.parse(Optional.of("LINES"), Optional.of("livechat|1|1373|211"),
                    "Y|LEAD|1209|N|N|343|1773682918|0|0|0", "LEAD|1209|COMPANY|0|CONTACT|0|DEAL|0").orElseThrow();

            assertThat(line.sessionId()).contains(343L);
            assertThat(line.crm().entityType()).contains("LEAD");
            assertThat(line.crm().id("LEAD")).contains(1209L);
        }

        @Test
        void isNoOpenLineForOtherEntityTypes() {
            assertThat(OpenLines.parse(Optional.of("THREAD"), Optional.of("a|1|2|3"), "", "")).isEmpty();
            assertThat(OpenLines.parse(Optional.of("LINES"), Optional.empty(), "", "")).isEmpty();
        }

        @Test
        void joinInAnOpenLineCarriesTheLineIdentity() {
            Map<String, Object> p = Payloads.map("ONIMBOTJOINCHAT-2.txt");
            Map<String, Object> params = Values.map(Values.map(p, "data"), "PARAMS");
            params.put("CHAT_TYPE", "L");
            params.put("CHAT_ENTITY_TYPE", "LINES");
            params.put("CHAT_ENTITY_ID", "livechat|5|900|77");

            BotJoined e = (BotJoined) decoder.decodeForm(Payloads.wireForm(p));

            assertThat(e.dialog().type()).isEqualTo(ChatType.OPEN_LINE);
            assertThat(e.dialog().openLine().map(OpenLine::userCode)).contains("livechat|5|900|77");
        }
    }

    @Nested
    class ConnectorEvents {

        private BotEvent wire(String name) {
            return decoder.decodeForm(Payloads.wireForm(Payloads.map(name)));
        }

        @Test
        void decodesSessionStartFromNumericKeyedFormList() {
            SessionStarted e = (SessionStarted) wire("ONSESSIONSTART-1.txt");

            assertThat(e.meta().handlerId()).contains("1");
            assertThat(e.sessions()).containsExactly(new LineSession("livechat", 128, Optional.of(10585L),
                    Optional.of("10585"), Optional.of("1984"), Optional.of(42L), false, Optional.empty(), Optional.empty()));
            assertThat(e.dialogId()).contains("chat10585");
        }

        @Test
        void decodesSessionFinishAsClosed() {
            SessionFinished e = (SessionFinished) wire("ONSESSIONFINISH-1.txt");

            assertThat(e.sessions()).singleElement().satisfies(s -> {
                assertThat(s.closed()).isTrue();
                assertThat(s.sessionId()).contains(42L);
            });
        }

        @Test
        void decodesOpenLineMessageAdd() {
            OpenLineMessage e = (OpenLineMessage) wire("ONOPENLINEMESSAGEADD-1.txt");

            assertThat(e.change()).isEqualTo(OpenLineMessage.Change.ADDED);
            LineSession item = e.items().get(0);
            assertThat(item.chatId()).contains(10585L);
            assertThat(item.connectorChatId()).contains("10587");
            assertThat(item.connectorUserId()).contains("1985");
            assertThat(item.messageId()).contains(80964L);
            assertThat(item.text()).contains("hello");
            assertThat(e.dedupeKey()).contains("a223c6b3710f85df22e9377d6c4f7553/ONOPENLINEMESSAGEADD/80964");
        }

        @Test
        void decodesOpenLineMessageDeleteWithConnectorAndLineFromData() {
            OpenLineMessage e = (OpenLineMessage) wire("ONOPENLINEMESSAGEDELETE-1.txt");

            assertThat(e.change()).isEqualTo(OpenLineMessage.Change.DELETED);
            assertThat(e.items()).singleElement().satisfies(s -> {
                assertThat(s.connectorId()).isEqualTo("livechat");
                assertThat(s.lineId()).isEqualTo(128);
                assertThat(s.chatId()).contains(1024L);
                assertThat(s.messageId()).contains(2056L);
            });
        }

        @Test
        void decodesOpenLineMessageUpdate() {
            OpenLineMessage e = (OpenLineMessage) wire("ONOPENLINEMESSAGEUPDATE-1.txt");

            assertThat(e.change()).isEqualTo(OpenLineMessage.Change.UPDATED);
            assertThat(e.dialogId()).contains("chat1024");
        }

        @Test
        void decodesImConnectorEventsAsConnectorEvent() {
            String body = "event=ONIMCONNECTORMESSAGEADD&data[CONNECTOR]=my_connector&data[LINE]=5"
                    + "&data[MESSAGES][0][im][chat_id]=10&auth[domain]=x.bitrix24.com";

            ConnectorEvent e = (ConnectorEvent) decoder.decodeForm(body);

            assertThat(e.connector()).isEqualTo("my_connector");
            assertThat(e.lineId()).isEqualTo("5");
            assertThat(e.meta().raw()).containsKey("data");
        }

        @Test
        void decodesAnEmptyDataListAsNoItems() {
            OpenLineMessage e = (OpenLineMessage) decoder.decodeForm("event=ONOPENLINEMESSAGEADD&eventId=3");

            assertThat(e.items()).isEqualTo(List.of());
            assertThat(e.dialogId()).isEmpty();
        }
    }
}
