package dev.olbot.server;

import dev.olbot.trace.TurnTrace;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /debug/dialogs/{id}}: the last turns of a dialog from a {@link TurnTrace}, as JSON, for
 * a request with {@code Authorization: Bearer <token>} (compared in constant time). A wrong or
 * missing token gets 401 and nothing else; with no token configured the route is not mounted.
 */
public final class DebugRoute {

    private DebugRoute() {}

    /** Mounts the route when {@code token} is not empty; does nothing otherwise. */
    public static void mount(Router router, TurnTrace trace, String token) {
        if (token == null || token.isEmpty()) {
            return;
        }
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        router.get("/debug/dialogs/:id").handler(ctx -> {
            String given = ctx.request().getHeader("Authorization");
            if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
                ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer")
                        .putHeader("Content-Type", "text/plain; charset=utf-8").end("a valid debug token is required");
                return;
            }
            answer(ctx, trace, ctx.pathParam("id"));
        });
    }

    private static void answer(RoutingContext ctx, TurnTrace trace, String dialogId) {
        Map<String, List<TurnTrace.Turn>> found = trace.dialog(dialogId);
        JsonArray portals = new JsonArray();
        found.forEach((portal, turns) -> {
            JsonArray list = new JsonArray();
            for (TurnTrace.Turn t : turns) {
                list.add(new JsonObject().put("at", t.at().toString()).put("event", t.event()).put("text", t.text())
                        .put("route", t.route()).put("calls", new JsonArray(t.calls())).put("owner", t.owner())
                        .put("millis", t.millis()));
            }
            portals.add(new JsonObject().put("portal", portal).put("turns", list));
        });
        JsonObject body = new JsonObject().put("dialog", dialogId).put("portals", portals);
        if (found.isEmpty()) {
            body.put("note", "no turns kept for this dialog (it was quiet, or older than the trace keeps)");
        }
        ctx.response().setStatusCode(found.isEmpty() ? 404 : 200);
        ctx.json(body);
    }
}
