package dev.olbot.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bodies that are not events fail with one line naming what is wrong; optional gaps never fail. */
class DecodeFailureTest {

    private final EventDecoder decoder = EventDecoder.create();

    private String withParam(String key, Object value) {
        Map<String, Object> p = Payloads.map("ONIMBOTMESSAGEADD-1.txt");
        Values.map(Values.map(p, "data"), "PARAMS").put(key, value);
        return Payloads.wireForm(p);
    }

    private String withAuth(String key, String value) {
        Map<String, Object> p = Payloads.map("ONIMBOTMESSAGEADD-1.txt");
        Values.map(p, "auth").put(key, value);
        return Payloads.wireForm(p);
    }

    @Test
    void refusesAMemberIdThatCouldNameAPathOrBreakAKey() {
        assertThatThrownBy(() -> decoder.decodeForm(withAuth("member_id", "ev/il")))
                .isInstanceOf(EventDecodeException.class)
                .hasMessage("auth[member_id] is not valid: expected 1-64 letters, digits, '_' or '-'");
    }

    @Test
    void refusesEndpointsThatAreNotHttpUrls() {
        assertThatThrownBy(() -> decoder.decodeForm(withAuth("server_endpoint", "javascript:alert(1)")))
                .isInstanceOf(EventDecodeException.class).hasMessageStartingWith("auth[server_endpoint] is not valid");
        assertThatThrownBy(() -> decoder.decodeForm(withAuth("client_endpoint", "https://a b/rest/")))
                .isInstanceOf(EventDecodeException.class).hasMessageStartingWith("auth[client_endpoint] is not valid");
        assertThatThrownBy(() -> decoder.decodeForm(withAuth("client_endpoint", "ftp://x.bitrix24.com/rest/")))
                .isInstanceOf(EventDecodeException.class).hasMessageStartingWith("auth[client_endpoint] is not valid");
        assertThat(decoder.decodeForm(withAuth("client_endpoint", "HTTPS://X.bitrix24.com/rest/")).meta().portal().clientEndpoint())
                .isEqualTo("HTTPS://X.bitrix24.com/rest/");
    }

    @Test
    void refusesADialogIdThatIsNotChatNOrANumber() {
        assertThatThrownBy(() -> decoder.decodeForm(withParam("DIALOG_ID", "chat1/../../x")))
                .isInstanceOf(EventDecodeException.class).hasMessage("the dialog id (DIALOG_ID) is not valid: expected chat<number> or <number>");
    }

    @Test
    void leavesOutATimestampNoPortalCouldSendInsteadOfFailing() {
        Map<String, Object> p = Payloads.map("ONIMBOTMESSAGEADD-1.txt");
        p.put("ts", "99999999999999999");

        assertThat(decoder.decodeForm(Payloads.wireForm(p)).meta().ts()).isEmpty();
    }

    @Test
    void failsWithoutEventField() {
        assertThatThrownBy(() -> decoder.decodeForm("data[PARAMS][MESSAGE]=hi"))
                .isInstanceOf(EventDecodeException.class).hasMessage("missing 'event' field: not a Bitrix24 event");
        assertThatThrownBy(() -> decoder.decode("", "")).isInstanceOf(EventDecodeException.class);
    }

    @Test
    void failsOnNonNumericMessageIdNamingTheField() {
        assertThatThrownBy(() -> decoder.decodeForm(withParam("MESSAGE_ID", "abc")))
                .isInstanceOf(EventDecodeException.class)
                .hasMessage("data[PARAMS][MESSAGE_ID] is not a number: 'abc'");
    }

    @Test
    void failsOnMissingDialogId() {
        Map<String, Object> p = Payloads.map("ONIMBOTMESSAGEADD-1.txt");
        Values.map(Values.map(p, "data"), "PARAMS").remove("DIALOG_ID");

        assertThatThrownBy(() -> decoder.decodeForm(Payloads.wireForm(p)))
                .isInstanceOf(EventDecodeException.class).hasMessage("missing data[PARAMS][DIALOG_ID]");
    }

    @Test
    void failsOnMissingBotOfABotEvent() {
        Map<String, Object> p = Payloads.map("ONIMBOTMESSAGEADD-1.txt");
        Values.map(p, "data").remove("BOT");

        assertThatThrownBy(() -> decoder.decodeForm(Payloads.wireForm(p))).hasMessage("missing data[BOT]");
    }

    @Test
    void failsOnGarbageBotIdOfBotDelete() {
        assertThatThrownBy(() -> decoder.decodeForm("event=ONIMBOTDELETE&data[BOT_ID]=x1"))
                .hasMessage("data[BOT_ID] is not a number: 'x1'");
    }

    @Test
    void failsOnMalformedPercentEscapeAndMalformedJson() {
        assertThatThrownBy(() -> decoder.decodeForm("event=ONIMBOTMESSAGEADD&data[PARAMS][MESSAGE]=%zz"))
                .isInstanceOf(EventDecodeException.class).hasMessageStartingWith("malformed form body: ");
        assertThatThrownBy(() -> decoder.decode("application/json", "{\"event\": "))
                .isInstanceOf(EventDecodeException.class)
                .hasMessageStartingWith("malformed JSON body: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void readsOptionalGarbageAsAbsent() {
        MessageAdded e = (MessageAdded) decoder.decodeForm(withParam("TO_CHAT_ID", "not-a-chat"));

        assertThat(e.dialog().chatId()).isEmpty();
    }

    @Test
    void decodesAMinimalMessageWithoutUserOrAuth() {
        MessageAdded e = (MessageAdded) decoder.decodeForm(
                "event=onimbotmessageadd&data[BOT][7][BOT_ID]=7&data[PARAMS][DIALOG_ID]=chat3&data[PARAMS][MESSAGE_ID]=9");

        assertThat(e.meta().type()).isEqualTo("ONIMBOTMESSAGEADD");
        assertThat(e.user()).isEqualTo(User.NOBODY);
        assertThat(e.meta().auth()).isEqualTo(Credentials.NONE);
        assertThat(e.meta().ts()).isEmpty();
        assertThat(e.dialog().chatId()).contains(3L);
    }
}
