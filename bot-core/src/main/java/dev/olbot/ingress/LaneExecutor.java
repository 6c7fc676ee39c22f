package dev.olbot.ingress;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks one at a time per lane key, in submission order, on a shared executor; different lanes
 * run in parallel. A lane exists only while it has work, so a million quiet dialogs cost nothing.
 */
public final class LaneExecutor {

    private final Executor executor;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final java.util.List<java.util.concurrent.CompletableFuture<Void>> idleWaiters = new java.util.ArrayList<>();

    public LaneExecutor(Executor executor) {
        this.executor = executor;
    }

    /** Queues a task on a lane. Never blocks. */
    public void submit(String laneKey, Runnable task) {
        pending.incrementAndGet();
        Lane[] started = new Lane[1];
        lanes.compute(laneKey, (key, lane) -> {
            if (lane == null) {
                lane = new Lane(key);
                started[0] = lane;
            }
            lane.queue.add(new Queued(task, System.nanoTime()));
            return lane;
        });
        if (started[0] != null) {
            executor.execute(started[0]); // outside the map's lock: an executor may run it on this thread
        }
    }

    /**
     * Completes when no task is queued or running (at once if that is so now). A test harness
     * uses it to know that every turn triggered so far has finished — no sleeping, no polling.
     */
    public java.util.concurrent.CompletableFuture<Void> whenIdle() {
        java.util.concurrent.CompletableFuture<Void> f = new java.util.concurrent.CompletableFuture<>();
        synchronized (idleWaiters) {
            if (pending.get() == 0) {
                f.complete(null);
            } else {
                idleWaiters.add(f);
            }
        }
        return f;
    }

    private void finished() {
        if (pending.decrementAndGet() == 0) {
            java.util.List<java.util.concurrent.CompletableFuture<Void>> ready;
            synchronized (idleWaiters) {
                if (pending.get() != 0) {
                    return;
                }
                ready = java.util.List.copyOf(idleWaiters);
                idleWaiters.clear();
            }
            ready.forEach(w -> w.complete(null));
        }
    }

    /** Tasks submitted and not yet finished. */
    public int pending() {
        return pending.get();
    }

    /**
     * How long the longest-waiting task not yet started has waited, in nanoseconds (0 when none
     * waits). Walks the lanes: meant for a metrics scrape, not for every event.
     */
    public double oldestQueuedAgeNanos() {
        long now = System.nanoTime();
        long oldest = 0;
        for (String key : lanes.keySet()) {
            long[] at = {Long.MAX_VALUE};
            lanes.computeIfPresent(key, (k, lane) -> {
                Queued head = lane.queue.peek();
                if (head != null) {
                    at[0] = head.queuedAt();
                }
                return lane;
            });
            if (at[0] != Long.MAX_VALUE) {
                oldest = Math.max(oldest, now - at[0]);
            }
        }
        return oldest;
    }

    private record Queued(Runnable task, long queuedAt) {}

    /** Lanes that currently have queued or running work. */
    public int activeLanes() {
        return lanes.size();
    }

    private final class Lane implements Runnable {
        private final String key;
        // guarded by the map's compute lock for this key
        private final ArrayDeque<Queued> queue = new ArrayDeque<>();

        Lane(String key) {
            this.key = key;
        }

        @Override
        public void run() {
            Runnable task = next();
            while (task != null) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // a task that throws must not strand the tasks queued behind it in this lane
                    org.slf4j.LoggerFactory.getLogger(LaneExecutor.class).error("a task of lane {} failed", key, e);
                }
                Runnable following = next(); // removes the lane when it is empty, before the task counts as done
                finished();
                task = following;
            }
        }

        /** Takes the next task, or removes the lane when it is empty (atomically with submit). */
        private Runnable next() {
            Runnable[] out = new Runnable[1];
            lanes.compute(key, (k, lane) -> {
                Queued q = this.queue.poll();
                if (q == null) {
                    return null;
                }
                out[0] = q.task();
                return this;
            });
            return out[0];
        }
    }
}
