package dev.olbot.ingress;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongConsumer;

/**
 * How long the journal's {@code fdatasync}s took, as a histogram: the disk's own flush time is the
 * floor of every accepted delivery's time-to-200, so an operator (and {@code olbot bench journal})
 * needs its tail, not only its mean. Buckets are log-linear — eight per power of two of microseconds,
 * so a percentile is read to within 9% — from 1 µs to hours; recording is one atomic add,
 * from any thread. Each sync is also passed to a listener ({@link #onEach}), the metrics' timer.
 */
final class SyncTimes {

    /** Sub-buckets per power of two. */
    private static final int SUB = 8;
    private static final int POWERS = 32;

    private final AtomicLongArray counts = new AtomicLongArray(POWERS * SUB);
    private final java.util.concurrent.atomic.AtomicLong longest = new java.util.concurrent.atomic.AtomicLong();
    private volatile LongConsumer listener = n -> {};

    /** Counts one sync that took {@code nanos}. */
    void record(long nanos) {
        counts.incrementAndGet(bucket(Math.max(0, nanos) / 1_000));
        longest.accumulateAndGet(nanos, Math::max);
        listener.accept(nanos);
    }

    /** The longest sync so far, in nanoseconds, exactly; 0 before any. */
    long longestNanos() {
        return longest.get();
    }

    /** Also hands every sync's duration, in nanoseconds, to {@code each} (on the thread that synced). */
    void onEach(LongConsumer each) {
        this.listener = java.util.Objects.requireNonNull(each, "each");
    }

    /** The {@code q}-quantile (0..1) of the syncs so far, in nanoseconds: the upper edge of its bucket; 0 before any. */
    long quantileNanos(double q) {
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("q must be within 0..1, was " + q);
        }
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return upperMicros(i) * 1_000;
            }
        }
        return upperMicros(counts.length() - 1) * 1_000;
    }

    /** The bucket of a duration of {@code micros}: exact below {@value #SUB} µs, then eight per power of two. */
    static int bucket(long micros) {
        if (micros < SUB) {
            return (int) micros;
        }
        int power = 63 - Long.numberOfLeadingZeros(micros); // micros in [2^power, 2^(power+1))
        int sub = (int) ((micros >>> (power - 3)) & (SUB - 1)); // the three bits after the leading one
        return Math.min((power - 2) * SUB + sub, POWERS * SUB - 1);
    }

    /** The largest duration, in microseconds, that falls into bucket {@code i}. */
    static long upperMicros(int i) {
        if (i < SUB) {
            return i;
        }
        int power = i / SUB + 2;
        int sub = i % SUB;
        return ((long) (SUB + sub + 1) << (power - 3)) - 1;
    }
}
