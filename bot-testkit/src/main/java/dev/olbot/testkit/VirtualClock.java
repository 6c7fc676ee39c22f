package dev.olbot.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to. Timers scheduled on it fire, in due-time order (ties in
 * scheduling order), on the thread that calls {@link #advance}, with {@link #instant()} reading
 * exactly the timer's due time while it runs. A timer scheduled by a firing timer fires in the
 * same advance when it falls due before the target time. Dependency-free and thread-safe.
 */
public class VirtualClock extends Clock {

    /** A scheduled timer; cancel it to keep it from firing. */
    public interface Timer {
        /** Cancels the timer; true when it had not fired yet. */
        boolean cancel();

        Instant dueAt();
    }

    private final Object lock = new Object();
    private final ZoneId zone;
    private final PriorityQueue<Entry> timers = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private Instant now;

    public VirtualClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    public VirtualClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    /** A clock starting at 2026-03-01T10:00:00Z, UTC. */
    public static VirtualClock startingAtDefault() {
        return new VirtualClock(Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a virtual clock has one zone; create another VirtualClock");
    }

    @Override
    public Instant instant() {
        synchronized (lock) {
            return now;
        }
    }

    /** Unix seconds of {@link #instant()}. */
    public long epochSecond() {
        return instant().getEpochSecond();
    }

    /** Schedules {@code task} to run when the clock has advanced by {@code delay} (zero or more). */
    public Timer schedule(Duration delay, Runnable task) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay " + delay);
        }
        synchronized (lock) {
            Entry e = new Entry(now.plus(delay), sequence.incrementAndGet(), task);
            timers.add(e);
            return e;
        }
    }

    /** Moves time forward by {@code amount}, running every timer that falls due, in order. */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("time does not run backwards: " + amount);
        }
        Instant target;
        synchronized (lock) {
            target = now.plus(amount);
        }
        while (true) {
            Entry next;
            synchronized (lock) {
                next = timers.peek();
                if (next == null || next.due.isAfter(target)) {
                    if (now.isBefore(target)) {
                        now = target;
                    }
                    return;
                }
                timers.poll();
                if (next.due.isAfter(now)) {
                    now = next.due;
                }
                if (next.cancelled) {
                    continue;
                }
                next.fired = true;
            }
            next.task.run();
        }
    }

    /** Timers not yet fired nor cancelled, in due order. */
    public List<Instant> pendingTimers() {
        synchronized (lock) {
            List<Entry> copy = new ArrayList<>(timers);
            copy.sort(null);
            List<Instant> out = new ArrayList<>();
            for (Entry e : copy) {
                if (!e.cancelled) {
                    out.add(e.due);
                }
            }
            return out;
        }
    }

    private final class Entry implements Timer, Comparable<Entry> {
        final Instant due;
        final long seq;
        final Runnable task;
        boolean cancelled;
        boolean fired;

        Entry(Instant due, long seq, Runnable task) {
            this.due = due;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public boolean cancel() {
            synchronized (lock) {
                if (fired || cancelled) {
                    return false;
                }
                cancelled = true;
                return true;
            }
        }

        @Override
        public Instant dueAt() {
            return due;
        }

        @Override
        public int compareTo(Entry o) {
            int c = due.compareTo(o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
