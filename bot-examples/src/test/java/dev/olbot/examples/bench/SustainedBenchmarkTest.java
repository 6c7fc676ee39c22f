package dev.olbot.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A short, slow run of {@code bench sustained} through the real server: checks what arrived, never how fast. */
class SustainedBenchmarkTest {

    @Test
    void everyMessageOfEveryDialogIsAnsweredOnceAndInOrder() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<SustainedRun> runs = new SustainedBenchmark(12, 3, 1, 0)
                .run(List.of(12), new PrintStream(printed, true, StandardCharsets.UTF_8));

        SustainedRun r = runs.get(0);
        assertThat(r.sent()).isEqualTo(36);
        assertThat(r.delivered()).isEqualTo(36);
        assertThat(r.lost()).isZero();
        assertThat(r.duplicated()).isZero();
        assertThat(r.outOfOrder()).isZero();
        assertThat(r.surfaced()).isZero();
        assertThat(r.intact()).isTrue();
        assertThat(r.depths()).isNotEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains(" 12/s: sent 36, delivered 36 (lost 0, twice 0, out of order 0, errors shown 0)")
                .contains("inbox depth every 1 s:");
    }
}
