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
 * @param sendLagP99       how late the fake's client got to send (99th percentile, ms): the fake's own lock, part of every latency
 * @param acceptedP50      from the scheduled send to the ingress's 200 (median, ms): delivery and the inbox journal
 * @param acceptedP99      the same, 99th percentile
 */
public record SustainedRun(int rate, int sent, int delivered, int lost, int duplicated, int outOfOrder, int surfaced,
                           double p50, double p95, double p99, double repliesPerSecond, double requestsPerSecond, int refused,
                           List<Integer> depths, double sampleSeconds, double drainSeconds,
                           double sendLagP99, double acceptedP50, double acceptedP99) {

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

    /** Where the latency goes before the bot: the fake's send lag and the delivery to the 200. */
    public String harnessLine() {
        return String.format(Locale.ROOT, "       send lag p99 %.0f ms; scheduled send to the ingress's 200: p50 %.0f ms, p99 %.0f ms",
                sendLagP99, acceptedP50, acceptedP99);
    }

    public String depthLine() {
        return String.format(Locale.ROOT, "       inbox depth every %.0f s: ", sampleSeconds)
                + depths.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }
}
