package dev.olbot.examples.bench;

import java.util.Arrays;

/** What one load run measured: completed requests, errors, wall time and latency percentiles. */
public record LoadResult(long completed, long errors, double seconds, long[] latenciesMicros) {

    public double perSecond() {
        return completed / seconds;
    }

    /** The latency at percentile {@code p} (0-100) in milliseconds. */
    public double percentileMillis(double p) {
        if (latenciesMicros.length == 0) {
            return Double.NaN;
        }
        long[] sorted = latenciesMicros.clone();
        Arrays.sort(sorted);
        int idx = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, idx)] / 1000.0;
    }
}
