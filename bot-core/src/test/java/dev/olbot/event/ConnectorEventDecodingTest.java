package dev.olbot.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The seven {@code OnImConnector*} events, in the shapes of the docs' examples (JSON) and on the wire (form). */
class ConnectorEventDecodingTest {

    private final EventDecoder decoder = EventDecoder.create();

    private static final String AUTH = "\"auth\":{\"domain\":\"some-domain.bitrix24.com\",\"member_id\":\"bac1cd5c8940947a75e0d71b1a84e348\","
            + "\"application_token\":\"831c76b092f9f135d9b6b36c3a720757\"}";

    @Nested
    class Messages {
        @Test
        void messageAddCarriesTheBitrixIdsTheAuthorAndTheExternalChat() {
            ConnectorEvent e = (ConnectorEvent) decoder.decodeJson("{\"event\":\"ONIMCONNECTORMESSAGEADD\",\"event_handler_id\":555,"
                    + "\"data\":{\"CONNECTOR\":\"myconnector\",\"LINE\":107,\"MESSAGES\":[{\"im\":{\"chat_id\":1807,\"message_id\":86497},"
                    + "\"message\":{\"user_id\":27,\"text\":\"[b]Klaus Weber:[/b] [br]Guten Tag!\"},\"chat\":{\"id\":\"channel-123\"}}]},"
                    + "\"ts\":1773759161," + AUTH + "}");

            assertThat(e.kind()).isEqualTo(ConnectorEvent.Kind.MESSAGE_ADDED);
            assertThat(e.connector()).isEqualTo("myconnector");
            assertThat(e.lineId()).isEqualTo("107");
            ChannelMessage m = e.messages().get(0);
            assertThat(m.chatId()).contains(1807L);
            assertThat(m.messageId()).contains(86497L);
            assertThat(m.authorId()).contains(27L);
            assertThat(m.externalChatId()).isEqualTo("channel-123");
            assertThat(m.text()).contains("[b]Klaus Weber:[/b] [br]Guten Tag!");
            assertThat(e.dialogId()).contains("chat1807");
            assertThat(e.dedupeKey()).hasValueSatisfying(k -> assertThat(k).endsWith("/ONIMCONNECTORMESSAGEADD/86497"));
        }

        @Test
        void updateReadsTheExternalIdsAsAList() {
            ConnectorEvent e = (ConnectorEvent) decoder.decodeForm("event=ONIMCONNECTORMESSAGEUPDATE&data[CONNECTOR]=myconnector"
                    + "&data[LINE]=107&data[MESSAGES][0][im][chat_id]=1807&data[MESSAGES][0][im][message_id]=86501"
                    + "&data[MESSAGES][0][message][id][0]=ext-msg-005&data[MESSAGES][0][message][text]=What%3F"
                    + "&data[MESSAGES][0][chat][id]=channel-123&auth[domain]=x.bitrix24.com");

            assertThat(e.kind()).isEqualTo(ConnectorEvent.Kind.MESSAGE_UPDATED);
            assertThat(e.messages().get(0).externalIds()).containsExactly("ext-msg-005");
            assertThat(e.messages().get(0).text()).contains("What?");
        }

        @Test
        void deleteReadsASingleExternalId() {
            ConnectorEvent e = (ConnectorEvent) decoder.decodeForm("event=ONIMCONNECTORMESSAGEDELETE&data[CONNECTOR]=c&data[LINE]=1"
                    + "&data[MESSAGES][0][im][chat_id]=5&data[MESSAGES][0][im][message_id]=9&data[MESSAGES][0][message][id]=ext-1"
                    + "&data[MESSAGES][0][chat][id]=x&auth[domain]=x.bitrix24.com");

            assertThat(e.kind()).isEqualTo(ConnectorEvent.Kind.MESSAGE_DELETED);
            assertThat(e.messages().get(0).externalIds()).containsExactly("ext-1");
            assertThat(e.messages().get(0).text()).isEmpty();
        }
    }

    @Nested
    class DialogsAndLines {
        @Test
        void dialogStartAndFinishCarryTheSession() {
            String body = "{\"event\":\"ONIMCONNECTORDIALOGFINISH\",\"eventId\":1,\"data\":{\"CONNECTOR\":\"newcustomconnector\",\"LINE\":\"105\","
                    + "\"DATA\":[{\"connector\":{\"connector_id\":\"newcustomconnector\",\"line_id\":105,\"chat_id\":8,\"user_id\":0},"
                    + "\"session\":{\"id\":3282,\"closed\":\"Y\",\"parent_id\":0,\"close_term\":10},\"chat\":{\"id\":8},\"user\":{\"id\":0}}]},"
                    + "\"ts\":1714649632," + AUTH + "}";
            ConnectorEvent e = (ConnectorEvent) decoder.decodeJson(body);

            assertThat(e.kind()).isEqualTo(ConnectorEvent.Kind.DIALOG_FINISHED);
            assertThat(e.sessions().get(0).sessionId()).contains(3282L);
            assertThat(e.sessions().get(0).closed()).isTrue();
            assertThat(e.dialogId()).contains("chat8");
            assertThat(((ConnectorEvent) decoder.decodeJson(body.replace("DIALOGFINISH", "DIALOGSTART"))).kind())
                    .isEqualTo(ConnectorEvent.Kind.DIALOG_STARTED);
        }

        @Test
        void statusDeleteReadsLowerCaseKeys() {
            ConnectorEvent e = (ConnectorEvent) decoder.decodeJson("{\"event\":\"ONIMCONNECTORSTATUSDELETE\",\"event_handler_id\":561,"
                    + "\"data\":{\"connector\":\"myconnector\",\"line\":107},\"ts\":1773761094," + AUTH + "}");

            assertThat(e.kind()).isEqualTo(ConnectorEvent.Kind.STATUS_DELETED);
            assertThat(e.connector()).isEqualTo("myconnector");
            assertThat(e.lineId()).isEqualTo("107");
        }

        @Test
        void lineDeleteReadsTheBareLineId() {
            ConnectorEvent e = (ConnectorEvent) decoder.decodeForm("event=ONIMCONNECTORLINEDELETE&event_handler_id=563&data=107"
                    + "&ts=1773761165&auth[domain]=some-domain.bitrix24.com");

            assertThat(e.kind()).isEqualTo(ConnectorEvent.Kind.LINE_DELETED);
            assertThat(e.lineId()).isEqualTo("107");
            assertThat(e.messages()).isEmpty();
        }
    }
}
