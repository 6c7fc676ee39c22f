package dev.olbot.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.rest.DeadlineExceededException;
import dev.olbot.rest.RateLimit;
import dev.olbot.rest.RestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The queue of one portal in front of its leaky bucket. Calls wait here until the bucket has room,
 * their method is not held, their back-off has passed and no earlier call with the same order key
 * is waiting or in flight. When coalescing is on and several calls are ready at once, up to
 * {@value #MAX_BATCH} of them leave as one {@code batch} (one request against the bucket).
 *
 * <p>Thread-safe; the {@link Dispatcher} is called outside the lock and must hand every job back
 * exactly once through {@link #finished(Job)} or {@link #requeue(Job, long)}.
 */
public final class PortalLane {

    public static final int MAX_BATCH = 50;

    /** Sends the jobs that left: one job alone, or several as one batch. */
    public interface Dispatcher {
        void dispatch(PortalLane lane, List<Job> jobs);
    }

    private final String portal;
    private final RestClock clock;
    private final RateLimit limit;
    private final boolean coalesce;
    private final Dispatcher dispatcher;
    private final TreeMap<Long, Job> queue = new TreeMap<>();
    private final Map<String, Integer> busyKeys = new HashMap<>();
    private final MethodHolds holds = new MethodHolds();
    private double level;
    private long lastLeak;
    private long wakeAt = Long.MAX_VALUE;
    private boolean wakePending;

    public PortalLane(String portal, RestClock clock, RateLimit limit, boolean coalesce, Dispatcher dispatcher) {
        this.portal = portal;
        this.clock = clock;
        this.limit = limit;
        this.coalesce = coalesce;
        this.dispatcher = dispatcher;
        this.lastLeak = clock.nanoTime();
    }

    public String portal() {
        return portal;
    }

    /** The lane clock's wall time. */
    public Instant clockNow() {
        return clock.now();
    }

    public void submit(Job job) {
        synchronized (this) {
            queue.put(job.seq, job);
        }
        pump();
    }

    /** The job is done (succeeded or failed for good): its order key is free again. */
    public void finished(Job job) {
        synchronized (this) {
            release(job);
        }
        pump();
    }

    /** Puts the job back at its original place in the queue, not to leave before {@code delayNanos}. */
    public void requeue(Job job, long delayNanos) {
        synchronized (this) {
            release(job);
            job.notBeforeNanos = clock.nanoTime() + Math.max(0, delayNanos);
            queue.put(job.seq, job);
        }
        pump();
    }

    /**
     * A shared bucket (all instances) refused jobs this lane let go: they go back to their places in
     * the queue, not to leave before {@code delayNanos}, and this lane's bucket counts as full.
     */
    public void deferred(List<Job> jobs, long delayNanos) {
        synchronized (this) {
            shared = true;
            leak(clock.nanoTime());
            level = Math.max(level, limit.burst());
            long at = clock.nanoTime() + Math.max(0, delayNanos);
            for (Job job : jobs) {
                release(job);
                job.notBeforeNanos = at;
                queue.put(job.seq, job);
            }
        }
        pump();
    }

    /** Jobs this lane let go come back unsent: their places in the queue again, after {@code delayNanos}, the request not counted. */
    public void requeueUncounted(List<Job> jobs, long delayNanos) {
        synchronized (this) {
            level = Math.max(0, level - 1);
            long at = clock.nanoTime() + Math.max(0, delayNanos);
            for (Job job : jobs) {
                release(job);
                job.notBeforeNanos = at;
                queue.put(job.seq, job);
            }
        }
        pump();
    }

    /** The shared bucket is this full: this lane's bucket is at least as full (so it paces and gathers as if alone). */
    public synchronized void sharedLevel(double shared) {
        this.shared = true;
        leak(clock.nanoTime());
        level = Math.max(level, Math.min(shared, limit.burst()));
    }

    /** The portal said the bucket is full ({@code QUERY_LIMIT_EXCEEDED}): behave as if it were. */
    public synchronized void markFull() {
        leak(clock.nanoTime());
        level = Math.max(level, limit.burst());
    }

    /**
     * Holds {@code method} ({@code OPERATION_TIME_LIMIT}) until {@code resetAt} (from the error), else
     * the last {@code operating_reset_at} seen, else 10 minutes.
     */
    public void holdMethod(String method) {
        holdMethod(method, Optional.empty());
    }

    public synchronized void holdMethod(String method, Optional<Instant> resetAt) {
        long now = clock.nanoTime();
        Instant wallNow = clock.now();
        Duration wait = resetAt.or(() -> holds.usage(method).flatMap(MethodHolds.Usage::resetAt))
                .filter(at -> at.isAfter(wallNow))
                .map(at -> Duration.between(wallNow, at))
                .orElse(Duration.ofMinutes(10));
        holds.hold(method, now + wait.toNanos());
    }

    /** Until when {@code method} is held, on the wall clock (or now when it is not). */
    public synchronized Instant heldUntil(String method) {
        long now = clock.nanoTime();
        long held = holds.heldUntil(method, now);
        return later(held, now) ? clock.now().plusNanos(held - now) : clock.now();
    }

    public synchronized void observe(String method, JsonNode time) {
        holds.observe(method, time);
    }

    public synchronized Optional<Double> operating(String method) {
        return holds.usage(method).map(MethodHolds.Usage::operating);
    }

    /** Removes and returns every waiting job (used on close). */
    public synchronized List<Job> drain() {
        List<Job> jobs = new ArrayList<>(queue.values());
        queue.clear();
        return jobs;
    }

    public synchronized int waiting() {
        return queue.size();
    }

    /** Sends whatever may leave now, drops what is past its deadline, and schedules a wake-up for the rest. */
    public void pump() {
        List<List<Job>> leaving = new ArrayList<>();
        List<Job> expired = new ArrayList<>();
        synchronized (this) {
            long now = clock.nanoTime();
            expire(now, expired);
            leak(now);
            if (level < limit.burst() / 2.0) {
                pacing = false;
            }
            double margin = limit.burst() < 10 ? 0 : PACING_MARGIN_SECONDS * limit.perSecond();
            while (!queue.isEmpty()) {
                if (level + 1 > limit.burst() - (pacing ? margin : 0)) {
                    pacing = true;
                    double excess = level + 1 - (limit.burst() - margin);
                    scheduleWake(now, now + (long) Math.ceil(excess / limit.perSecond() * 1e9));
                    break;
                }
                List<Job> picked = pick(now);
                if (picked.isEmpty()) {
                    break;
                }
                if (waitsForCompany(picked, now)) {
                    break;
                }
                level += 1;
                lastSentNanos = now;
                for (Job job : picked) {
                    queue.remove(job.seq);
                    job.orderKey.ifPresent(k -> busyKeys.merge(k, 1, Integer::sum));
                }
                leaving.add(picked);
            }
        }
        for (Job job : expired) {
            job.promise.tryFail(new DeadlineExceededException(job.method, job.method + " was not sent to portal " + portal
                    + ": its deadline " + job.deadline + " passed while it waited (rate limit, held method or back-off)", null));
        }
        for (List<Job> jobs : leaving) {
            dispatcher.dispatch(this, jobs);
        }
    }

    /** Removes waiting jobs whose deadline has passed and wakes the lane at the next deadline. */
    private void expire(long now, List<Job> expired) {
        Instant wallNow = clock.now();
        Instant next = null;
        for (var it = queue.values().iterator(); it.hasNext(); ) {
            Job job = it.next();
            if (job.expiredAt(wallNow)) {
                it.remove();
                expired.add(job);
            } else if (job.deadline != null && (next == null || job.deadline.isBefore(next))) {
                next = job.deadline;
            }
        }
        if (next != null) {
            scheduleWake(now, now + Duration.between(wallNow, next).toNanos());
        }
    }

    /**
     * True when a retry of {@code job} after {@code delayNanos} would leave after its deadline (so
     * the caller should fail it now rather than requeue it).
     */
    public boolean pastDeadlineAfter(Job job, long delayNanos) {
        return job.deadline != null && !clock.now().plusNanos(Math.max(0, delayNanos)).isBefore(job.deadline);
    }

    private List<Job> pick(long now) {
        List<Job> picked = new ArrayList<>();
        Set<String> blocked = new HashSet<>();
        long nextReady = Long.MAX_VALUE;
        for (Job job : queue.values()) {
            String key = job.orderKey.orElse(null);
            if (key != null && (blocked.contains(key) || busyKeys.containsKey(key))) {
                blocked.add(key);
                continue;
            }
            long held = holds.heldUntil(job.method, now);
            long readyAt = later(held, now) ? held : now;
            if (later(job.notBeforeNanos, now) && job.notBeforeNanos - readyAt > 0) {
                readyAt = job.notBeforeNanos;
            }
            boolean waiting = readyAt != now;
            boolean joinable = picked.isEmpty() || job.batchable;
            if (waiting || !joinable) {
                if (waiting && (nextReady == Long.MAX_VALUE || readyAt - nextReady < 0)) {
                    nextReady = readyAt;
                }
                if (key != null) {
                    blocked.add(key);
                }
                continue;
            }
            picked.add(job);
            if (!coalesce || !job.batchable || picked.size() == MAX_BATCH) {
                break;
            }
        }
        if (picked.isEmpty() && nextReady != Long.MAX_VALUE) {
            scheduleWake(now, nextReady);
        }
        return picked;
    }

    /** How long a lone call waits for others to join its batch, when the portal is busy or half the burst is spent. */
    static final long GATHER_NANOS = 20_000_000L;

    /** A portal that sent a request this recently is busy: more calls are likely on their way. */
    static final long BUSY_NANOS = 100_000_000L;

    /**
     * Once the bucket was full, requests leave this much after the portal's own count would let
     * them: the portal counts from a request's arrival, the lane from its departure, and a request
     * that overtakes its predecessor's delay by a few milliseconds would otherwise be refused
     * ({@code QUERY_LIMIT_EXCEEDED}) and cost a whole request of the budget. The spacing stays one
     * drain step (500 ms on the standard plan); only the phase moves. A full burst still leaves at once;
     * small buckets (burst under 10) have no margin.
     */
    static final double PACING_MARGIN_SECONDS = 0.025;

    /** The bucket was full since it was last below half: requests keep the pacing margin. */
    private boolean pacing;

    /** Other instances share this portal's bucket (a shared bucket answered): near its ceiling, small batches wait longer. */
    private boolean shared;

    /** When the last request of this lane left ({@code Long.MIN_VALUE}: never). */
    private long lastSentNanos = Long.MIN_VALUE;

    /**
     * With coalescing, requests with fewer than 50 calls may use only half the burst: past that, a
     * request waits up to {@link #GATHER_NANOS} (from its oldest call) for more calls to fill it — so
     * a thousand calls arriving together become about twenty full batches instead of fifty single
     * requests and then batches. Small buckets (burst under 10) are not reserved. When other
     * instances share the portal's bucket, the wait is one drain step (500 ms on the standard plan):
     * at the ceiling every place goes to the fullest batch the cluster has, so an instance with a long
     * queue is not starved by others sending a few calls each.
     */
    private boolean waitsForCompany(List<Job> picked, long now) {
        if (!coalesce || picked.size() >= MAX_BATCH || !picked.get(0).batchable || limit.burst() < 10) {
            return false;
        }
        boolean busy = lastSentNanos != Long.MIN_VALUE && now - lastSentNanos < BUSY_NANOS;
        if (!busy && level + 1 <= limit.burst() / 2.0) {
            return false; // an idle portal: a lone call leaves at once
        }
        Job lone = picked.get(0);
        if (lone.gatherUntilNanos == Long.MIN_VALUE) {
            // sharing the portal's bucket with other instances at its ceiling, a small batch spends a place
            // an instance with a longer queue needs: gather for one drain step instead, yielding the place
            boolean crowded = shared && level + 1 > limit.burst() / 2.0;
            lone.gatherUntilNanos = now + (crowded ? Math.max(GATHER_NANOS, (long) (1e9 / limit.perSecond())) : GATHER_NANOS);
        }
        if (lone.gatherUntilNanos - now > 0) {
            scheduleWake(now, lone.gatherUntilNanos);
            return true;
        }
        return false;
    }

    /** True when {@code t} is a real time (not the "none" sentinel) after {@code now}. */
    private static boolean later(long t, long now) {
        return t != Long.MIN_VALUE && t - now > 0;
    }

    private void release(Job job) {
        job.orderKey.ifPresent(k -> busyKeys.computeIfPresent(k, (x, n) -> n == 1 ? null : n - 1));
    }

    private void leak(long now) {
        double drained = (now - lastLeak) / 1e9 * limit.perSecond();
        if (drained > 0) {
            level = Math.max(0, level - drained);
            lastLeak = now;
        }
    }

    private void scheduleWake(long now, long at) {
        if (wakePending && wakeAt - at <= 0) {
            return;
        }
        wakePending = true;
        wakeAt = at;
        clock.schedule(at - now, () -> {
            synchronized (this) {
                if (wakeAt == at) {
                    wakePending = false;
                }
            }
            pump();
        });
    }
}
