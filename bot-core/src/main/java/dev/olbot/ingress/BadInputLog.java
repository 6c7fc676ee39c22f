package dev.olbot.ingress;

import dev.olbot.wire.LogSafe;
import org.slf4j.Logger;

/**
 * One WARN line per bad request, at most {@code perWindow} lines per window; the rest are counted
 * and reported in one line when the next window opens. Bad input is the sender's mistake (or an
 * attack): it never gets a stack trace, and a flood of it cannot flood the log. Every argument is
 * escaped with {@link LogSafe}. Thread-safe.
 */
final class BadInputLog {

    private final Logger log;
    private final FixedWindow window;

    BadInputLog(Logger log, int perWindow, long windowMillis) {
        this.log = log;
        this.window = new FixedWindow(perWindow, windowMillis);
    }

    /** Logs {@code format} with escaped {@code args}, unless this window's lines are spent. */
    void warn(String format, Object... args) {
        if (!window.tryAcquire(missed -> log.warn("{} more bad requests were not logged in the last {} s", missed,
                window.windowSeconds()))) {
            return;
        }
        Object[] safe = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            safe[i] = LogSafe.escape(args[i]);
        }
        log.warn(format, safe);
    }
}
