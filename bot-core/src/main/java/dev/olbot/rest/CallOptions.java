package dev.olbot.rest;

import java.util.Optional;

/**
 * Per-call options.
 *
 * @param orderKey       calls with the same key (typically the dialog id) leave in the order they
 *                       were made and never overlap: the next one is sent only after the previous
 *                       one finished (several may share one coalesced {@code batch}, in order)
 * @param idempotencyKey identifies one logical effect (e.g. "reply 3 of turn 17 in chat42"); see
 *                       {@link RestClient#call(String, String, java.util.Map, CallOptions)} for what
 *                       the client guarantees for it
 */
public record CallOptions(Optional<String> orderKey, Optional<String> idempotencyKey) {

    public static final CallOptions NONE = new CallOptions(Optional.empty(), Optional.empty());

    public CallOptions {
        orderKey = orderKey == null ? Optional.empty() : orderKey;
        idempotencyKey = idempotencyKey == null ? Optional.empty() : idempotencyKey;
    }

    public static CallOptions ordered(String orderKey) {
        return NONE.withOrderKey(orderKey);
    }

    public CallOptions withOrderKey(String key) {
        return new CallOptions(Optional.ofNullable(key), idempotencyKey);
    }

    public CallOptions withIdempotencyKey(String key) {
        return new CallOptions(orderKey, Optional.ofNullable(key));
    }
}
