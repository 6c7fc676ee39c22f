package dev.olbot.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SampleEventsTest {

    @Test
    void theBodyPutTogetherFromPiecesIsTheSameBodyAsTheTemplateFilledIn() {
        SampleEvents events = new SampleEvents();

        for (long[] ids : new long[][] {{1000, 1}, {1999, 123_456_789L}, {7, 0}}) {
            assertThat(new String(events.openLineMessageBytes(ids[0], ids[1]), StandardCharsets.UTF_8))
                    .isEqualTo(events.openLineMessage(ids[0], ids[1]))
                    .contains("chat" + ids[0]);
        }
    }
}
