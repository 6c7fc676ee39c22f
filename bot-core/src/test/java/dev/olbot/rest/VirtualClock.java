package dev.olbot.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** A {@link RestClock} that moves only when told to; scheduled tasks run inside {@link #advance}. */
final class VirtualClock implements RestClock {

    private record Task(long at, long order, Runnable run) {}

    private final Instant epoch = Instant.parse("2026-11-21T12:00:00Z");
    private final PriorityQueue<Task> tasks = new PriorityQueue<>(Comparator.comparingLong(Task::at).thenComparingLong(Task::order));
    private long nanos;
    private long order;

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized Instant now() {
        return epoch.plusNanos(nanos);
    }

    @Override
    public synchronized void schedule(long delayNanos, Runnable task) {
        tasks.add(new Task(nanos + Math.max(0, delayNanos), order++, task));
    }

    /** Moves time forward, running every task that falls due on the way, in time order. */
    void advance(Duration by) {
        long target;
        synchronized (this) {
            target = nanos + by.toNanos();
        }
        for (int runs = 0; ; runs++) {
            if (runs > 1_000_000) {
                throw new IllegalStateException("a task keeps rescheduling itself at the same time");
            }
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.at() > target) {
                    nanos = target;
                    return;
                }
                tasks.poll();
                nanos = Math.max(nanos, next.at());
            }
            next.run().run();
        }
    }

    /** Advances in small steps so that tasks scheduled by tasks also run. */
    void advanceInSteps(Duration total, Duration step) {
        for (long done = 0; done < total.toNanos(); done += step.toNanos()) {
            advance(step);
        }
    }

    synchronized List<Long> pendingTimes() {
        List<Long> out = new ArrayList<>();
        tasks.forEach(t -> out.add(t.at()));
        return out;
    }
}
