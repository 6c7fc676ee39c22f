package dev.olbot.redis;

import dev.olbot.ingress.EventPoller;
import dev.olbot.ingress.PollLease;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fetch poller's leader lease for one bot on one portal, in Redis:
 * <ul>
 *   <li>{@code <prefix>poll-lease:<member_id>:<bot id>} — {@code SET NX PX <lease>} with a random token,
 *       renewed every third of the lease by a script that extends it only for its holder, released by
 *       a script only by its holder;</li>
 *   <li>{@code <prefix>poll-offset:<member_id>:<bot id>} — the confirmed offset, saved by a script only
 *       while the saver holds the lease, and never moved backwards;</li>
 *   <li>{@code <prefix>fetched:<dedupe key>} — a handled mark per fetched event, kept for the dedupe
 *       window.</li>
 * </ul>
 * A leader that dies stops renewing; another instance leads once the lease has run out. Blocking:
 * the poller calls it on its own thread.
 */
public final class RedisPollLease implements PollLease {

    private static final Logger log = LoggerFactory.getLogger(RedisPollLease.class);

    private static final String RENEW = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            return 0
            """;
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;
    private static final String SAVE_OFFSET = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
            local current = tonumber(redis.call('GET', KEYS[2]) or '0')
            if tonumber(ARGV[2]) > current then redis.call('SET', KEYS[2], ARGV[2]) end
            return 1
            """;

    private final RedisLink redis;
    private final String leaseKey;
    private final String offsetKey;
    private final String what;
    private final Duration lease;
    private final Duration markWindow;
    private final String token = UUID.randomUUID().toString();
    private ScheduledExecutorService renewer; // while the lease is held
    private volatile boolean held;
    private volatile long confirmedAt; // System.nanoTime() of the last time Redis confirmed the lease
    private ScheduledFuture<?> renewing;

    /**
     * @param lease      how long a dead leader blocks the others (at least 300 ms); renewed every third of it
     * @param markWindow how long handled marks are kept (the dedupe window)
     */
    public RedisPollLease(RedisLink redis, String memberId, long botId, Duration lease, Duration markWindow) {
        if (lease.toMillis() < 300) {
            throw new IllegalArgumentException("poll lease must be at least 300 ms, was " + lease.toMillis() + " ms");
        }
        if (markWindow.toMillis() < 1) {
            throw new IllegalArgumentException("handled-mark window must be at least 1 ms");
        }
        this.redis = redis;
        this.leaseKey = redis.key("poll-lease:" + memberId + ":" + botId);
        this.offsetKey = redis.key("poll-offset:" + memberId + ":" + botId);
        this.what = "bot " + botId + " on " + memberId;
        this.lease = lease;
        this.markWindow = markWindow;
    }

    /** A 15 s lease and marks kept one hour. */
    public static RedisPollLease create(RedisLink redis, String memberId, long botId) {
        return new RedisPollLease(redis, memberId, botId, Duration.ofSeconds(15), Duration.ofHours(1));
    }

    @Override
    public synchronized boolean lead() {
        if (held && renew()) {
            return true;
        }
        Response r = redis.call(Command.SET, leaseKey, token, "NX", "PX", lease.toMillis());
        boolean took = r != null && "OK".equals(r.toString());
        if (took) {
            confirmedAt = System.nanoTime();
        }
        if (took && !held) {
            log.info("this instance now polls events for {}", what);
            long every = Math.max(100, lease.toMillis() / 3);
            if (renewer == null) {
                renewer = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread t = new Thread(task, "olbot-poll-lease");
                    t.setDaemon(true);
                    return t;
                });
            }
            renewing = renewer.scheduleWithFixedDelay(this::renewInBackground, every, every, TimeUnit.MILLISECONDS);
        }
        if (!took) {
            stopRenewing();
        }
        held = took;
        return took;
    }

    /** Extends the lease if this instance still holds it. */
    private boolean renew() {
        long asked = System.nanoTime();
        Response r = redis.await(redis.eval(RENEW, List.of(leaseKey), List.of(token, lease.toMillis())));
        boolean renewed = r != null && r.toInteger() == 1;
        if (renewed) {
            confirmedAt = asked;
        }
        return renewed;
    }

    private void renewInBackground() {
        try {
            if (!renew()) {
                log.warn("the poll lease for {} was lost: another instance polls now", what);
                synchronized (this) {
                    held = false;
                    stopRenewing();
                }
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                if (System.nanoTime() - confirmedAt >= lease.toNanos()) {
                    // no renewal reached Redis for a whole lease: another instance may lead by now
                    log.warn("the poll lease for {} ran out while Redis did not answer ({}); this instance "
                            + "stops renewing it and asks again at its next poll", what, e.getMessage());
                    held = false;
                    stopRenewing();
                    return;
                }
            }
            // Redis is away: keep trying while the lease lasts; the offset save is refused if it ran out
            log.warn("renewing the poll lease for {} failed: {}", what, e.getMessage());
        }
    }

    private void stopRenewing() {
        if (renewing != null) {
            renewing.cancel(false);
            renewing = null;
        }
        if (renewer != null) {
            renewer.shutdown();
            renewer = null;
        }
    }

    /** Whether this instance held the lease at its last renewal. */
    public boolean held() {
        return held;
    }

    @Override
    public EventPoller.OffsetStore offsets() {
        return new EventPoller.OffsetStore() {
            @Override
            public long load() {
                Response r = redis.call(Command.GET, offsetKey);
                return r == null ? 0 : Long.parseLong(r.toString());
            }

            @Override
            public void save(long offset) {
                Response r = redis.await(redis.eval(SAVE_OFFSET, List.of(leaseKey, offsetKey), List.of(token, offset)));
                if (r == null || r.toInteger() < 0) {
                    held = false;
                    throw new IllegalStateException("the poll lease for " + what + " was lost before offset " + offset
                            + " was confirmed; the new leader fetches from the last confirmed offset");
                }
            }
        };
    }

    @Override
    public boolean handled(String dedupeKey) {
        return redis.call(Command.EXISTS, markKey(dedupeKey)).toInteger() == 1;
    }

    @Override
    public void markHandled(String dedupeKey) {
        redis.call(Command.SET, markKey(dedupeKey), "1", "PX", markWindow.toMillis());
    }

    private String markKey(String dedupeKey) {
        return redis.key("fetched:" + dedupeKey);
    }

    @Override
    public synchronized void release() {
        stopRenewing();
        if (held) {
            held = false;
            redis.await(redis.eval(RELEASE, List.of(leaseKey), List.of(token)));
        }
    }
}
