package dev.olbot.ingress;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;

/**
 * Says in the log when events arrive faster than the bot handles them: one WARN when the events
 * accepted and not yet handled reach {@code threshold}, one INFO with the peak when they are back
 * at half of it. Between the two nothing more is written, however long the backlog lasts; the
 * depth itself is the {@code olbot.inbox.queued} gauge. Thread-safe, lock-free.
 */
final class BacklogAlarm {

    private final Logger log;
    private final int threshold;
    private final AtomicBoolean raised = new AtomicBoolean();
    private final AtomicInteger peak = new AtomicInteger();

    BacklogAlarm(Logger log, int threshold) {
        if (threshold < 2) {
            throw new IllegalArgumentException("backlog threshold must be >= 2, was " + threshold);
        }
        this.log = log;
        this.threshold = threshold;
    }

    /** The depth after an event was queued or finished. */
    void depth(int depth) {
        if (raised.get()) {
            peak.accumulateAndGet(depth, Math::max);
            if (depth <= threshold / 2 && raised.compareAndSet(true, false)) {
                log.info("backlog drained: {} event(s) waiting for their turn (peak {})", depth, peak.getAndSet(0));
            }
        } else if (depth >= threshold && raised.compareAndSet(false, true)) {
            peak.accumulateAndGet(depth, Math::max);
            log.warn("backlog: {} events accepted and waiting for their turn (threshold {}): events arrive faster than "
                    + "the bot answers them, e.g. above the portal's REST limit; they are handled in order as it allows", depth,
                    threshold);
        }
    }

    boolean raised() {
        return raised.get();
    }
}
