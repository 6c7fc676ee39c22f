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

    /**
     * KEYS: state hash, timeouts zset[, the single zset of before partitioned timeouts]. ARGV: expected version,
     * state JSON, timeout at (0 none), ttl ms (0 none).
     */
    private static final String SAVE = """
            local cur = redis.call('HGET', KEYS[1], 'v')
            local v = 0
            if cur then v = tonumber(cur) end
            if v ~= tonumber(ARGV[1]) then return -1 end
            redis.call('HSET', KEYS[1], 'v', v + 1, 's', ARGV[2])
            if tonumber(ARGV[4]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[4]) else redis.call('PERSIST', KEYS[1]) end
            if tonumber(ARGV[3]) > 0 then redis.call('ZADD', KEYS[2], ARGV[3], KEYS[1]) else redis.call('ZREM', KEYS[2], KEYS[1]) end
            if KEYS[3] then redis.call('ZREM', KEYS[3], KEYS[1]) end
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
    /** The timeouts this instance claimed and has not started holding yet, by state key. */
    private final java.util.Map<String, Claimed> claims = new java.util.concurrent.ConcurrentHashMap<>();

    /** A claim: the sorted set it is in and the score it set there. */
    private record Claimed(String set, long score) {}
    private final Duration finishedTtl;
    private final Duration timeoutLease;
    /** The single sorted set of pending timeouts (all of them, or those saved before partitioning). */
    private final String timeouts;
    /** Set in cluster mode: timeouts kept per inbox partition and fired by the partition's owner. */
    private volatile TimeoutPartitions partitioned;

    /** The inbox's partitioning: how many partitions, and which this instance owns now. */
    private record TimeoutPartitions(int count, java.util.function.Supplier<java.util.Set<Integer>> owned) {}

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

    /**
     * Keeps each pending timeout beside the inbox partition of its dialog's lane ({@code <portal>/<dialog>})
     * and claims, from now on, only the timeouts of the partitions this instance owns: a timeout turn
     * then runs in the same lane, on the same instance, as the dialog's events, never beside one of
     * them elsewhere. Timeouts saved before (in the single set) are still claimed by any instance,
     * and moved as their dialogs are saved. Call once, before the first turn.
     *
     * @param partitions the inbox's partition count ({@link RedisStreamInbox#partitionOf})
     * @param owned      the partitions this instance owns now (read on every claim)
     */
    public void fireTimeoutsWithTheirPartition(int partitions, java.util.function.Supplier<java.util.Set<Integer>> owned) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        this.partitioned = new TimeoutPartitions(partitions, java.util.Objects.requireNonNull(owned));
    }

    /** The sorted set that keeps the timeout of the dialog at {@code stateKey}. */
    private String timeoutsOf(String stateKey) {
        TimeoutPartitions p = partitioned;
        if (p == null) {
            return timeouts;
        }
        // <prefix>dlg:<portal>:<bot>:<dialog>; bot ids and dialog ids hold no ':'
        String rest = stateKey.substring(redis.key("dlg:").length());
        int dialogAt = rest.lastIndexOf(':');
        int botAt = rest.lastIndexOf(':', dialogAt - 1);
        String lane = rest.substring(0, botAt) + "/" + rest.substring(dialogAt + 1);
        return partitionTimeouts(RedisStreamInbox.partitionOf(lane, p.count()));
    }

    private String partitionTimeouts(int partition) {
        return timeouts + ":" + partition;
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
        String k = keyOf(next.key());
        List<String> keys = partitioned == null ? List.of(k, timeouts) : List.of(k, timeoutsOf(k), timeouts);
        Response r = redis.await(redis.eval(SAVE, keys,
                List.of(next.version(), DialogStateJson.write(next), next.timeoutAtMillis(), ttl)));
        long version = r.toLong();
        return version < 0 ? Optional.empty() : Optional.of(next.withVersion(version));
    }

    @Override
    public void delete(DialogKey key) {
        String k = keyOf(key);
        redis.call(Command.DEL, k);
        forget(k);
    }

    /** Removes a dialog's pending timeout from wherever it is kept. */
    private void forget(String stateKey) {
        redis.call(Command.ZREM, timeoutsOf(stateKey), stateKey);
        if (partitioned != null) {
            redis.call(Command.ZREM, timeouts, stateKey);
        }
    }

    /**
     * Claims the due timeouts (at most 1,000 a call and set): each is hidden from other instances for the
     * lease, and its turn clears it; if this instance dies first, another fires it after the lease. In
     * cluster mode only the timeouts of the partitions this instance owns (and any left in the single set).
     */
    @Override
    public List<DialogState> dueTimeouts(long nowMillis) {
        List<String> sets = new ArrayList<>();
        sets.add(timeouts);
        TimeoutPartitions p = partitioned;
        if (p != null) {
            p.owned().get().stream().sorted().forEach(n -> sets.add(partitionTimeouts(n)));
        }
        List<DialogState> due = new ArrayList<>();
        for (String set : sets) {
            Response claimed = redis.await(redis.eval(CLAIM, List.of(set), List.of(nowMillis, timeoutLease.toMillis(), 1000)));
            for (Response k : claimed) {
                Optional<DialogState> s = read(k.toString());
                if (s.isPresent() && s.get().timeoutAtMillis() > 0 && s.get().timeoutAtMillis() <= nowMillis) {
                    due.add(s.get());
                    claims.put(k.toString(), new Claimed(set, nowMillis + timeoutLease.toMillis()));
                } else if (s.isEmpty() || s.get().timeoutAtMillis() == 0) {
                    redis.call(Command.ZREM, set, k.toString());
                }
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
        Claimed first = claims.remove(k);
        if (first == null) {
            return () -> { };
        }
        long period = Math.max(1, timeoutLease.toMillis() / 3);
        long[] score = {first.score()};
        java.util.concurrent.ScheduledFuture<?>[] task = new java.util.concurrent.ScheduledFuture<?>[1];
        String set = first.set();
        task[0] = RENEWER.scheduleWithFixedDelay(() -> {
            try {
                Response r = redis.await(redis.eval(RENEW_CLAIM, List.of(set), List.of(k, score[0], score[0] + period)));
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
            forget(k);
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
