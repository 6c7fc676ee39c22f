package dev.olbot.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs the outbound benchmark at a tiny size on a fast clock; checks correctness, never durations. */
class OutboundBenchmarkTest {

    @Test
    void coalescedRepliesAllReachTheirChatsWithFewerRequestsThanReplies() throws Exception {
        OutboundBenchmark.Result r = new OutboundBenchmark(60, true, false, 20).run();

        assertThat(r.problems()).isEmpty();
        assertThat(r.errors()).isZero();
        assertThat(r.replies()).isEqualTo(60);
        assertThat(r.requests()).isPositive().isLessThan(60);
        assertThat(r.line()).matches("outbound: 60 replies, \\d+\\.\\d\\d s, 0 errors, \\d+ requests");
    }

    @Test
    void withoutCoalescingEveryReplyIsItsOwnRequestPacedPastTheBurst() throws Exception {
        OutboundBenchmark.Result r = new OutboundBenchmark(60, false, false, 50).run();

        assertThat(r.problems()).isEmpty();
        assertThat(r.errors()).isZero();
        assertThat(r.replies()).isEqualTo(60);
        // one request per reply, plus one re-send per request the fake refused
        assertThat(r.requests()).isEqualTo(60 + r.rejected());
    }

    @Test
    void enterpriseLimitToo() throws Exception {
        OutboundBenchmark.Result r = new OutboundBenchmark(60, true, true, 20).run();

        assertThat(r.errors()).isZero();
        assertThat(r.replies()).isEqualTo(60);
        assertThat(r.requests()).isLessThanOrEqualTo(60);
    }
}
