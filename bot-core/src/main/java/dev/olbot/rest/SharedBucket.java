package dev.olbot.rest;

import io.vertx.core.Future;

/**
 * SPI: the portal's leaky bucket shared by every instance of a bot. Bitrix24 limits requests per
 * portal, not per process, so with several instances each one's own pacing would add up to N times
 * the limit. When a shared bucket is configured, a request that the client's own bucket lets go
 * also needs a place in this one; otherwise it waits (its place in the queue and its dialog's order
 * kept) and asks again. Without one (the default) only the client's own bucket paces.
 */
@FunctionalInterface
public interface SharedBucket {

    /**
     * Takes one request from {@code portal}'s bucket. Must not block. A failed future lets the
     * request leave on the client's own pacing.
     */
    Future<Answer> take(String portal, RateLimit limit);

    /**
     * @param waitNanos 0 when the request may leave now (and was counted), else how long to wait before asking again
     * @param level     how full the shared bucket is now, in requests of {@code limit.burst()}; the client's own
     *                  bucket follows it, so it gathers calls into {@code batch} as soon as the portal's bucket fills
     */
    record Answer(long waitNanos, double level) {

        public boolean go() {
            return waitNanos <= 0;
        }
    }
}
