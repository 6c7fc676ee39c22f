package dev.olbot.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs the conversation benchmark twice after one warm-up; checks the conversations pass, never durations. */
class ConversationBenchmarkTest {

    @Test
    void everyConversationPassesAndTenVirtualMinutesPassInEach() {
        ConversationBenchmark.Result r = new ConversationBenchmark(2, 1, false).run();

        assertThat(r.failures()).as(r.firstFailure()).isZero();
        assertThat(r.runs()).isEqualTo(2);
        assertThat(r.virtualMinutes()).isGreaterThanOrEqualTo(10.0);
        assertThat(r.p99Millis()).isGreaterThanOrEqualTo(r.meanMillis()); // p99 of two runs is the slower one
        assertThat(r.line()).startsWith("conversation: 2 runs, mean ");
    }
}
