package dev.olbot.ingress;

import io.vertx.core.Handler;
import dev.olbot.wire.PhpForm;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Mounts an {@link Ingress} on a Vert.x Web {@link Router}: a POST route that reads the body (with
 * a size cap; no {@code BodyHandler} needed), hands it to the ingress and answers at once — 200 for an accepted or duplicate
 * event, 4xx with a one-line {@code text/plain} reason otherwise. Never a 500 for bad input.
 *
 * <pre>{@code
 * IngressRoute.mount(router, "/bitrix/events", ingress, 256 * 1024);
 * }</pre>
 */
public final class IngressRoute implements Handler<RoutingContext> {

    /** Default body cap: Bitrix24 events are a few KB; 256 KiB leaves room for long messages. */
    public static final long DEFAULT_BODY_LIMIT = 256 * 1024;

    private final Ingress ingress;

    /** Default time from the request's headers to the end of its body: 30 s. */
    public static final long DEFAULT_BODY_TIMEOUT_MS = 30_000;

    private final long bodyLimit;
    private final long bodyTimeoutMs;

    private IngressRoute(Ingress ingress, long bodyLimit, long bodyTimeoutMs) {
        this.ingress = ingress;
        this.bodyLimit = bodyLimit;
        this.bodyTimeoutMs = bodyTimeoutMs;
    }

    /** Adds {@code POST path} to the router and returns the route. */
    public static Route mount(Router router, String path, Ingress ingress, long bodyLimit) {
        return mount(router, path, ingress, bodyLimit, DEFAULT_BODY_TIMEOUT_MS);
    }

    /**
     * Adds {@code POST path} to the router: bodies over {@code bodyLimit} bytes get 413, a body not
     * complete {@code bodyTimeoutMs} after the headers gets 408 and the connection is closed.
     */
    public static Route mount(Router router, String path, Ingress ingress, long bodyLimit, long bodyTimeoutMs) {
        return router.post(path).handler(new IngressRoute(ingress, bodyLimit, bodyTimeoutMs)).failureHandler(IngressRoute::failure);
    }

    public static Route mount(Router router, String path, Ingress ingress) {
        return mount(router, path, ingress, DEFAULT_BODY_LIMIT);
    }

    /**
     * Reads the body itself, with the size cap, instead of Vert.x Web's {@code BodyHandler}: that one
     * also decodes every form field into request attributes, which OLBot never uses and which was the
     * largest single cost of an event in the profile.
     */
    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long declaredLength = declared == null ? -1 : declaredLength(declared);
        if (declaredLength > bodyLimit) {
            answer(ctx, 413, "body too large");
            return;
        }
        Map<String, String> query;
        try {
            query = query(request.query());
        } catch (IllegalArgumentException e) {
            answer(ctx, 400, "malformed query string: " + e.getMessage());
            return;
        }
        // sized once for an event's few KB instead of grown chunk by chunk; never more up front than 16 KiB, whatever a
        // sender declares (a declared length costs it nothing to send, the memory would cost us)
        Buffer body = declaredLength > 0 ? Buffer.buffer((int) Math.min(declaredLength, 16 * 1024)) : Buffer.buffer();
        boolean[] tooLarge = {false};
        long timer = ctx.vertx().setTimer(bodyTimeoutMs, t -> {
            if (!ctx.response().ended()) {
                answer(ctx, 408, "request body not received within " + bodyTimeoutMs + " ms");
                request.connection().close();
            }
        });
        ctx.addEndHandler(v -> ctx.vertx().cancelTimer(timer));
        request.handler(chunk -> {
            if (tooLarge[0]) {
                return;
            }
            if (body.length() + chunk.length() > bodyLimit) {
                tooLarge[0] = true;
                answer(ctx, 413, "body too large");
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(e -> {
            if (!ctx.response().ended()) {
                answer(ctx, 400, "malformed request");
            }
        });
        request.endHandler(v -> {
            if (!tooLarge[0] && !ctx.response().ended()) {
                io.vertx.core.Context context = ctx.vertx().getOrCreateContext();
                java.util.concurrent.Executor loop = io.vertx.core.Context.isOnEventLoopThread()
                        ? LoopExecutor.ofCurrentLoop(context)
                        : task -> context.runOnContext(ignored -> task.run()); // a worker context: one hop each, as it was
                ingress.receiveAsync(request.getHeader(HttpHeaders.CONTENT_TYPE), body.toString(StandardCharsets.UTF_8), query, loop)
                        .whenComplete((outcome, e) -> loop.execute(() -> {
                            if (e != null) {
                                answer(ctx, 503, "the event could not be kept");
                            } else {
                                answer(ctx, outcome.status(), outcome instanceof Outcome.Rejected r ? r.reason() : "OK");
                            }
                        }));
            }
        });
        request.resume();
    }

    /** The declared length, or -1 when it is no number (the body's own length then decides). */
    private static long declaredLength(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void answer(RoutingContext ctx, int status, String text) {
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(text);
        }
    }

    /** The handler URL's query parameters (only plain keys; {@code CLIENT_ID} is the one OLBot reads). */
    private static Map<String, String> query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        PhpForm.parse(raw).forEach((k, v) -> {
            if (v instanceof String s) {
                out.put(k, s);
            }
        });
        return out;
    }

    private static void failure(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        String reason = switch (status) {
            case 413 -> "body too large";
            case 400 -> "malformed request";
            default -> "request failed";
        };
        if (!ctx.response().ended()) {
            ctx.response().setStatusCode(status == 500 ? 400 : status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .end(reason);
        }
    }
}
