package dev.olbot.redis;

import dev.olbot.state.DialogKey;
import dev.olbot.state.DialogState;
import dev.olbot.state.DialogStore;
import dev.olbot.state.Owner;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dialog states in Redis, shared by every instance. Each dialog is a hash {@code {v, s}} (version,
 * state JSON) at {@code <prefix>dlg:<portal>:<bot>:<dialog>}; {@link #save} is a compare-and-set
 * in one Lua script, so of two instances saving the same version exactly one wins and the other
 * gets empty (the engine then re-runs its turn on the fresh state). Pending timeouts are a sorted
 * set scored by due time; {@link #dueTimeouts} claims the due ones for a lease, so one instance
 * fires each. A finished dialog expires after {@code finishedTtl}. Blocking: call it from worker or
 * virtual threads (the engine does).
 */
public final class RedisDialogStore implements DialogStore {

    /** KEYS: state hash, timeouts zset. ARGV: expected version, state JSON, timeout at (0 none), ttl ms (0 none). */
    private static final String SAVE = """
            local cur = redis.call('HGET', KEYS[1], 'v')
            local v = 0
            if cur then v = tonumber(cur) end
            if v ~= tonumber(ARGV[1]) then return -1 end
            redis.call('HSET', KEYS[1], 'v', v + 1, 's', ARGV[2])
            if tonumber(ARGV[4]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[4]) else redis.call('PERSIST', KEYS[1]) end
            if tonumber(ARGV[3]) > 0 then redis.call('ZADD', KEYS[2], ARGV[3], KEYS[1]) else redis.call('ZREM', KEYS[2], KEYS[1]) end
            return v + 1
            """;

    /** KEYS: timeouts zset. ARGV: now, lease ms, max. Returns the claimed state keys (their score moves to now + lease). */
    private static final String CLAIM = """
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
            for _, k in ipairs(due) do redis.call('ZADD', KEYS[1], 'XX', tonumber(ARGV[1]) + tonumber(ARGV[2]), k) end
            return due
            """;

    /**
     * KEYS: timeouts zset. ARGV: state key, the score this instance's claim set, the new score. Extends the
     * claim only while the member still carries that score (a save that cleared or re-armed the timeout ends it).
     */
    private static final String RENEW_CLAIM = """
            local s = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if s and tonumber(s) == tonumber(ARGV[2]) then redis.call('ZADD', KEYS[1], 'XX', ARGV[3], ARGV[1]) return 1 end
            return 0
            """;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RedisDialogStore.class);
    private static final java.util.concurrent.ScheduledExecutorService RENEWER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "olbot-timeout-claims");
                t.setDaemon(true);
                return t;
            });

    private final RedisLink redis;
    /** Scores of the timeouts this instance claimed and has not started holding yet. */
    private final java.util.Map<String, Long> claims = new java.util.concurrent.ConcurrentHashMap<>();
    private final Duration finishedTtl;
    private final Duration timeoutLease;
    private final String timeouts;

    private RedisDialogStore(RedisLink redis, Duration finishedTtl, Duration timeoutLease) {
        this.redis = redis;
        this.finishedTtl = finishedTtl;
        this.timeoutLease = timeoutLease;
        this.timeouts = redis.key("dlg-timeouts");
    }

    /**
     * Finished dialogs kept 7 days; a claimed timeout is offered again after 60 s if its turn did not clear it
     * and the claiming instance stopped renewing it (it died).
     */
    public static RedisDialogStore create(RedisLink redis) {
        return create(redis, Duration.ofDays(7), Duration.ofSeconds(60));
    }

    public static RedisDialogStore create(RedisLink redis, Duration finishedTtl, Duration timeoutLease) {
        if (finishedTtl.isNegative() || finishedTtl.isZero() || timeoutLease.isNegative() || timeoutLease.isZero()) {
            throw new IllegalArgumentException("finishedTtl and timeoutLease must be positive");
        }
        return new RedisDialogStore(redis, finishedTtl, timeoutLease);
    }

    private String keyOf(DialogKey key) {
        return redis.key("dlg:" + key.portal() + ":" + key.botId() + ":" + key.dialogId());
    }

    @Override
    public Optional<DialogState> get(DialogKey key) {
        return read(keyOf(key));
    }

    private Optional<DialogState> read(String redisKey) {
        Response r = redis.call(Command.HMGET, redisKey, "v", "s");
        if (r == null || r.get(0) == null || r.get(1) == null) {
            return Optional.empty();
        }
        return Optional.of(DialogStateJson.read(r.get(1).toString(), r.get(0).toLong()));
    }

    @Override
    public Optional<DialogState> save(DialogState next) {
        long ttl = next.owner() == Owner.FINISHED ? finishedTtl.toMillis() : 0;
        Response r = redis.await(redis.eval(SAVE, List.of(keyOf(next.key()), timeouts),
                List.of(next.version(), DialogStateJson.write(next), next.timeoutAtMillis(), ttl)));
        long version = r.toLong();
        return version < 0 ? Optional.empty() : Optional.of(next.withVersion(version));
    }

    @Override
    public void delete(DialogKey key) {
        String k = keyOf(key);
        redis.call(Command.DEL, k);
        redis.call(Command.ZREM, timeouts, k);
    }

    /**
     * Claims the due timeouts (at most 1,000 a call): each is hidden from other instances for the
     * lease, and its turn clears it; if this instance dies first, another fires it after the lease.
     */
    @Override
    public List<DialogState> dueTimeouts(long nowMillis) {
        Response claimed = redis.await(redis.eval(CLAIM, List.of(timeouts), List.of(nowMillis, timeoutLease.toMillis(), 1000)));
        List<DialogState> due = new ArrayList<>();
        for (Response k : claimed) {
            Optional<DialogState> s = read(k.toString());
            if (s.isPresent() && s.get().timeoutAtMillis() > 0 && s.get().timeoutAtMillis() <= nowMillis) {
                due.add(s.get());
                claims.put(k.toString(), nowMillis + timeoutLease.toMillis());
            } else if (s.isEmpty() || s.get().timeoutAtMillis() == 0) {
                redis.call(Command.ZREM, timeouts, k.toString());
            }
        }
        due.sort(java.util.Comparator.comparingLong(DialogState::timeoutAtMillis));
        return due;
    }

    /**
     * Renews the claim every third of the lease while the turn runs (each renewal moves it on by that much),
     * as long as the timeout still carries this instance's claim; closing stops it.
     */
    @Override
    public Claim holdTimeoutClaim(DialogKey key) {
        String k = keyOf(key);
        Long first = claims.remove(k);
        if (first == null) {
            return () -> { };
        }
        long period = Math.max(1, timeoutLease.toMillis() / 3);
        long[] score = {first};
        java.util.concurrent.ScheduledFuture<?>[] task = new java.util.concurrent.ScheduledFuture<?>[1];
        task[0] = RENEWER.scheduleWithFixedDelay(() -> {
            try {
                Response r = redis.await(redis.eval(RENEW_CLAIM, List.of(timeouts), List.of(k, score[0], score[0] + period)));
                if (r != null && r.toInteger() == 1) {
                    score[0] += period;
                } else {
                    task[0].cancel(false); // the turn saved: the claim is settled
                }
            } catch (RuntimeException e) {
                LOG.warn("could not renew the claim on the timeout of {}: {}", k, e.getMessage());
            }
        }, period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
        return () -> task[0].cancel(false);
    }

    @Override
    public void deletePortal(String portal) {
        for (String k : scan(redis.key("dlg:" + glob(portal) + ":*"))) {
            redis.call(Command.DEL, k);
            redis.call(Command.ZREM, timeouts, k);
        }
    }

    /** Counts the stored dialogs with {@code SCAN} (O(keys); for diagnostics, not the turn path). */
    @Override
    public int size() {
        return scan(redis.key("dlg:*")).size();
    }

    private List<String> scan(String pattern) {
        List<String> keys = new ArrayList<>();
        String cursor = "0";
        do {
            Response page = redis.call(Command.SCAN, cursor, "MATCH", pattern, "COUNT", 1000);
            cursor = page.get(0).toString();
            for (Response k : page.get(1)) {
                keys.add(k.toString());
            }
        } while (!cursor.equals("0"));
        return keys;
    }

    /** Escapes the glob characters of a SCAN pattern. */
    static String glob(String s) {
        return s.replaceAll("([\\\\*?\\[\\]])", "\\\\$1");
    }
}
