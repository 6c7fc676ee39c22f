package dev.olbot.ingress;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

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

    /** Server options. */
    public record Options(String host, int port, String path, long bodyLimit) {
        public static Options defaults() {
            return new Options("0.0.0.0", 8080, "/bitrix/events", IngressRoute.DEFAULT_BODY_LIMIT);
        }

        public Options withHost(String host) {
            return new Options(host, port, path, bodyLimit);
        }

        public Options withPort(int port) {
            return new Options(host, port, path, bodyLimit);
        }

        public Options withPath(String path) {
            return new Options(host, port, path, bodyLimit);
        }

        public Options withBodyLimit(long bodyLimit) {
            return new Options(host, port, path, bodyLimit);
        }
    }

    public static Future<IngressServer> start(Vertx vertx, Ingress ingress, Options options) {
        Router router = Router.router(vertx);
        IngressRoute.mount(router, options.path(), ingress, options.bodyLimit());
        mountHealth(router, ingress);
        return vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port()))
                .requestHandler(router)
                .listen()
                .map(IngressServer::new);
    }

    /** Adds {@code GET /health}: {@code {"status":"UP", "accepted":…, …}}. */
    public static void mountHealth(Router router, Ingress ingress) {
        router.get("/health").handler(ctx -> {
            Ingress.Stats s = ingress.stats();
            ctx.json(new JsonObject()
                    .put("status", "UP")
                    .put("accepted", s.accepted())
                    .put("duplicates", s.duplicates())
                    .put("rejected", s.rejected())
                    .put("handled", s.handled())
                    .put("failed", s.failed())
                    .put("queued", s.queued()));
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
