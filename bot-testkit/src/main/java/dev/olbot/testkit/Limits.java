package dev.olbot.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Per-portal request-rate bucket and per-method operating-time blocks, on the virtual clock. */
final class Limits {

    private final VirtualClock clock;
    private RatePlan plan;
    private double level;
    private Instant lastDrain;
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    Limits(VirtualClock clock) {
        this.clock = clock;
        this.lastDrain = clock.instant();
    }

    synchronized void enforce(RatePlan plan) {
        this.plan = plan;
        this.level = 0;
        this.lastDrain = clock.instant();
    }

    /** Counts one request; throws {@code QUERY_LIMIT_EXCEEDED} (503) when the bucket is full. */
    synchronized void admit() {
        if (plan == null) {
            return;
        }
        Instant now = clock.instant();
        double seconds = Duration.between(lastDrain, now).toNanos() / 1e9;
        level = Math.max(0, level - seconds * plan.perSecond());
        lastDrain = now;
        if (level + 1 > plan.burst()) {
            throw new BitrixError(503, "QUERY_LIMIT_EXCEEDED", "Too many requests");
        }
        level += 1;
    }

    synchronized double level() {
        return level;
    }

    void block(String method, Duration duration) {
        blockedUntil.put(method, clock.instant().plus(duration));
    }

    /** Throws {@code OPERATION_TIME_LIMIT} (429) with {@code operating_reset_at} while the method is blocked. */
    void checkOperating(String method) {
        Instant until = blockedUntil.get(method);
        if (until != null && clock.instant().isBefore(until)) {
            throw new BitrixError(429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit",
                    Map.of("operating_reset_at", until.getEpochSecond()));
        }
    }
}
