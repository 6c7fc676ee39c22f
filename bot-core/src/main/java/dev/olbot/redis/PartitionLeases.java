package dev.olbot.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Who owns which inbox partition, and who is alive, in Redis — every call asynchronous:
 * <ul>
 *   <li>live instances: a sorted set {@code <prefix>inbox:members} scored by when each instance's
 *       heartbeat runs out, on the Redis server's clock ({@code TIME}); expired members are dropped
 *       by the heartbeat itself;</li>
 *   <li>a partition's lease: {@code <prefix>inbox:lease:<p>}, taken with {@code SET NX PX}, renewed
 *       and released by scripts that check the holder's token, so a lease that ran out and was
 *       taken by another instance is never renewed or deleted by the old holder.</li>
 * </ul>
 */
final class PartitionLeases {

    /** KEYS: members. ARGV: instance, ttl ms. Returns the number of live instances (this one included). */
    private static final String HEARTBEAT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            return redis.call('ZCARD', KEYS[1])
            """;

    /** KEYS: lease keys. ARGV: token, lease ms. Returns 1 (still ours, extended) or 0 per key. */
    private static final String RENEW = """
            local out = {}
            for i, k in ipairs(KEYS) do
              if redis.call('GET', k) == ARGV[1] then redis.call('PEXPIRE', k, ARGV[2]); out[i] = 1 else out[i] = 0 end
            end
            return out
            """;

    /** KEYS: candidate lease keys. ARGV: token, lease ms, how many at most. Returns the 1-based indexes taken. */
    private static final String ACQUIRE = """
            local got = {}
            for i, k in ipairs(KEYS) do
              if #got >= tonumber(ARGV[3]) then break end
              if redis.call('SET', k, ARGV[1], 'NX', 'PX', ARGV[2]) then table.insert(got, i) end
            end
            return got
            """;

    /** KEYS: lease keys. ARGV: token. Deletes the ones still held with the token. */
    private static final String RELEASE = """
            local n = 0
            for _, k in ipairs(KEYS) do
              if redis.call('GET', k) == ARGV[1] then n = n + redis.call('DEL', k) end
            end
            return n
            """;

    private final RedisLink redis;
    private final String instance;
    private final String token;
    private final long leaseMillis;

    PartitionLeases(RedisLink redis, String instance, Duration lease) {
        this.redis = redis;
        this.instance = instance;
        this.token = instance + "/" + java.util.UUID.randomUUID();
        this.leaseMillis = lease.toMillis();
    }

    String leaseKey(int partition) {
        return redis.key("inbox:lease:" + partition);
    }

    /** Says this instance is alive for one more lease; completes with how many instances are. */
    Future<Integer> heartbeat() {
        return redis.eval(HEARTBEAT, List.of(redis.key("inbox:members")), List.of(instance, leaseMillis))
                .map(r -> Math.max(1, r.toInteger()));
    }

    /** Leaves the members at once (a clean stop), so the others count without this instance. */
    Future<Void> leave() {
        return redis.send(io.vertx.redis.client.Command.ZREM, redis.key("inbox:members"), instance).mapEmpty();
    }

    /** Extends the leases of {@code partitions}; completes with the ones that are no longer this instance's. */
    Future<List<Integer>> renew(List<Integer> partitions) {
        if (partitions.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return redis.eval(RENEW, keys(partitions), List.of(token, leaseMillis)).map(r -> {
            List<Integer> lost = new ArrayList<>();
            for (int i = 0; i < partitions.size(); i++) {
                if (r.get(i).toInteger() != 1) {
                    lost.add(partitions.get(i));
                }
            }
            return lost;
        });
    }

    /** Tries the free ones among {@code candidates}, in order, until {@code max} are taken; completes with those. */
    Future<List<Integer>> acquire(List<Integer> candidates, int max) {
        if (candidates.isEmpty() || max <= 0) {
            return Future.succeededFuture(List.of());
        }
        return redis.eval(ACQUIRE, keys(candidates), List.of(token, leaseMillis, max)).map(r -> {
            List<Integer> got = new ArrayList<>();
            for (Response index : r) {
                got.add(candidates.get(index.toInteger() - 1));
            }
            return got;
        });
    }

    /** Gives the leases up (only those still held by this instance). */
    Future<Void> release(List<Integer> partitions) {
        if (partitions.isEmpty()) {
            return Future.succeededFuture();
        }
        return redis.eval(RELEASE, keys(partitions), List.of(token)).mapEmpty();
    }

    private List<String> keys(List<Integer> partitions) {
        return partitions.stream().map(this::leaseKey).toList();
    }
}
