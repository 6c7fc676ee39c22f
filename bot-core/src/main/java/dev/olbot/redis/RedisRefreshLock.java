package dev.olbot.redis;

import dev.olbot.rest.RefreshLock;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The cluster-wide OAuth refresh lock: {@code SET <prefix>refresh-lock:<member_id> <random> NX PX
 * <lease>}, released by a script only if the value is still this holder's (a lease that ran out
 * and was taken by another instance is left alone). Waiters poll every 25 ms. Blocking: the client
 * calls it off the event loop.
 */
public final class RedisRefreshLock implements RefreshLock {

    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;
    private static final long POLL_MILLIS = 25;

    private final RedisLink redis;

    public RedisRefreshLock(RedisLink redis) {
        this.redis = redis;
    }

    @Override
    public Optional<Held> acquire(String memberId, Duration lease, Duration wait) {
        String key = redis.key("refresh-lock:" + memberId);
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Response r = redis.call(Command.SET, key, token, "NX", "PX", Math.max(1, lease.toMillis()));
            if (r != null && "OK".equals(r.toString())) {
                return Optional.of(() -> redis.await(redis.eval(RELEASE, List.of(key), List.of(token))));
            }
            if (System.nanoTime() - deadline >= 0) {
                return Optional.empty();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
