package dev.olbot.ingress;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.HashMap;
import java.util.Map;

/**
 * Mounts an {@link Ingress} on a Vert.x Web {@link Router}: a POST route that reads the body (with
 * a size cap), hands it to the ingress and answers at once — 200 for an accepted or duplicate
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

    private IngressRoute(Ingress ingress) {
        this.ingress = ingress;
    }

    /** Adds {@code POST path} to the router and returns the route. */
    public static Route mount(Router router, String path, Ingress ingress, long bodyLimit) {
        return router.post(path)
                .handler(BodyHandler.create(false).setBodyLimit(bodyLimit))
                .handler(new IngressRoute(ingress))
                .failureHandler(IngressRoute::failure);
    }

    public static Route mount(Router router, String path, Ingress ingress) {
        return mount(router, path, ingress, DEFAULT_BODY_LIMIT);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String body = ctx.body().asString("UTF-8");
        Outcome outcome = ingress.receive(contentType, body, query(ctx.queryParams()));
        String text = outcome instanceof Outcome.Rejected r ? r.reason() : "OK";
        ctx.response().setStatusCode(outcome.status()).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(text);
    }

    private static Map<String, String> query(MultiMap params) {
        if (params.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        params.forEach(e -> out.put(e.getKey(), e.getValue()));
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
