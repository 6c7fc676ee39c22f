package dev.olbot.rest;

import io.vertx.core.Vertx;
import java.time.Instant;

/**
 * The time source of the client's pacing: a monotonic ticker, the wall clock (to read
 * {@code operating_reset_at}) and a one-shot scheduler. The default runs on Vert.x timers; tests
 * pass a virtual clock so rate-limit pacing runs without sleeping. Request timeouts are not paced
 * by this clock: they always use real time.
 */
public interface RestClock {

    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Wall-clock now. */
    Instant now();

    /** Runs {@code task} once after {@code delayNanos} (0 or less: soon), on any thread. */
    void schedule(long delayNanos, Runnable task);

    static RestClock system(Vertx vertx) {
        return new RestClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void schedule(long delayNanos, Runnable task) {
                long ms = Math.max(1, (delayNanos + 999_999) / 1_000_000);
                vertx.setTimer(ms, id -> task.run());
            }
        };
    }
}
