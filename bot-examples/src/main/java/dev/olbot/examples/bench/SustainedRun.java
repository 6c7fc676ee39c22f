package dev.olbot.examples.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one rate of {@code olbot bench sustained} measured.
 *
 * @param rate             client messages per second sent
 * @param sent             client messages sent in the run
 * @param delivered        replies in the chats, each counted once
 * @param lost             messages whose reply never arrived
 * @param duplicated       replies that arrived more than once
 * @param outOfOrder       dialogs whose replies arrived in another order than their messages
 * @param surfaced         bot messages other than the replies (the error policy's apologies and handoffs)
 * @param p50              event-to-reply latency, milliseconds: from the message's scheduled send to the fake seeing the reply
 * @param p95              the same, 95th percentile
 * @param p99              the same, 99th percentile
 * @param repliesPerSecond replies the fake received during the sending window, per second
 * @param requestsPerSecond HTTP requests the fake received during the sending window, per second
 * @param refused          requests the fake refused with {@code QUERY_LIMIT_EXCEEDED} (the client slowed down and resent them)
 * @param depths           the inbox depth gauge ({@code olbot.inbox.queued}), sampled
 * @param sampleSeconds    seconds between two depth samples
 * @param drainSeconds     from the last message sent until every reply had arrived
 */
public record SustainedRun(int rate, int sent, int delivered, int lost, int duplicated, int outOfOrder, int surfaced,
                           double p50, double p95, double p99, double repliesPerSecond, double requestsPerSecond, int refused,
                           List<Integer> depths, double sampleSeconds, double drainSeconds) {

    /** Nothing lost, nothing twice, every dialog in order, no error shown to a client. */
    public boolean intact() {
        return lost == 0 && duplicated == 0 && outOfOrder == 0 && surfaced == 0 && delivered == sent;
    }

    public int peakDepth() {
        return depths.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    public String line() {
        return String.format(Locale.ROOT, "%3d/s: sent %d, delivered %d (lost %d, twice %d, out of order %d, errors shown %d); "
                        + "latency p50 %.0f ms, p95 %.0f ms, p99 %.0f ms; %.1f replies/s, %.2f requests/s, limit refusals %d "
                        + "(resent); drained %.1f s after the last message",
                rate, sent, delivered, lost, duplicated, outOfOrder, surfaced, p50, p95, p99, repliesPerSecond, requestsPerSecond,
                refused, drainSeconds);
    }

    public String depthLine() {
        return String.format(Locale.ROOT, "       inbox depth every %.0f s: ", sampleSeconds)
                + depths.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }
}
