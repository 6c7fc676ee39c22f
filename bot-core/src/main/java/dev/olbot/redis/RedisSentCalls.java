package dev.olbot.redis;

import dev.olbot.outbound.SentCalls;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirmed calls of turns, shared by every instance: {@code SET <prefix>sent:<key> <method>\n<fingerprint>\n<result> PX <ttl>}.
 * Another instance that re-runs a turn (it took over the partition of an instance that died mid-turn)
 * finds the calls that already reached the platform and sends none of them again. Blocking: turns call
 * it on their handler thread.
 *
 * <p>A {@link #find} that cannot reach Redis throws {@link RedisUnavailableException} (the turn waits
 * for Redis like it waits for the dialog store). A {@link #record} that cannot is kept in this
 * instance's memory (the last 10,000, until the key's time is up) and written to Redis by the next
 * record or find that reaches it: a turn this instance re-runs when Redis answers again — its save
 * failed in the outage — finds the call and does not send it twice; another instance re-running it
 * before the key reached Redis could.
 */
public final class RedisSentCalls implements SentCalls {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSentCalls.class);

    private final RedisLink redis;
    private final long ttlMillis;
    /** Confirmed calls Redis did not take yet, oldest first. */
    private final java.util.LinkedHashMap<String, Unrecorded> unrecorded = new java.util.LinkedHashMap<>();

    /** A record Redis did not take: its value, and until when (epoch ms) it counts. */
    private record Unrecorded(String value, long untilMillis) {}
    private static final int UNRECORDED_KEPT = 10_000;

    private RedisSentCalls(RedisLink redis, Duration ttl) {
        this.redis = redis;
        this.ttlMillis = ttl.toMillis();
    }

    /** Keys kept one hour: a turn is re-run within a lease or a restart, well inside it. */
    public static RedisSentCalls create(RedisLink redis) {
        return create(redis, Duration.ofHours(1));
    }

    public static RedisSentCalls create(RedisLink redis, Duration ttl) {
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("ttl must be at least 1 ms");
        }
        return new RedisSentCalls(redis, ttl);
    }

    @Override
    public Optional<Sent> find(String key) {
        String kept;
        synchronized (unrecorded) {
            Unrecorded k = unrecorded.get(key);
            kept = k != null && System.currentTimeMillis() < k.untilMillis() ? k.value() : null;
        }
        if (kept != null) {
            return parse(kept);
        }
        Response r = redis.call(Command.GET, redis.key("sent:" + key));
        writeUnrecorded();
        return r == null ? Optional.empty() : parse(r.toString());
    }

    private static Optional<Sent> parse(String value) {
        String[] parts = value.split("\n", 3);
        if (parts.length < 2) {
            return Optional.empty();
        }
        return Optional.of(new Sent(parts[0], parts[1], parts.length == 3 && !parts[2].isEmpty() ? parts[2] : null));
    }

    @Override
    public void record(String key, Sent sent) {
        String value = sent.method() + "\n" + sent.fingerprint() + "\n" + (sent.result() == null ? "" : sent.result());
        try {
            redis.call(Command.SET, redis.key("sent:" + key), value, "PX", ttlMillis);
        } catch (RedisUnavailableException e) {
            synchronized (unrecorded) {
                boolean first = unrecorded.isEmpty();
                unrecorded.put(key, new Unrecorded(value, System.currentTimeMillis() + ttlMillis));
                if (unrecorded.size() > UNRECORDED_KEPT) {
                    unrecorded.remove(unrecorded.keySet().iterator().next());
                }
                if (first) {
                    LOG.warn("could not record a confirmed {} in Redis ({}); keeping such records here until it answers",
                            sent.method(), e.getMessage());
                }
            }
            return;
        }
        writeUnrecorded();
    }

    /** Writes what Redis did not take earlier, now that it answered; stops at the first failure. */
    private void writeUnrecorded() {
        while (true) {
            java.util.Map.Entry<String, Unrecorded> e;
            synchronized (unrecorded) {
                if (unrecorded.isEmpty()) {
                    return;
                }
                e = unrecorded.entrySet().iterator().next();
            }
            long left = e.getValue().untilMillis() - System.currentTimeMillis();
            if (left > 0) {
                try {
                    redis.call(Command.SET, redis.key("sent:" + e.getKey()), e.getValue().value(), "PX", left);
                } catch (RedisUnavailableException stillDown) {
                    return;
                }
            }
            synchronized (unrecorded) {
                unrecorded.remove(e.getKey(), e.getValue());
            }
        }
    }
}
