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
 * A new runner is started at once when a lane becomes ready and no runner exists or is between
 * lanes, and — while the recent turns took more than 0.1 ms on average, as turns that call a REST method
 * do — whenever a lane waits while every runner is inside a lane. While turns are quick, the lanes that
 * wait are left to the busy runners: only a lane that has waited {@code rescueAfter} (5 ms by default)
 * gets a runner of its own — started by the next runner that takes a lane, or by a watchdog thread when
 * every runner is blocked in a turn. So a stream of quick turns does not wake a thread per turn (waking
 * one costs a parked thread and the thread that wakes it several microseconds each, more than a quick
 * turn itself), and a lane waits at most a few milliseconds behind a quick executor's one blocked
 * turn. At most {@code maxRunners} run at once.
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
    /** How long a ready lane may wait while every runner is inside a lane before one more runner starts for it. */
    private final long rescueAfterNanos;
    /**
     * A turn this quick on average is cheaper to wait for than a thread is to wake (waking one costs it and
     * its waker several microseconds each).
     */
    static final long QUICK_TURN_NANOS = 100_000;
    /** The recent turns' mean duration (a moving average of the last ~16). */
    private volatile long meanTurnNanos;
    /** True while the {@link Watchdog} looks at this executor. */
    private final java.util.concurrent.atomic.AtomicBoolean watched = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * The default {@code rescueAfter}: 5 ms is nothing to a chat turn (a reply's REST call takes 50–300 ms) and
     * hundreds of quick turns to a thread; the watchdog that enforces it wakes at most 400 times a second.
     */
    public static final java.time.Duration DEFAULT_RESCUE_AFTER = java.time.Duration.ofMillis(5);

    /** Lanes on {@code executor}, as many at once as it runs (up to 10,000 runners). */
    public LaneExecutor(Executor executor) {
        this(executor, 10_000);
    }

    /** Lanes on {@code executor}, at most {@code maxRunners} at once (an executor with a fixed number of threads: that number). */
    public LaneExecutor(Executor executor, int maxRunners) {
        this(executor, maxRunners, DEFAULT_RESCUE_AFTER);
    }

    /**
     * Lanes on {@code executor}, at most {@code maxRunners} at once; a lane that has waited
     * {@code rescueAfter} while every runner was inside a lane gets a runner of its own.
     */
    public LaneExecutor(Executor executor, int maxRunners, java.time.Duration rescueAfter) {
        if (maxRunners < 1) {
            throw new IllegalArgumentException("maxRunners must be at least 1, was " + maxRunners);
        }
        if (rescueAfter.isNegative()) {
            throw new IllegalArgumentException("rescueAfter must not be negative, was " + rescueAfter);
        }
        this.executor = executor;
        this.maxRunners = maxRunners;
        this.rescueAfterNanos = rescueAfter.toNanos();
    }

    /** Queues a task on a lane. Never blocks. */
    public void submit(String laneKey, Runnable task) {
        pending.incrementAndGet();
        long now = System.nanoTime();
        Lane[] started = new Lane[1];
        lanes.compute(laneKey, (key, lane) -> {
            if (lane == null) {
                lane = new Lane(key, now);
                started[0] = lane;
            }
            lane.queue.add(new Queued(task, now));
            return lane;
        });
        if (started[0] != null) {
            ready.add(started[0]);
            if (searching.get() == 0) {
                if (runners.get() == 0 || !quickTurns()) {
                    startRunner(); // outside the map's lock: an executor may run it on this thread
                } else {
                    watch(); // every runner is inside a quick turn: the first to finish takes it, or it is rescued
                }
            }
        }
    }

    /**
     * Starts a runner when a ready lane has waited {@code rescueAfter} and no runner is between lanes
     * (the runners are blocked in turns, or fewer than the lanes need). True when nothing waits any more
     * or a runner is between lanes: nothing to watch.
     */
    private boolean rescue(long now) {
        Lane head = ready.peek();
        if (head == null || searching.get() > 0) {
            return true;
        }
        if (now - head.readyAt >= rescueAfterNanos) {
            startRunner();
        }
        return false;
    }

    /**
     * True while the recent turns took {@link #QUICK_TURN_NANOS} or less on average: then a lane waiting
     * behind busy runners is left to them (they are back within microseconds) instead of waking a thread.
     * Turns that wait on the network (a REST call takes milliseconds) make every waiting lane start a
     * runner at once, as if there were no rescue time.
     */
    private boolean quickTurns() {
        return meanTurnNanos <= QUICK_TURN_NANOS;
    }

    /** Has the watchdog look at this executor until nothing waits for a runner. */
    private void watch() {
        if (!watched.get() && watched.compareAndSet(false, true)) {
            Watchdog.INSTANCE.add(this);
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
                runners.decrementAndGet();
                // a lane made ready before those decrements saw this runner and started none: take it
                if (!ready.isEmpty() && rejoin()) {
                    continue;
                }
                return;
            }
            if (searching.decrementAndGet() == 0 && !ready.isEmpty()) {
                // this lane may block: the others must not wait behind it for long
                try {
                    if (!quickTurns()) {
                        startRunner();
                    } else if (!rescue(System.nanoTime())) {
                        watch();
                    }
                } catch (RuntimeException refused) {
                    // the pool was shut down: no runner can start any more; this one still runs its lane
                }
            }
            lane.run();
            searching.incrementAndGet();
        }
    }

    /** Counts this runner again (searching) unless {@code maxRunners} run meanwhile: false then, and it ends. */
    private boolean rejoin() {
        for (int n = runners.get(); n < maxRunners; n = runners.get()) {
            if (runners.compareAndSet(n, n + 1)) {
                searching.incrementAndGet();
                return true;
            }
        }
        return false;
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
        /** When it was made ready (a lane is ready once: it runs until it is empty and then is gone). */
        private final long readyAt;
        // guarded by the map's compute lock for this key
        private final ArrayDeque<Queued> queue = new ArrayDeque<>();

        Lane(String key, long readyAt) {
            this.key = key;
            this.readyAt = readyAt;
        }

        /** Runs the lane's tasks until it has none (it is then removed from the map). */
        void run() {
            Runnable task = next();
            while (task != null) {
                long start = System.nanoTime();
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // a task that throws must not strand the tasks queued behind it in this lane
                    org.slf4j.LoggerFactory.getLogger(LaneExecutor.class).error("a task of lane {} failed", key, e);
                }
                long took = System.nanoTime() - start;
                meanTurnNanos += (took - meanTurnNanos) / 16; // racy between runners: an estimate is all it needs to be
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

    /**
     * One daemon thread for every lane executor of the process: while some executor has lanes waiting
     * with every runner inside a lane, it looks at them every half {@code rescueAfter} (but at most every
     * millisecond) and starts a runner for a lane that waited too long. An executor stays watched until
     * it needed nothing for 40 looks in a row, so a busy one costs no wake-up per turn; with nothing to
     * watch the thread parks until asked again. It never runs a turn itself.
     */
    private static final class Watchdog implements Runnable {
        static final Watchdog INSTANCE = new Watchdog();
        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LaneExecutor.class);
        /** Looks in a row that found nothing waiting before an executor is no longer watched. */
        private static final int IDLE_LOOKS = 40;

        private final ConcurrentLinkedQueue<LaneExecutor> watched = new ConcurrentLinkedQueue<>();
        private final Thread thread;
        /** True while the thread parks with nothing to watch: only then does {@link #add} wake it. */
        private volatile boolean sleeping;

        private Watchdog() {
            thread = new Thread(this, "olbot-lane-watchdog");
            thread.setDaemon(true);
            thread.start();
        }

        void add(LaneExecutor lanes) {
            watched.add(lanes);
            if (sleeping) {
                java.util.concurrent.locks.LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            while (true) {
                if (watched.isEmpty()) {
                    sleeping = true;
                    if (watched.isEmpty()) { // an add between the first look and the flag saw it unset: look again
                        java.util.concurrent.locks.LockSupport.park(this);
                    }
                    sleeping = false;
                    continue;
                }
                long tick = Long.MAX_VALUE;
                for (java.util.Iterator<LaneExecutor> it = watched.iterator(); it.hasNext(); ) {
                    LaneExecutor lanes = it.next();
                    tick = Math.min(tick, Math.max(1_000_000, lanes.rescueAfterNanos / 2));
                    boolean nothingWaits;
                    try {
                        nothingWaits = lanes.rescue(System.nanoTime());
                    } catch (RuntimeException refused) { // its pool was shut down: nothing can run its lanes any more
                        log.debug("a lane executor's pool refused a runner; no longer watched", refused);
                        lanes.idleLooks = IDLE_LOOKS;
                        nothingWaits = true;
                    }
                    lanes.idleLooks = nothingWaits ? lanes.idleLooks + 1 : 0;
                    if (lanes.idleLooks >= IDLE_LOOKS) {
                        it.remove();
                        lanes.idleLooks = 0;
                        lanes.watched.set(false);
                        if (!lanes.idleForWatchdog()) { // asked again between the look and the flag
                            lanes.watch();
                        }
                    }
                }
                java.util.concurrent.locks.LockSupport.parkNanos(this, tick);
            }
        }
    }

    /** Looks of the watchdog in a row that found nothing waiting (its thread only). */
    private int idleLooks;

    /** True when no lane waits or a runner is between lanes. */
    private boolean idleForWatchdog() {
        return ready.isEmpty() || searching.get() > 0;
    }
}
