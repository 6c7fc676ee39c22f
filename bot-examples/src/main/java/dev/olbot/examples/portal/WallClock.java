package dev.olbot.examples.portal;

import dev.olbot.testkit.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes a fake account's {@link VirtualClock} follow real time, so its leaky bucket drains, its tokens expire and
 * its line timers fire as on a real portal; {@link #skip} moves it ahead (and it keeps following from there).
 * A daemon thread advances the clock every 10 ms; due timers fire on that thread.
 */
public final class WallClock implements AutoCloseable {

    private final VirtualClock clock;
    private final long originNanos = System.nanoTime();
    private final Instant originInstant;
    private final Thread thread;
    private volatile Duration skipped = Duration.ZERO;
    private volatile boolean running = true;

    public WallClock(VirtualClock clock) {
        this.clock = clock;
        this.originInstant = clock.instant();
        this.thread = new Thread(this::loop, "olbot-portal-clock");
        thread.setDaemon(true);
        thread.start();
    }

    /** Moves the clock {@code amount} ahead of real time at once (firing the timers due on the way). */
    public synchronized void skip(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward: " + amount);
        }
        skipped = skipped.plus(amount);
        catchUp();
    }

    private void loop() {
        while (running) {
            catchUp();
            LockSupport.parkNanos(10_000_000);
        }
    }

    private synchronized void catchUp() {
        Instant target = originInstant.plus(skipped).plusNanos(System.nanoTime() - originNanos);
        Duration behind = Duration.between(clock.instant(), target);
        if (!behind.isNegative() && !behind.isZero()) {
            clock.advance(behind);
        }
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
