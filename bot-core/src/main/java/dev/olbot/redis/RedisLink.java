package dev.olbot.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Redis server shared by every OLBot store of an instance: a pooled Vert.x Redis client, a key
 * prefix, and a blocking bridge for the store SPIs (which are called from worker or virtual
 * threads). A blocking call made on a Vert.x event loop is refused instead of stalling it.
 *
 * <p>The URL is the Vert.x form: {@code redis://[:password@]host[:port][/db]} or
 * {@code rediss://...} for TLS.
 */
public final class RedisLink implements AutoCloseable {

    private final Redis client;
    private final String prefix;
    private final Duration timeout;
    private final String where;

    private RedisLink(Redis client, String prefix, Duration timeout, String where) {
        this.client = client;
        this.prefix = prefix;
        this.timeout = timeout;
        this.where = where;
    }

    /** Connects lazily (the first command opens the pool); keys start with {@code olbot:}. */
    public static RedisLink create(Vertx vertx, String url) {
        return create(vertx, url, "olbot:", Duration.ofSeconds(5));
    }

    /**
     * @param prefix  prepended to every key, so several bots (or test runs) can share one Redis
     * @param timeout how long a blocking store call waits for Redis before it fails
     */
    public static RedisLink create(Vertx vertx, String url, String prefix, Duration timeout) {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("redis://") && !url.startsWith("rediss://") && !url.startsWith("unix://")) {
            throw new IllegalArgumentException("OLBOT_REDIS_URL must start with redis://, rediss:// or unix:// (got '"
                    + dev.olbot.wire.LogSafe.escape(withoutPassword(url)) + "')");
        }
        RedisOptions options = new RedisOptions().setConnectionString(url).setMaxPoolSize(16).setMaxPoolWaiting(10_000)
                .setMaxWaitingHandlers(10_000);
        return new RedisLink(Redis.createClient(vertx, options), prefix, timeout, withoutPassword(url));
    }

    /** The URL without a password, for messages. */
    public static String withoutPassword(String url) {
        int at = url.indexOf('@');
        int scheme = url.indexOf("://");
        return at < 0 || scheme < 0 ? url : url.substring(0, scheme + 3) + "***" + url.substring(at);
    }

    /** {@code prefix + name}. */
    public String key(String name) {
        return prefix + name;
    }

    public String prefix() {
        return prefix;
    }

    /** Sends one command; never blocks. The response is {@code null} for a Redis nil. */
    public Future<Response> send(Command command, Object... args) {
        Request request = Request.cmd(command);
        for (Object arg : args) {
            request.arg(String.valueOf(arg));
        }
        return watched(client.send(request));
    }

    /** Runs a Lua script ({@code EVAL}; Redis caches the compiled script). */
    public Future<Response> eval(String script, List<String> keys, List<?> args) {
        Request request = Request.cmd(Command.EVAL).arg(script).arg(keys.size());
        keys.forEach(request::arg);
        args.forEach(a -> request.arg(String.valueOf(a)));
        return watched(client.send(request));
    }

    /**
     * Notes when Redis fails to answer a command (an error it answers is not an outage), and when an
     * answer comes later than {@link #SLOW} — the moment a Redis that stopped answering answers again
     * (blocking reads wait at most 1 s).
     */
    private Future<Response> watched(Future<Response> f) {
        long sent = System.nanoTime();
        return f.onComplete(ar -> {
            if (ar.failed() ? !(ar.cause() instanceof Response) : System.nanoTime() - sent > SLOW.toNanos()) {
                lastFailureNanos = System.nanoTime();
            }
        });
    }

    /** An answer later than this counts as Redis not answering (see {@link #failedWithin}). */
    private static final Duration SLOW = Duration.ofMillis(1500);

    /** When a command last failed for want of an answer ({@link System#nanoTime()}), or never. */
    private volatile long lastFailureNanos = System.nanoTime() - java.util.concurrent.TimeUnit.DAYS.toNanos(1);

    /** Notes that Redis did not answer in time (a caller's own timeout ran out): as {@link #failedWithin} counts it. */
    public void noteNoAnswer() {
        lastFailureNanos = System.nanoTime();
    }

    /**
     * Whether a command failed, or a wait for one ran out, within the last {@code d} (Redis is down, or
     * just came back).
     */
    public boolean failedWithin(Duration d) {
        return System.nanoTime() - lastFailureNanos < d.toNanos();
    }

    /** Waits for {@code f} on a worker or virtual thread; on an event loop it refuses. */
    public <T> T await(Future<T> f) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("a blocking Redis call on a Vert.x event loop thread; call this store from a worker "
                    + "or virtual thread (vertx.executeBlocking)");
        }
        try {
            return f.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisUnavailableException("interrupted while waiting for Redis at " + where, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Response refusal) {
                // Redis answered with an error (a wrong type, a script error): a bug, not an outage to wait out
                throw new IllegalStateException("Redis at " + where + " refused the command: " + refusal, e.getCause());
            }
            throw new RedisUnavailableException("Redis at " + where + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            noteNoAnswer();
            throw new RedisUnavailableException("Redis at " + where + " did not answer within " + timeout.toMillis() + " ms", e);
        }
    }

    /** Sends and waits (worker or virtual thread only). */
    public Response call(Command command, Object... args) {
        return await(send(command, args));
    }

    /** Checks that Redis answers {@code PING}; throws {@link RedisUnavailableException} otherwise. */
    public void ping() {
        call(Command.PING);
    }

    Redis client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}
