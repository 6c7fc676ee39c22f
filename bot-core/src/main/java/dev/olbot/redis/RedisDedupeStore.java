package dev.olbot.redis;

import dev.olbot.ingress.DedupeStore;
import io.vertx.core.Context;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dedupe keys shared by every instance: {@code SET <prefix>dedupe:<key> <instance id> NX PX <window>},
 * so a second delivery of an event reaching any instance within the window is not handled again.
 * Keys expire by themselves (Redis memory stays bounded by the window's traffic). The value names
 * the instance that took the event; give each instance a stable id (a restarted instance must
 * recognise the events it took before it stopped).
 *
 * <p>{@link #firstSeenAsync} never blocks. {@link #firstSeen} waits for Redis on worker and virtual
 * threads; called on a Vert.x event loop it must not wait, so it answers from this instance's own
 * window and records the key in Redis without waiting. {@link #takenHere} then settles, off the
 * event loop before the event is handled, which instance handles it: exactly one.
 */
public final class RedisDedupeStore implements DedupeStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisDedupeStore.class);

    private final RedisLink redis;
    private final Duration window;
    private final String instance;
    private final DedupeStore local;
    /** How long an asynchronous check waits for Redis before it answers from this instance's window. */
    public static final Duration ASYNC_WAIT = Duration.ofSeconds(2);
    /** After Redis failed to answer any command, asynchronous checks answer locally for this long without asking it. */
    private static final Duration ANSWER_LOCALLY_AFTER_FAILURE = Duration.ofSeconds(1);
    /** The outage was logged (once until Redis answers a check again). */
    private volatile boolean warned;

    private RedisDedupeStore(RedisLink redis, Duration window, String instance) {
        this.redis = redis;
        this.window = window;
        this.instance = instance;
        this.local = DedupeStore.inMemory(window, 100_000, Clock.systemUTC());
    }

    /** Keys kept one hour (Bitrix24's duplicate deliveries arrive within minutes), a random instance id. */
    public static RedisDedupeStore create(RedisLink redis) {
        return create(redis, Duration.ofHours(1), java.util.UUID.randomUUID().toString());
    }

    /** @param instance this instance's id, the same after a restart (e.g. kept in its data folder) */
    public static RedisDedupeStore create(RedisLink redis, Duration window, String instance) {
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("dedupe window must be at least 1 ms");
        }
        if (instance.isBlank()) {
            throw new IllegalArgumentException("instance id must not be blank");
        }
        return new RedisDedupeStore(redis, window, instance);
    }

    @Override
    public boolean firstSeen(String key) {
        if (!Context.isOnEventLoopThread()) {
            return redis.await(claim(key));
        }
        if (!local.firstSeen(key)) {
            return false;
        }
        claim(key).onFailure(e -> LOG.error("could not record dedupe key in Redis: {}", e.getMessage()));
        return true;
    }

    /**
     * Records the key in Redis; completes with true when no instance saw it within the window. Never
     * blocks. While Redis does not answer (within {@link #ASYNC_WAIT}, and for a second after any
     * command failed for want of an answer, without asking) it answers from this instance's own window, so an outage does not
     * refuse deliveries; {@link #takenHere} settles those keys in Redis before their events are
     * handed in (see {@link dev.olbot.ingress.SpillingInbox}).
     */
    @Override
    public CompletionStage<Boolean> firstSeenAsync(String key) {
        if (redis.failedWithin(ANSWER_LOCALLY_AFTER_FAILURE)) {
            return java.util.concurrent.CompletableFuture.completedFuture(local.firstSeen(key));
        }
        return claim(key).timeout(ASYNC_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .map(first -> {
                    local.firstSeen(key); // known here too, should Redis stop answering
                    warned = false;
                    return first;
                })
                .recover(failure -> {
                    redis.noteNoAnswer();
                    if (!warned) {
                        warned = true;
                        LOG.warn("Redis did not answer a dedupe check ({}); answering from this instance's window until it does",
                                dev.olbot.wire.LogSafe.escape(String.valueOf(failure.getMessage())));
                    }
                    return io.vertx.core.Future.succeededFuture(local.firstSeen(key));
                })
                .toCompletionStage();
    }

    /**
     * Whether this instance is the one to handle the event with this key: it took the key (now, or
     * earlier — also before a restart), or nobody had. Blocking: call it off the event loop.
     */
    public boolean takenHere(String key) {
        if (redis.await(claim(key))) {
            return true;
        }
        Response owner = redis.call(Command.GET, redis.key("dedupe:" + key));
        if (owner == null) {
            return redis.await(claim(key)); // it expired in between
        }
        return instance.equals(owner.toString());
    }

    private io.vertx.core.Future<Boolean> claim(String key) {
        return redis.send(Command.SET, redis.key("dedupe:" + key), instance, "NX", "PX", window.toMillis())
                .map(RedisDedupeStore::wasSet);
    }

    private static boolean wasSet(Response r) {
        return r != null && "OK".equals(r.toString());
    }

    public Duration window() {
        return window;
    }
}
