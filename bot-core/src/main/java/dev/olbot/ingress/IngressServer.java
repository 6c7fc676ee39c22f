package dev.olbot.ingress;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A standalone HTTP server for an {@link Ingress}: {@code POST <path>} for events and
 * {@code GET /health} with the ingress counters. Bind address and port are configurable; port 0
 * picks a free port ({@link #port()} tells which). It listens on {@link Options#eventLoops} event
 * loops (one by default), each with its own server on the one port, so reading, parsing and
 * verifying deliveries can use more than one core.
 */
public final class IngressServer implements AutoCloseable {

    private final Vertx vertx;
    private final int port;
    /** The deployment of the servers, one per event loop. */
    private final String deployment;

    private IngressServer(Vertx vertx, int port, String deployment) {
        this.vertx = vertx;
        this.port = port;
        this.deployment = deployment;
    }

    /**
     * Server options.
     *
     * @param headerTimeoutMs a connection that has not sent a request's headers this long after it
     *                        opened (or after the previous response) is closed: 10 s
     * @param bodyTimeoutMs   a request whose body is not complete this long after its headers gets
     *                        408 and its connection is closed: 30 s
     * @param idleTimeoutMs   a connection with no bytes either way this long is closed: 60 s
     * @param eventLoops      how many event loops accept connections on the port, each with its own
     *                        server (Vert.x's way to use more than one core; connections are spread
     *                        over them): one by default ({@link #defaultEventLoops()} says why)
     */
    public record Options(String host, int port, String path, long bodyLimit, long headerTimeoutMs, long bodyTimeoutMs,
                          long idleTimeoutMs, int eventLoops) {
        /** The most event loops a server may listen on. */
        public static final int MAX_EVENT_LOOPS = 256;

        public Options {
            if (eventLoops < 1 || eventLoops > MAX_EVENT_LOOPS) {
                throw new IllegalArgumentException("eventLoops must be 1.." + MAX_EVENT_LOOPS + ", was " + eventLoops);
            }
        }

        /** The options of a release before {@code eventLoops}: one event loop. */
        public Options(String host, int port, String path, long bodyLimit, long headerTimeoutMs, long bodyTimeoutMs, long idleTimeoutMs) {
            this(host, port, path, bodyLimit, headerTimeoutMs, bodyTimeoutMs, idleTimeoutMs, defaultEventLoops());
        }

        public static Options defaults() {
            return new Options("0.0.0.0", 8080, "/bitrix/events", IngressRoute.DEFAULT_BODY_LIMIT, 10_000,
                    IngressRoute.DEFAULT_BODY_TIMEOUT_MS, 60_000, defaultEventLoops());
        }

        /**
         * One. More loops let the in-memory inbox use more cores (measured: 0.46× → 0.56× of a raw
         * handler on as many loops), but with the journal each loop syncs its own rounds: smaller groups,
         * more syncs (measured: 19,152 → 16,089 events/s, p99 1.77 → 4.78 ms).
         */
        public static int defaultEventLoops() {
            return 1;
        }

        public Options withEventLoops(int eventLoops) {
            return new Options(host, port, path, bodyLimit, headerTimeoutMs, bodyTimeoutMs, idleTimeoutMs, eventLoops);
        }

        public Options withHost(String host) {
            return new Options(host, port, path, bodyLimit, headerTimeoutMs, bodyTimeoutMs, idleTimeoutMs, eventLoops);
        }

        public Options withPort(int port) {
            return new Options(host, port, path, bodyLimit, headerTimeoutMs, bodyTimeoutMs, idleTimeoutMs, eventLoops);
        }

        public Options withPath(String path) {
            return new Options(host, port, path, bodyLimit, headerTimeoutMs, bodyTimeoutMs, idleTimeoutMs, eventLoops);
        }

        public Options withBodyLimit(long bodyLimit) {
            return new Options(host, port, path, bodyLimit, headerTimeoutMs, bodyTimeoutMs, idleTimeoutMs, eventLoops);
        }

        /** Header, body and idle timeouts in milliseconds (see the record's parameters). */
        public Options withTimeouts(long headerTimeoutMs, long bodyTimeoutMs, long idleTimeoutMs) {
            return new Options(host, port, path, bodyLimit, headerTimeoutMs, bodyTimeoutMs, idleTimeoutMs, eventLoops);
        }
    }

    public static Future<IngressServer> start(Vertx vertx, Ingress ingress, Options options) {
        return start(vertx, ingress, options, router -> {});
    }

    /**
     * Like {@link #start(Vertx, Ingress, Options)}, with more routes added by {@code more} (e.g. {@code /metrics});
     * {@code more} is called once for each event loop's router.
     */
    public static Future<IngressServer> start(Vertx vertx, Ingress ingress, Options options,
            java.util.function.Consumer<Router> more) {
        // one server per event loop on the same port; Vert.x spreads the connections over them. Servers on port 0 would each
        // get a port of their own, so "any free port" is chosen first (again, should another process take it meanwhile)
        if (options.port() != 0 || options.eventLoops() == 1) {
            return deploy(vertx, ingress, options, more);
        }
        return deployOnFreePort(vertx, ingress, options, more, 3);
    }

    private static Future<IngressServer> deployOnFreePort(Vertx vertx, Ingress ingress, Options options,
            java.util.function.Consumer<Router> more, int attempts) {
        int free;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(options.host()))) {
            free = probe.getLocalPort();
        } catch (java.io.IOException e) {
            return Future.failedFuture(e);
        }
        return deploy(vertx, ingress, options.withPort(free), more).recover(e -> attempts > 1 && e instanceof java.net.BindException
                ? deployOnFreePort(vertx, ingress, options, more, attempts - 1) : Future.failedFuture(e));
    }

    private static Future<IngressServer> deploy(Vertx vertx, Ingress ingress, Options options, java.util.function.Consumer<Router> more) {
        AtomicInteger bound = new AtomicInteger(-1);
        return vertx.deployVerticle(() -> new Listener(ingress, options, more, bound),
                        new DeploymentOptions().setInstances(options.eventLoops()))
                .map(id -> new IngressServer(vertx, bound.get(), id));
    }

    /** One event loop's server: its own router and header deadlines, the shared ingress. */
    private static final class Listener extends VerticleBase {
        private final Ingress ingress;
        private final Options options;
        private final java.util.function.Consumer<Router> more;
        private final AtomicInteger bound;

        Listener(Ingress ingress, Options options, java.util.function.Consumer<Router> more, AtomicInteger bound) {
            this.ingress = ingress;
            this.options = options;
            this.more = more;
            this.bound = bound;
        }

        @Override
        public Future<?> start() {
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
                    .onSuccess(server -> bound.set(server.actualPort()));
        }
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
        return port;
    }

    public Future<Void> stop() {
        return vertx.undeploy(deployment);
    }

    @Override
    public void close() {
        stop();
    }
}
