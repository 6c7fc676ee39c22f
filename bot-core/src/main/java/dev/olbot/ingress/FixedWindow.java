package dev.olbot.ingress;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/** At most {@code limit} permits per window of fixed length; what was refused is counted. Thread-safe. */
final class FixedWindow {

    private final int limit;
    private final long windowNanos;
    private final AtomicLong windowStart = new AtomicLong(System.nanoTime());
    private final AtomicLong inWindow = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    FixedWindow(int limit, long windowMillis) {
        this.limit = limit;
        this.windowNanos = windowMillis * 1_000_000L;
    }

    /**
     * Takes a permit; false when this window's are spent. When a new window opens, {@code closed}
     * first learns how many were refused in the one before (if any).
     */
    boolean tryAcquire(LongConsumer closed) {
        long now = System.nanoTime();
        long start = windowStart.get();
        if (now - start >= windowNanos && windowStart.compareAndSet(start, now)) {
            inWindow.set(0);
            long missed = refused.getAndSet(0);
            if (missed > 0) {
                closed.accept(missed);
            }
        }
        if (inWindow.incrementAndGet() > limit) {
            refused.incrementAndGet();
            return false;
        }
        return true;
    }

    long windowSeconds() {
        return windowNanos / 1_000_000_000L;
    }
}
