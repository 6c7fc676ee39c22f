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
 * for Redis like it waits for the dialog store); a {@link #record} that cannot is logged, and that
 * call may be sent again if the turn is re-run.
 */
public final class RedisSentCalls implements SentCalls {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSentCalls.class);

    private final RedisLink redis;
    private final long ttlMillis;

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
        Response r = redis.call(Command.GET, redis.key("sent:" + key));
        if (r == null) {
            return Optional.empty();
        }
        String[] parts = r.toString().split("\n", 3);
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
            LOG.warn("could not record a confirmed {} in Redis (a re-run of its turn would send it again): {}", sent.method(),
                    e.getMessage());
        }
    }
}
