package dev.olbot.testkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.olbot.wire.PhpForm;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP face of the account: {@code /rest/<method>} (OAuth {@code auth} in query or body),
 * {@code /rest/<userId>/<secret>/<method>} (inbound webhook), optional {@code .json} suffix, JSON or
 * form bodies; and the token endpoint {@code /oauth/token/}.
 */
final class HttpFront {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeBitrix24 fake;
    private final Vertx vertx;
    private HttpServer server;

    HttpFront(FakeBitrix24 fake, Vertx vertx) {
        this.fake = fake;
        this.vertx = vertx;
    }

    int listen() {
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> serve(req, body)));
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("the fake could not listen on 127.0.0.1", e);
        }
    }

    void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("closing the fake's server failed", e);
        }
    }

    private void serve(HttpServerRequest req, Buffer body) {
        String path = req.path();
        Map<String, Object> params = new LinkedHashMap<>(PhpForm.parse(req.query() == null ? "" : req.query()));
        try {
            params.putAll(bodyParams(req, body));
        } catch (RuntimeException e) {
            json(req.response(), 400, Map.of("error", "INVALID_REQUEST", "error_description", "Request body is not valid: " + e.getMessage()));
            return;
        }
        if (path.equals("/oauth/token/") || path.equals("/oauth/token")) {
            Map.Entry<Integer, Map<String, Object>> r = fake.tokens().tokenEndpoint(params);
            json(req.response(), r.getKey(), r.getValue());
            return;
        }
        if (!path.startsWith("/rest/")) {
            json(req.response(), 404, Map.of("error", "NOT_FOUND", "error_description", "The fake serves /rest/ and /oauth/token/ only"));
            return;
        }
        String[] parts = path.substring("/rest/".length()).split("/");
        CallAuth auth;
        String method;
        if (parts.length == 3) {
            auth = CallAuth.webhook((int) Params.intval(parts[0]), parts[1]);
            method = parts[2];
        } else if (parts.length == 1) {
            method = parts[0];
            Object token = params.remove("auth");
            Object sessid = params.remove("sessid");
            auth = token != null ? CallAuth.oauth(String.valueOf(token))
                    : sessid != null ? CallAuth.session(String.valueOf(sessid)) : CallAuth.none();
        } else {
            json(req.response(), 404, BitrixError.methodNotFound().body());
            return;
        }
        if (method.endsWith(".json")) {
            method = method.substring(0, method.length() - ".json".length());
        }
        Outcome o = fake.dispatcher().dispatch(method, params, auth);
        HttpServerResponse resp = req.response();
        switch (o.fault() == null ? Outcome.Action.ANSWER : o.action()) {
            case ANSWER -> json(resp, o.status(), o.body());
            case ANSWER_LATER -> {
                Context ctx = vertx.getOrCreateContext();
                o.released().thenRun(() -> ctx.runOnContext(v -> json(resp, o.status(), o.body())));
            }
            case DROP -> req.connection().close();
            case NEVER -> { } // TIMEOUT_AFTER_EXECUTING: the effect happened; no response is ever written
        }
    }

    private static Map<String, Object> bodyParams(HttpServerRequest req, Buffer body) {
        if (body == null || body.length() == 0) {
            return Map.of();
        }
        String type = String.valueOf(req.getHeader("Content-Type")).toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/json")) {
            try {
                return JSON.readValue(body.getBytes(), new TypeReference<Map<String, Object>>() {});
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("malformed JSON");
            }
        }
        return PhpForm.parse(body.toString());
    }

    private static void json(HttpServerResponse resp, int status, Map<String, Object> body) {
        try {
            resp.setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(Buffer.buffer(JSON.writeValueAsBytes(body)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            resp.setStatusCode(500).end();
        }
    }
}
