package dev.olbot.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs {@code bench journal} at a tiny size; checks what it reports and that nothing is left pending, never durations. */
class JournalBenchmarkTest {

    private static String run(ThrowingRun bench) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        bench.run(new PrintStream(printed, true, StandardCharsets.UTF_8));
        return printed.toString(StandardCharsets.UTF_8);
    }

    private interface ThrowingRun {
        void run(PrintStream out) throws Exception;
    }

    @Test
    void reportsEventsPerSecondAndServerCpuPerEventForAllFourTargetsAndLeavesNothingPending() throws Exception {
        String out = run(o -> new JournalBenchmark(0.3, 4, 50, 1, 2, o).run());

        assertThat(out).containsPattern("round 1: raw \\d+/s, in-memory inbox \\d+/s, journal \\d+/s, raw handler \\+ journal \\d+/s; "
                + ".*server CPU per event \\d+\\.\\d / \\d+\\.\\d / \\d+\\.\\d / \\d+\\.\\d µs");
        assertThat(out).containsPattern("raw handler \\+ journal \\(.*\\): \\d+/s \\(\\d+\\.\\d\\d× raw\\), server CPU per event \\d+\\.\\d µs");
        assertThat(out).containsPattern("server CPU per event .* medians: raw handler \\d+\\.\\d µs, in-memory inbox \\d+\\.\\d µs,"
                + " journal \\d+\\.\\d µs");
        assertThat(out).containsPattern("journal: \\d+ events handled, 0 still pending");
    }

    @Test
    void loadsOneTargetAloneAndSplitsItsCpuByKindOfThread() throws Exception {
        String out = run(o -> new JournalBenchmark(0.3, 4, 50, 1, 2, o).runOnly("journal"));

        assertThat(out).containsPattern("journal only, round 1: \\d+/s, server CPU per event \\d+\\.\\d µs \\(.*event loop \\d+\\.\\d"
                + ".*journal writer \\d+\\.\\d.*workers \\d+\\.\\d\\)");
        assertThat(out).containsPattern("journal only: p99 time-to-200 at 50/s: \\d+\\.\\d\\d ms");
    }
}
