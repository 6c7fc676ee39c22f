package dev.olbot.redis;

import dev.olbot.ingress.InstallRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installs ({@code member_id} → {@code application_token}) in one Redis hash shared by every
 * instance, with a copy in memory kept current through Redis pub/sub: an install confirmed on one
 * instance is known to the others within a round trip. Reads made on a Vert.x event loop (the
 * ingress verifies deliveries there) answer from the copy and never block; reads from other threads
 * ask Redis. Writes on an event loop update the copy at once and Redis without waiting.
 */
public final class RedisInstallRegistry implements InstallRegistry, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisInstallRegistry.class);

    private final Vertx vertx;
    private final RedisLink redis;
    private final String hash;
    private final String channel;
    private final Map<String, String> copy = new ConcurrentHashMap<>();
    private volatile RedisConnection subscriber;
    private volatile boolean closed;

    private RedisInstallRegistry(Vertx vertx, RedisLink redis) {
        this.vertx = vertx;
        this.redis = redis;
        this.hash = redis.key("installs");
        this.channel = redis.key("installs-changed");
    }

    /** Loads every install and subscribes to changes; call it off the event loop (it waits for Redis). */
    public static RedisInstallRegistry open(Vertx vertx, RedisLink redis) {
        RedisInstallRegistry r = new RedisInstallRegistry(vertx, redis);
        redis.await(r.subscribe());
        return r;
    }

    private Future<Void> subscribe() {
        return redis.client().connect().compose(conn -> {
            subscriber = conn;
            conn.handler(this::onMessage);
            conn.endHandler(v -> resubscribe());
            conn.exceptionHandler(e -> LOG.warn("install change feed from Redis failed: {}", e.getMessage()));
            return conn.send(Request.cmd(Command.SUBSCRIBE).arg(channel));
        }).compose(ok -> reloadAll());
    }

    /** After a lost subscription: subscribe again (changes missed meanwhile come with the full reload). */
    private void resubscribe() {
        if (closed) {
            return;
        }
        vertx.setTimer(500, t -> subscribe().onFailure(e -> {
            LOG.warn("cannot subscribe to install changes in Redis: {}; retrying", e.getMessage());
            resubscribe();
        }));
    }

    private Future<Void> reloadAll() {
        return redis.send(Command.HGETALL, hash).map(all -> {
            Map<String, String> fresh = new ConcurrentHashMap<>();
            if (all != null) {
                for (String portal : all.getKeys()) {
                    fresh.put(portal, all.get(portal).toString());
                }
            }
            copy.keySet().retainAll(fresh.keySet());
            copy.putAll(fresh);
            return null;
        });
    }

    /** A pub/sub push: {@code ["message", channel, portal]} — read that portal again. */
    private void onMessage(Response push) {
        if (push == null || push.size() < 3 || !"message".equals(push.get(0).toString())) {
            return;
        }
        String portal = push.get(2).toString();
        redis.send(Command.HGET, hash, portal).onSuccess(token -> update(portal, token == null ? null : token.toString()));
    }

    private void update(String portal, String token) {
        if (token == null) {
            copy.remove(portal);
        } else {
            copy.put(portal, token);
        }
    }

    @Override
    public Optional<String> applicationToken(String portalKey) {
        if (Context.isOnEventLoopThread()) {
            return Optional.ofNullable(copy.get(portalKey));
        }
        Response token = redis.call(Command.HGET, hash, portalKey);
        update(portalKey, token == null ? null : token.toString());
        return Optional.ofNullable(token).map(Response::toString);
    }

    @Override
    public void remember(String portalKey, String applicationToken) {
        copy.put(portalKey, applicationToken);
        write(redis.send(Command.HSET, hash, portalKey, applicationToken), portalKey);
    }

    @Override
    public void forget(String portalKey) {
        copy.remove(portalKey);
        write(redis.send(Command.HDEL, hash, portalKey), portalKey);
    }

    private void write(Future<Response> change, String portal) {
        Future<Response> published = change.compose(x -> redis.send(Command.PUBLISH, channel, portal));
        if (Context.isOnEventLoopThread()) {
            published.onFailure(e -> LOG.error("could not record the install change of portal {} in Redis: {}", portal, e.getMessage()));
        } else {
            redis.await(published);
        }
    }

    @Override
    public Set<String> portals() {
        if (!Context.isOnEventLoopThread()) {
            redis.await(reloadAll());
        }
        return Set.copyOf(copy.keySet());
    }

    @Override
    public void close() {
        closed = true;
        RedisConnection c = subscriber;
        if (c != null) {
            c.close();
        }
    }
}
