package dev.olbot.ingress;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks one at a time per lane key, in submission order, on a shared executor; different lanes
 * run in parallel. A lane exists only while it has work, so a million quiet dialogs cost nothing.
 *
 * <p><b>Runners.</b> Lanes with work wait in one ready queue, and a runner (a task on the executor)
 * takes them one after another — so a burst of lanes (the deliveries one journal sync kept) wakes
 * one thread, not one per lane, and a thread that finishes a lane takes the next without parking.
 * A lane never waits behind another lane's blocked turn: a new runner is started whenever a lane
 * becomes ready while no runner is between lanes, and a runner that takes a lane while others wait
 * and none is between lanes starts one more (the way Tokio's and Go's schedulers wake one
 * "searching" worker at a time). At most {@code maxRunners} run at once.
 */
public final class LaneExecutor {

    private final Executor executor;
    private final int maxRunners;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Lane> ready = new ConcurrentLinkedQueue<>();
    /** Runners started and not finished. */
    private final AtomicInteger runners = new AtomicInteger();
    /** Runners between lanes (starting, or looking for the next lane): while one is, a new lane needs no new runner. */
    private final AtomicInteger searching = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    private final java.util.List<java.util.concurrent.CompletableFuture<Void>> idleWaiters = new java.util.ArrayList<>();

    /** Lanes on {@code executor}, as many at once as it runs (up to 10,000 runners). */
    public LaneExecutor(Executor executor) {
        this(executor, 10_000);
    }

    /** Lanes on {@code executor}, at most {@code maxRunners} at once (an executor with a fixed number of threads: that number). */
    public LaneExecutor(Executor executor, int maxRunners) {
        if (maxRunners < 1) {
            throw new IllegalArgumentException("maxRunners must be at least 1, was " + maxRunners);
        }
        this.executor = executor;
        this.maxRunners = maxRunners;
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
            ready.add(started[0]);
            if (searching.get() == 0) {
                startRunner(); // outside the map's lock: an executor may run it on this thread
            }
        }
    }

    /** Starts one more runner, counted as searching, unless {@code maxRunners} run already. */
    private void startRunner() {
        for (int n = runners.get(); n < maxRunners; n = runners.get()) {
            if (runners.compareAndSet(n, n + 1)) {
                searching.incrementAndGet();
                try {
                    executor.execute(this::run);
                } catch (RuntimeException refused) { // a pool shut down: nothing runs these lanes any more
                    searching.decrementAndGet();
                    runners.decrementAndGet();
                    throw refused;
                }
                return;
            }
        }
    }

    /** A runner: takes ready lanes until none is left. Starts searching (counted by whoever started it). */
    private void run() {
        while (true) {
            Lane lane = ready.poll();
            if (lane == null) {
                searching.decrementAndGet();
                // a lane made ready just before that decrement saw this runner searching and started none: take it
                if (!ready.isEmpty()) {
                    searching.incrementAndGet();
                    continue;
                }
                runners.decrementAndGet();
                return;
            }
            if (searching.decrementAndGet() == 0 && !ready.isEmpty()) {
                startRunner(); // this lane may block: someone must be free for the others
            }
            lane.run();
            searching.incrementAndGet();
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

    private final class Lane {
        private final String key;
        // guarded by the map's compute lock for this key
        private final ArrayDeque<Queued> queue = new ArrayDeque<>();

        Lane(String key) {
            this.key = key;
        }

        /** Runs the lane's tasks until it has none (it is then removed from the map). */
        void run() {
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
