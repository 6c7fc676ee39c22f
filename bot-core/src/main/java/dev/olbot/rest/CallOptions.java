package dev.olbot.rest;

import java.time.Instant;
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
 * @param deadline       the time (on the client's {@link RestClock}) after which the call is no
 *                       longer wanted: if it has not been sent by then it is dropped and fails with
 *                       {@link DeadlineExceededException} (it certainly did not run); retries after a
 *                       rate limit or a held method are not attempted past it. A call already sent
 *                       is not recalled: its answer comes within the request timeout.
 */
public record CallOptions(Optional<String> orderKey, Optional<String> idempotencyKey, Optional<Instant> deadline) {

    public static final CallOptions NONE = new CallOptions(Optional.empty(), Optional.empty(), Optional.empty());

    public CallOptions {
        orderKey = orderKey == null ? Optional.empty() : orderKey;
        idempotencyKey = idempotencyKey == null ? Optional.empty() : idempotencyKey;
        deadline = deadline == null ? Optional.empty() : deadline;
    }

    public CallOptions(Optional<String> orderKey, Optional<String> idempotencyKey) {
        this(orderKey, idempotencyKey, Optional.empty());
    }

    public static CallOptions ordered(String orderKey) {
        return NONE.withOrderKey(orderKey);
    }

    public CallOptions withOrderKey(String key) {
        return new CallOptions(Optional.ofNullable(key), idempotencyKey, deadline);
    }

    public CallOptions withIdempotencyKey(String key) {
        return new CallOptions(orderKey, Optional.ofNullable(key), deadline);
    }

    public CallOptions withDeadline(Instant at) {
        return new CallOptions(orderKey, idempotencyKey, Optional.ofNullable(at));
    }
}
