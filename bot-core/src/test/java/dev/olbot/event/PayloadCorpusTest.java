package dev.olbot.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every saved payload decodes the same from its JSON rendering and from its exact wire body. */
class PayloadCorpusTest {

    private final EventDecoder decoder = EventDecoder.create();

    /** PHP print_r / var_export renderings; each has a hand-translated JSON twin named HAND-&lt;name&gt;. */
    private static final List<String> PHP_RENDERINGS = List.of("ONAPPTEST-1.txt", "OUTGOING-WEBHOOK-ONCRMDEALUPDATE-1.txt");

    /** The v2 envelope file is a skeleton with empty {@code chat} and {@code message}: it cannot be a message event. */
    private static final String ENVELOPE_SKELETON = "V2-WEBHOOK-ENVELOPE-1.txt";

    static Stream<String> decodablePayloads() {
        return Payloads.names().stream().filter(n -> !PHP_RENDERINGS.contains(n) && !n.equals(ENVELOPE_SKELETON));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decodablePayloads")
    void decodesJsonAndWireFormIntoEqualRecords(String name) {
        var payload = Payloads.event(name);

        BotEvent fromJson = decoder.decodeJson(Payloads.json(payload));
        BotEvent fromForm = decoder.decodeForm(Payloads.wireForm(payload));

        assertThat(fromForm).isInstanceOf(fromJson.getClass());
        assertThat(fromForm).usingRecursiveComparison().ignoringFields("meta.raw").isEqualTo(fromJson);
        assertThat(fromForm.meta().raw()).isNotEmpty().containsKey("event");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decodablePayloads")
    void decodesEveryPayloadIntoAModelledRecordUnlessItIsAForeignEvent(String name) {
        BotEvent event = decoder.decodeJson(Payloads.json(Payloads.event(name)));

        boolean foreign = name.contains("ONCRMDEAL") || name.contains("ONOFFLINEEVENT") || name.contains("ONAPPTEST");
        assertThat(event instanceof OtherEvent).as("OtherEvent for %s", name).isEqualTo(foreign);
        assertThat(event.meta().type()).isEqualTo(Payloads.event(name).get("event"));
    }

    @Nested
    class Exceptions {

        @Test
        void phpRenderingsAreTheOnlyNonJsonFilesAndEachHasAHandTranslation() {
            List<String> nonJson = Payloads.names().stream().filter(n -> !Payloads.isJson(n)).toList();

            assertThat(nonJson).containsExactlyInAnyOrderElementsOf(PHP_RENDERINGS);
            assertThat(Payloads.names()).contains("HAND-ONAPPTEST-1.txt", "HAND-OUTGOING-WEBHOOK-ONCRMDEALUPDATE-1.txt");
        }

        @Test
        void envelopeSkeletonFailsTheSameWayFromJsonAndWireForm() {
            var payload = Payloads.map(ENVELOPE_SKELETON);

            assertThatThrownBy(() -> decoder.decodeJson(Payloads.json(payload)))
                    .isInstanceOf(EventDecodeException.class).hasMessage("missing data[chat][dialogId]");
            assertThatThrownBy(() -> decoder.decodeForm(Payloads.wireForm(payload)))
                    .isInstanceOf(EventDecodeException.class).hasMessage("missing data[chat][dialogId]");
        }
    }
}
