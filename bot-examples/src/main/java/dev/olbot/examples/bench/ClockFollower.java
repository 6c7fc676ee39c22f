package dev.olbot.examples.bench;

import dev.olbot.rest.RestClock;
import dev.olbot.testkit.VirtualClock;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes a fake account's {@link VirtualClock} follow real time (optionally sped up), so its leaky
 * bucket drains in wall time: a daemon thread advances the clock to
 * {@code start + (System.nanoTime() - origin) * speed} every millisecond.
 *
 * <p>{@link #restClock(Vertx)} paces a {@code RestClient} by the same clock: it reads the fake's
 * time (so the client never believes the bucket has drained more than the fake does) and waits on
 * Vert.x timers of {@code delay / speed} real time.
 */
public final class ClockFollower implements AutoCloseable {

    private final VirtualClock clock;
    private final double speed;
    private final long originNanos;
    private final Instant originInstant;
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts following real time at {@code speed} (1 = real time, 20 = twenty times as fast). */
    public ClockFollower(VirtualClock clock, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0: " + speed);
        }
        this.clock = clock;
        this.speed = speed;
        this.originNanos = System.nanoTime();
        this.originInstant = clock.instant();
        this.thread = new Thread(this::loop, "bench-clock-follower");
        thread.setDaemon(true);
        thread.start();
    }

    public double speed() {
        return speed;
    }

    private void loop() {
        while (running) {
            catchUp();
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** Advances the clock to the current followed time (fires its due timers on this thread). */
    private synchronized void catchUp() {
        Instant target = originInstant.plusNanos((long) ((System.nanoTime() - originNanos) * speed));
        Duration behind = Duration.between(clock.instant(), target);
        if (!behind.isNegative() && !behind.isZero()) {
            clock.advance(behind);
        }
    }

    /** A pacing clock for the REST client that reads the followed virtual clock. */
    public RestClock restClock(Vertx vertx) {
        return new RestClock() {
            @Override
            public long nanoTime() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public void schedule(long delayNanos, Runnable task) {
                long ms = Math.max(1, (long) Math.ceil(delayNanos / speed / 1e6));
                vertx.setTimer(ms, id -> task.run());
            }
        };
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
