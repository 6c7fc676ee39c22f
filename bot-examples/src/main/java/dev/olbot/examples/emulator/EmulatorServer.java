package dev.olbot.examples.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.olbot.examples.BoundedBody;
import dev.olbot.testkit.scenario.ScenarioFile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's HTTP side: the page and its two static files from the jar ({@code /emulator/}), {@code GET /api/state}
 * (the whole model as JSON), {@code GET /api/live} (server-sent events: a {@code changed} event with the new version
 * after every action), {@code POST /api/<action>} with a small JSON body, and {@code GET /api/scenario?dialog=N}.
 * Actions run off the event loop, one at a time. Bad input answers 400 with a one-line reason.
 */
public final class EmulatorServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ASSETS = Map.of(
            "/", "index.html", "/emulator.js", "emulator.js", "/emulator.css", "emulator.css");

    private final Vertx vertx;
    private final Emulator emulator;
    private final HttpServer server;
    private final AtomicLong version = new AtomicLong(1);

    private EmulatorServer(Vertx vertx, Emulator emulator) {
        this.vertx = vertx;
        this.emulator = emulator;
        this.server = vertx.createHttpServer().requestHandler(this::route);
    }

    /** Starts listening on {@code host:port} (0 = a free port). */
    public static Future<EmulatorServer> start(Vertx vertx, Emulator emulator, String host, int port) {
        EmulatorServer s = new EmulatorServer(vertx, emulator);
        return s.server.listen(port, host).map(x -> s);
    }

    public int port() {
        return server.actualPort();
    }

    private void route(HttpServerRequest req) {
        String path = req.path();
        if (req.method() == HttpMethod.GET && ASSETS.containsKey(path)) {
            String file = ASSETS.get(path);
            String type = file.endsWith(".html") ? "text/html" : file.endsWith(".js") ? "text/javascript" : "text/css";
            req.response().putHeader("Content-Type", type + "; charset=utf-8").putHeader("Cache-Control", "no-store")
                    .end(Buffer.buffer(asset(file)));
        } else if (req.method() == HttpMethod.GET && path.equals("/api/state")) {
            blocking(req, () -> JSON.writeValueAsString(EmulatorView.of(emulator, version.get())), "application/json");
        } else if (req.method() == HttpMethod.GET && path.equals("/api/live")) {
            live(req);
        } else if (req.method() == HttpMethod.GET && path.equals("/api/scenario")) {
            int dialog = intParam(req.getParam("dialog"));
            req.response().putHeader("Content-Disposition", "attachment; filename=\"emulator-dialog-" + (dialog + 1) + ".convo\"");
            blocking(req, () -> emulator.scenario(dialog), "text/plain");
        } else if (req.method() == HttpMethod.POST && path.startsWith("/api/")) {
            BoundedBody.read(req, BoundedBody.DEFAULT_LIMIT)
                    .onSuccess(body -> action(req, path.substring(5), body))
                    .onFailure(e -> fail(req.response(), BoundedBody.status(e), BoundedBody.reason(e)));
        } else {
            fail(req.response(), 404, "no such page: the emulator serves /, /api/state, /api/live and /api/<action>");
        }
    }

    private void action(HttpServerRequest req, String action, Buffer body) {
        JsonNode in;
        try {
            in = body.length() == 0 ? JSON.createObjectNode() : JSON.readTree(body.getBytes());
        } catch (IOException e) {
            fail(req.response(), 400, "the body is not JSON");
            return;
        }
        for (String field : List.of("dialog", "button", "user", "line")) {
            if (in.has(field) && !(in.get(field).isIntegralNumber() && in.get(field).canConvertToInt())) {
                fail(req.response(), 400, field + ": a whole number, not " + in.get(field));
                return;
            }
        }
        int dialog = in.path("dialog").asInt(0);
        String text = in.path("text").asText("");
        blocking(req, () -> {
            switch (action) {
                case "client" -> emulator.newClient();
                case "say" -> emulator.says(dialog, text);
                case "press" -> emulator.presses(dialog, in.path("button").asInt(0));
                case "accept" -> emulator.operatorAccepts(dialog);
                case "write" -> emulator.operatorSays(dialog, text);
                case "transfer" -> emulator.operatorTransfers(dialog, in.path("user").asInt(0), in.path("line").asInt(0));
                case "handback" -> emulator.operatorHandsBack(dialog);
                case "finish" -> emulator.operatorFinishes(dialog);
                case "wait" -> emulator.advance(ScenarioFile.parseDuration(text));
                case "jump" -> emulator.jumpTo(time(text));
                default -> throw new IllegalArgumentException("unknown action '" + action + "'");
            }
            version.incrementAndGet();
            return "{\"ok\":true}";
        }, "application/json");
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("jump: give a time of day as HH:MM, not '" + text + "'");
        }
    }

    private static int intParam(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Server-sent events: {@code event: changed} with the version whenever it moves (checked every 100 ms). */
    private void live(HttpServerRequest req) {
        HttpServerResponse resp = req.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-store");
        long[] sent = {0};
        resp.write("retry: 1000\n\n");
        long timer = vertx.setPeriodic(100, id -> {
            long v = version.get();
            if (v != sent[0]) {
                sent[0] = v;
                resp.write("event: changed\ndata: " + v + "\n\n");
            }
        });
        resp.closeHandler(v -> vertx.cancelTimer(timer));
        req.connection().closeHandler(v -> vertx.cancelTimer(timer));
    }

    private interface Work {
        String run() throws Exception;
    }

    private void blocking(HttpServerRequest req, Work work, String type) {
        vertx.executeBlocking(work::run, true).onComplete(ar -> {
            if (ar.succeeded()) {
                req.response().putHeader("Content-Type", type + "; charset=utf-8").end(ar.result());
            } else {
                Throwable e = ar.cause();
                boolean mistake = e instanceof IllegalArgumentException || e instanceof IllegalStateException
                        || e.getClass().getSimpleName().equals("BitrixError");
                fail(req.response(), mistake ? 400 : 500, firstLine(e.getMessage() == null ? e.toString() : e.getMessage()));
                version.incrementAndGet();
            }
        });
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void fail(HttpServerResponse resp, int status, String reason) {
        if (resp.ended()) {
            return;
        }
        try {
            resp.setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(JSON.writeValueAsString(Map.of("error", reason)));
        } catch (IOException e) {
            resp.setStatusCode(status).end();
        }
    }

    private static byte[] asset(String name) {
        try (InputStream in = EmulatorServer.class.getResourceAsStream("/emulator/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks /emulator/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
