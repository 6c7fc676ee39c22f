package dev.olbot.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.olbot.wire.PhpForm;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A tiny scripted Bitrix24 on loopback: REST under {@code /rest/}, OAuth under {@code /oauth/token/},
 * {@code batch} executed command by command through the same script. Records every request.
 */
final class FakePortal implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One received request; {@code method} is the REST method (or {@code oauth/token}), {@code params} the JSON body or query. */
    record Request(String method, JsonNode params, String rawUri, boolean inBatch) {}

    /** What to answer; {@code null} body means never answer (stall). */
    record Reply(int status, String body) {
        static final Reply STALL = new Reply(0, null);
    }

    interface Script {
        Reply answer(Request request);
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final Script script;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private FakePortal(Vertx vertx, Script script) throws Exception {
        this.vertx = vertx;
        this.script = script;
        this.server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static FakePortal start(Vertx vertx, Script script) throws Exception {
        return new FakePortal(vertx, script);
    }

    String restUrl() {
        return "http://127.0.0.1:" + server.actualPort() + "/rest/";
    }

    /** An OAuth server endpoint on the same fake: its token URL is {@code /oauth/token/}. */
    String serverEndpoint() {
        return "http://127.0.0.1:" + server.actualPort() + "/rest/";
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    long count(String method) {
        return requests().stream().filter(r -> r.method().equals(method)).count();
    }

    private void handle(HttpServerRequest req) {
        req.body().onSuccess(buffer -> {
            String path = req.path();
            Reply reply;
            if (path.startsWith("/oauth/token")) {
                ObjectNode q = JSON.createObjectNode();
                req.params().forEach((k, v) -> q.put(k, v));
                PhpForm.parse(buffer.toString()).forEach((k, v) -> q.put(k, String.valueOf(v))); // a POST form body
                reply = record(new Request("oauth/token", q, req.uri(), false));
            } else {
                String method = path.substring(path.lastIndexOf('/') + 1);
                JsonNode body;
                try {
                    body = buffer.length() == 0 ? JSON.createObjectNode() : JSON.readTree(buffer.getBytes());
                } catch (Exception e) {
                    body = JSON.createObjectNode();
                }
                Request request = new Request(method, body, req.uri(), false);
                reply = method.equals("batch") ? batch(request) : record(request);
            }
            if (reply.body() == null) {
                return; // stall: never answer
            }
            req.response().setStatusCode(reply.status()).putHeader("Content-Type", "application/json").end(reply.body());
        });
    }

    private Reply record(Request request) {
        requests.add(request);
        return script.answer(request);
    }

    private Reply batch(Request outer) {
        Reply gate = record(outer);
        if (gate != null) {
            return gate; // the script answered the batch itself (refusal, stall or a canned body)
        }
        Map<String, JsonNode> results = new LinkedHashMap<>();
        Map<String, JsonNode> errors = new LinkedHashMap<>();
        outer.params().path("cmd").fields().forEachRemaining(cmd -> {
            String value = cmd.getValue().asText();
            int q = value.indexOf('?');
            String method = q < 0 ? value : value.substring(0, q);
            JsonNode params = JSON.valueToTree(PhpForm.parse(q < 0 ? "" : value.substring(q + 1)));
            Reply sub = record(new Request(method, params, value, true));
            try {
                JsonNode node = JSON.readTree(sub.body());
                if (node.has("error")) {
                    errors.put(cmd.getKey(), node);
                } else {
                    results.put(cmd.getKey(), node.get("result"));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ObjectNode result = JSON.createObjectNode();
        result.set("result", results.isEmpty() ? JSON.createArrayNode() : JSON.valueToTree(results));
        result.set("result_error", errors.isEmpty() ? JSON.createArrayNode() : JSON.valueToTree(errors));
        ObjectNode envelope = JSON.createObjectNode();
        envelope.set("result", result);
        return new Reply(200, envelope.toString());
    }

    static Reply ok(Object result) {
        return new Reply(200, json(Map.of("result", result, "time", Map.of("start", 1.0, "finish", 1.1, "operating", 0.1))));
    }

    static Reply okWithTime(Object result, Map<String, ?> time) {
        return new Reply(200, json(Map.of("result", result, "time", time)));
    }

    static Reply error(int status, String code, String description) {
        return new Reply(status, json(Map.of("error", code, "error_description", description)));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
