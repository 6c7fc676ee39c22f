package dev.olbot.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Per-method state of one portal: the last {@code time.operating} and {@code operating_reset_at}
 * seen, and the methods held after {@code OPERATION_TIME_LIMIT}. Not thread-safe: the lane guards it.
 */
final class MethodHolds {

    /** What the platform said about one method's operating-time budget. */
    record Usage(double operating, Optional<Instant> resetAt) {}

    private final Map<String, Long> heldUntilNanos = new HashMap<>();
    private final Map<String, Usage> usage = new HashMap<>();

    void observe(String method, JsonNode time) {
        if (time == null || !time.isObject()) {
            return;
        }
        String key = key(method);
        Usage old = usage.get(key);
        double operating = time.path("operating").isNumber() ? time.path("operating").asDouble() : old == null ? 0 : old.operating();
        Optional<Instant> reset = time.path("operating_reset_at").isNumber()
                ? Optional.of(Instant.ofEpochSecond(time.path("operating_reset_at").asLong()))
                : old == null ? Optional.empty() : old.resetAt();
        usage.put(key, new Usage(operating, reset));
    }

    Optional<Usage> usage(String method) {
        return Optional.ofNullable(usage.get(key(method)));
    }

    void hold(String method, long untilNanos) {
        heldUntilNanos.merge(key(method), untilNanos, Math::max);
    }

    /** The ticker time until which {@code method} is held, or {@code Long.MIN_VALUE} when it is free at {@code now}. */
    long heldUntil(String method, long nowNanos) {
        Long until = heldUntilNanos.get(key(method));
        if (until == null) {
            return Long.MIN_VALUE;
        }
        if (until - nowNanos <= 0) {
            heldUntilNanos.remove(key(method));
            return Long.MIN_VALUE;
        }
        return until;
    }

    private static String key(String method) {
        return method.toLowerCase(Locale.ROOT);
    }
}
