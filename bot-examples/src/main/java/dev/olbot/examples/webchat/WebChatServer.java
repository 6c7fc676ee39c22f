package dev.olbot.examples.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.olbot.examples.BoundedBody;
import dev.olbot.event.BotEvent;
import dev.olbot.event.EventDecodeException;
import dev.olbot.event.EventDecoder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web chat widget over HTTP, and the endpoint Bitrix24 posts the connector's events to:
 * <ul>
 *   <li>{@code GET /} — the widget page (plain HTML + fetch, polls every two seconds);</li>
 *   <li>{@code POST /api/conversations/<id>/messages} {@code {"visitorId", "name", "text"}} — the visitor writes;</li>
 *   <li>{@code GET /api/conversations/<id>} — the conversation, {@code {"id", "closed", "messages": [{id, from, text}]}};
 *       replies seen for the first time are confirmed to Bitrix24 as read;</li>
 *   <li>{@code POST /bitrix/events} — {@code OnImConnector*} events; the {@code application_token} must be the
 *       installed app's (403 otherwise).</li>
 * </ul>
 * Bad input gets a 400 with a one-line reason. Requests are handled on the event loop; the bridge never blocks.
 */
public final class WebChatServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONVERSATION = Pattern.compile("/api/conversations/([A-Za-z0-9_-]{1,64})(/messages)?");
    private static final int MAX_TEXT = 20_000;

    private final WebChatBridge bridge;
    private final Supplier<String> applicationToken;
    private final EventDecoder decoder = EventDecoder.create();
    private final HttpServer server;
    private final byte[] page;

    private WebChatServer(Vertx vertx, WebChatBridge bridge, Supplier<String> applicationToken) {
        this.bridge = bridge;
        this.applicationToken = applicationToken;
        this.page = resource("/webchat/widget.html");
        this.server = vertx.createHttpServer().requestHandler(this::route);
    }

    /**
     * Starts listening on {@code host:port} (0 = a free port).
     *
     * @param applicationToken the installed app's {@code application_token} (from ONAPPINSTALL)
     */
    public static Future<WebChatServer> start(Vertx vertx, WebChatBridge bridge, Supplier<String> applicationToken, String host,
                                              int port) {
        WebChatServer s = new WebChatServer(vertx, bridge, applicationToken);
        return s.server.listen(port, host).map(x -> s);
    }

    public int port() {
        return server.actualPort();
    }

    private void route(HttpServerRequest req) {
        String path = req.path();
        if (req.method() == HttpMethod.GET && path.equals("/")) {
            req.response().putHeader("Content-Type", "text/html; charset=utf-8").end(Buffer.buffer(page));
            return;
        }
        if (req.method() == HttpMethod.POST && path.equals("/bitrix/events")) {
            body(req).onSuccess(body -> event(req, body.toString(StandardCharsets.UTF_8)));
            return;
        }
        Matcher m = CONVERSATION.matcher(path);
        if (!m.matches()) {
            fail(req, 404, "no such page");
        } else if (req.method() == HttpMethod.GET && m.group(2) == null) {
            conversation(req, m.group(1));
        } else if (req.method() == HttpMethod.POST && m.group(2) != null) {
            body(req).onSuccess(body -> visitorMessage(req, m.group(1), body));
        } else {
            fail(req, 405, "method not allowed");
        }
    }

    /** The request's body, capped ({@link BoundedBody}); a failure is answered here (413 or 400). */
    private static io.vertx.core.Future<Buffer> body(HttpServerRequest req) {
        return BoundedBody.read(req, BoundedBody.DEFAULT_LIMIT).onFailure(e -> fail(req, BoundedBody.status(e), BoundedBody.reason(e)));
    }

    private void visitorMessage(HttpServerRequest req, String conversation, Buffer body) {
        JsonNode json;
        try {
            json = JSON.readTree(body.getBytes());
        } catch (IOException e) {
            fail(req, 400, "the body is not JSON");
            return;
        }
        String visitorId = json == null ? "" : json.path("visitorId").asText("");
        String text = json == null ? "" : json.path("text").asText("");
        if (!visitorId.matches("[A-Za-z0-9_-]{1,64}")) {
            fail(req, 400, "visitorId: 1-64 letters, digits, '-' or '_' required");
        } else if (text.isBlank() || text.length() > MAX_TEXT) {
            fail(req, 400, "text: 1-" + MAX_TEXT + " characters required");
        } else {
            bridge.visitorSays(conversation, visitorId, json.path("name").asText(""), text)
                    .onSuccess(r -> reply(req, 202, JSON.createObjectNode().put("accepted", r.success())))
                    .onFailure(e -> fail(req, 502, "the line did not take the message"));
        }
    }

    private void conversation(HttpServerRequest req, String id) {
        bridge.chat().conversation(id).ifPresentOrElse(c -> {
            ObjectNode out = JSON.createObjectNode().put("id", c.id()).put("closed", c.closed());
            ArrayNode list = out.putArray("messages");
            c.messages().forEach(m -> list.addObject().put("id", m.id()).put("from", m.from()).put("text", m.text()));
            bridge.visitorRead(id);
            reply(req, 200, out);
        }, () -> fail(req, 404, "no such conversation"));
    }

    private void event(HttpServerRequest req, String body) {
        BotEvent event;
        try {
            event = decoder.decode(req.getHeader("Content-Type"), body);
        } catch (EventDecodeException e) {
            fail(req, 400, "not a Bitrix24 event");
            return;
        }
        String sent = event.meta().auth().applicationToken().orElse("");
        String expected = applicationToken.get();
        if (expected == null || expected.isEmpty()
                || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            fail(req, 403, "wrong application_token");
            return;
        }
        bridge.on(event).onComplete(ar -> {
            if (ar.succeeded()) {
                req.response().setStatusCode(200).end();
            } else {
                fail(req, 502, "handling the event failed");
            }
        });
    }

    private static void reply(HttpServerRequest req, int status, JsonNode body) {
        req.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toString());
    }

    private static void fail(HttpServerRequest req, int status, String reason) {
        req.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(reason + "\n");
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebChatServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("reading " + name + " failed", e);
        }
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
