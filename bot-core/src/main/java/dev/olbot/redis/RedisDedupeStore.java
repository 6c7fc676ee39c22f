package dev.olbot.redis;

import dev.olbot.ingress.DedupeStore;
import io.vertx.core.Context;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dedupe keys shared by every instance: {@code SET <prefix>dedupe:<key> 1 NX PX <window>}, so a
 * second delivery of an event reaching any instance within the window is not handled again. Keys
 * expire by themselves (Redis memory stays bounded by the window's traffic).
 *
 * <p>{@link #firstSeenAsync} never blocks. {@link #firstSeen} waits for Redis on worker and virtual
 * threads; called on a Vert.x event loop it must not wait, so it answers from this instance's own
 * window and records the key in Redis without waiting — a duplicate that reached another instance
 * first is then counted in {@link #missedAcrossInstances()} and logged, not dropped.
 */
public final class RedisDedupeStore implements DedupeStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisDedupeStore.class);

    private final RedisLink redis;
    private final Duration window;
    private final DedupeStore local;
    private final AtomicLong missed = new AtomicLong();

    private RedisDedupeStore(RedisLink redis, Duration window) {
        this.redis = redis;
        this.window = window;
        this.local = DedupeStore.inMemory(window, 100_000, Clock.systemUTC());
    }

    /** Keys kept one hour (Bitrix24's duplicate deliveries arrive within minutes). */
    public static RedisDedupeStore create(RedisLink redis) {
        return create(redis, Duration.ofHours(1));
    }

    public static RedisDedupeStore create(RedisLink redis, Duration window) {
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("dedupe window must be at least 1 ms");
        }
        return new RedisDedupeStore(redis, window);
    }

    @Override
    public boolean firstSeen(String key) {
        if (!Context.isOnEventLoopThread()) {
            return redis.await(claim(key));
        }
        if (!local.firstSeen(key)) {
            return false;
        }
        claim(key).onSuccess(first -> {
            if (!first) {
                missed.incrementAndGet();
                LOG.warn("event {} was also delivered to another instance and handled twice; call the dedupe store off the "
                        + "event loop (firstSeenAsync) to prevent this", dev.olbot.wire.LogSafe.escape(key));
            }
        }).onFailure(e -> LOG.error("could not record dedupe key in Redis: {}", e.getMessage()));
        return true;
    }

    /** Records the key in Redis; completes with true when no instance saw it within the window. Never blocks. */
    @Override
    public CompletionStage<Boolean> firstSeenAsync(String key) {
        return claim(key).toCompletionStage();
    }

    private io.vertx.core.Future<Boolean> claim(String key) {
        return redis.send(Command.SET, redis.key("dedupe:" + key), "1", "NX", "PX", window.toMillis())
                .map(RedisDedupeStore::wasSet);
    }

    private static boolean wasSet(Response r) {
        return r != null && "OK".equals(r.toString());
    }

    /** Duplicates answered from this instance's window on an event loop that another instance had already seen. */
    public long missedAcrossInstances() {
        return missed.get();
    }

    public Duration window() {
        return window;
    }
}
