package dev.olbot.rest.internal;

import dev.olbot.rest.RestException;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code OPERATION_TIME_LIMIT} (429): the method is held for this app. When the error body carries
 * {@code operating_reset_at} (unix seconds; the fake account sends it, a live portal's error body
 * is not documented to), the hold ends then.
 */
final class OperatingLimitError extends RestException {

    private final Instant resetAt;

    OperatingLimitError(String method, int status, String description, Instant resetAt) {
        super(method, status, "OPERATION_TIME_LIMIT", description);
        this.resetAt = resetAt;
    }

    Optional<Instant> resetAt() {
        return Optional.ofNullable(resetAt);
    }
}
