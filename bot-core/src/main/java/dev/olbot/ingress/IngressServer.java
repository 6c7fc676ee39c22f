package dev.olbot.ingress;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;

/**
 * A standalone HTTP server for an {@link Ingress}: {@code POST <path>} for events and
 * {@code GET /health} with the ingress counters. Bind address and port are configurable; port 0
 * picks a free port ({@link #port()} tells which).
 */
public final class IngressServer implements AutoCloseable {

    private final HttpServer server;

    private IngressServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Server options.
     *
     * @param headerTimeoutMs a connection that has not sent a request's headers this long after it
     *                        opened (or after the previous response) is closed: 10 s
     * @param bodyTimeoutMs   a request whose body is not complete this long after its headers gets
     *                        408 and its connection is closed: 30 s
     * @param idleTimeoutMs   a connection with no bytes either way this long is closed: 60 s
     */
    public record Options(String host, int port, String path, long bodyLimit, long headerTimeoutMs, long bodyTimeoutMs,
                          long idleTimeoutMs) {
        public static Options defaults() {
            return new Options("0.0.0.0", 8080, "/bitrix/events", IngressRoute.DEFAULT_BODY_LIMIT, 10_000,
                    IngressRoute.DEFAULT_BODY_TIMEOUT_MS, 60_000);
        }

        public Options withHost(String host) {
            return new Options(host, port, path, bodyLimit, headerTimeoutMs, bodyTimeoutMs, idleTimeoutMs);
        }

        public Options withPort(int port) {
            return new Options(host, port, path, bodyLimit, headerTimeoutMs, bodyTimeoutMs, idleTimeoutMs);
        }

        public Options withPath(String path) {
            return new Options(host, port, path, bodyLimit, headerTimeoutMs, bodyTimeoutMs, idleTimeoutMs);
        }

        public Options withBodyLimit(long bodyLimit) {
            return new Options(host, port, path, bodyLimit, headerTimeoutMs, bodyTimeoutMs, idleTimeoutMs);
        }

        /** Header, body and idle timeouts in milliseconds (see the record's parameters). */
        public Options withTimeouts(long headerTimeoutMs, long bodyTimeoutMs, long idleTimeoutMs) {
            return new Options(host, port, path, bodyLimit, headerTimeoutMs, bodyTimeoutMs, idleTimeoutMs);
        }
    }

    public static Future<IngressServer> start(Vertx vertx, Ingress ingress, Options options) {
        return start(vertx, ingress, options, router -> {});
    }

    /** Like {@link #start(Vertx, Ingress, Options)}, with more routes added by {@code more} (e.g. {@code /metrics}). */
    public static Future<IngressServer> start(Vertx vertx, Ingress ingress, Options options,
            java.util.function.Consumer<Router> more) {
        Router router = Router.router(vertx);
        IngressRoute.mount(router, options.path(), ingress, options.bodyLimit(), options.bodyTimeoutMs());
        mountHealth(router, ingress);
        more.accept(router);
        router.errorHandler(400, ctx -> plain(ctx, 400, "malformed request"));
        router.errorHandler(500, ctx -> plain(ctx, 400, "malformed request"));
        HttpServer http = vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port())
                .setIdleTimeout((int) Math.max(1, options.idleTimeoutMs())).setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
        HeaderDeadline deadline = new HeaderDeadline(vertx, options.headerTimeoutMs());
        return http.connectionHandler(deadline::opened)
                .requestHandler(req -> {
                    deadline.requestArrived(req);
                    router.handle(req);
                })
                .listen()
                .map(IngressServer::new);
    }

    private static void plain(io.vertx.ext.web.RoutingContext ctx, int status, String text) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(text);
        }
    }

    /**
     * Adds {@code GET /health} ({@code {"status":"UP"|"DRAINING", "accepted":…, "queued":…, …}}, and in
     * cluster mode {@code "clusterBacklog"}: events accepted by any instance and not handled yet),
     * {@code GET /health/live} (200 while the process serves HTTP) and {@code GET /health/ready}
     * (200 while deliveries are welcome, 503 from the first step of a clean stop).
     */
    public static void mountHealth(Router router, Ingress ingress) {
        router.get("/health").handler(ctx -> {
            Ingress.Stats s = ingress.stats();
            JsonObject health = new JsonObject()
                    .put("status", ingress.ready() ? "UP" : "DRAINING")
                    .put("accepted", s.accepted())
                    .put("duplicates", s.duplicates())
                    .put("rejected", s.rejected())
                    .put("handled", s.handled())
                    .put("failed", s.failed())
                    .put("queued", s.queued());
            if (!ingress.sharesInbox()) {
                ctx.json(health);
                return;
            }
            // cluster mode: the shared inbox's backlog, asked off the event loop (a Redis round trip)
            ctx.vertx().executeBlocking(ingress::sharedBacklog, false).onComplete(ar -> {
                if (ar.succeeded() && ar.result().isPresent()) {
                    health.put("clusterBacklog", ar.result().getAsLong());
                } else if (ar.failed()) {
                    health.put("clusterBacklog", "unavailable");
                }
                ctx.json(health);
            });
        });
        router.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.get("/health/ready").handler(ctx -> {
            boolean ready = ingress.ready();
            ctx.response().setStatusCode(ready ? 200 : 503);
            ctx.json(new JsonObject().put("status", ready ? "UP" : "DOWN").put("queued", ingress.stats().queued()));
        });
    }

    public int port() {
        return server.actualPort();
    }

    public Future<Void> stop() {
        return server.close();
    }

    @Override
    public void close() {
        server.close();
    }
}
