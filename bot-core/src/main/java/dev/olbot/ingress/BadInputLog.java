package dev.olbot.ingress;

import dev.olbot.wire.LogSafe;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * One WARN line per bad request, at most {@code perWindow} lines per window; the rest are counted
 * and reported in one line when the next window opens. Bad input is the sender's mistake (or an
 * attack): it never gets a stack trace, and a flood of it cannot flood the log. Every argument is
 * escaped with {@link LogSafe}. Thread-safe.
 */
final class BadInputLog {

    private final Logger log;
    private final int perWindow;
    private final long windowNanos;
    private final AtomicLong windowStart = new AtomicLong(System.nanoTime());
    private final AtomicLong inWindow = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    BadInputLog(Logger log, int perWindow, long windowMillis) {
        this.log = log;
        this.perWindow = perWindow;
        this.windowNanos = windowMillis * 1_000_000L;
    }

    /** Logs {@code format} with escaped {@code args}, unless this window's lines are spent. */
    void warn(String format, Object... args) {
        long now = System.nanoTime();
        long start = windowStart.get();
        if (now - start >= windowNanos && windowStart.compareAndSet(start, now)) {
            inWindow.set(0);
            long missed = suppressed.getAndSet(0);
            if (missed > 0) {
                log.warn("{} more bad requests were not logged in the last {} s", missed, windowNanos / 1_000_000_000L);
            }
        }
        if (inWindow.incrementAndGet() > perWindow) {
            suppressed.incrementAndGet();
            return;
        }
        Object[] safe = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            safe[i] = LogSafe.escape(args[i]);
        }
        log.warn(format, safe);
    }
}
