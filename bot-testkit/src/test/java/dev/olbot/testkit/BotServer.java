package dev.olbot.testkit;

import dev.olbot.wire.PhpForm;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A tiny bot endpoint on 127.0.0.1:0: records every POST (path, query, content type, body) and runs
 * an optional reaction (which may call the fake) before answering 200 — so a delivery's future
 * completes only after the bot has reacted.
 */
final class BotServer implements AutoCloseable {

    record Received(String path, String query, String contentType, String body) {
        Map<String, Object> form() {
            return PhpForm.parse(body);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String... path) {
            Object v = form();
            for (String p : path) {
                v = ((Map<String, Object>) v).get(p);
            }
            return (Map<String, Object>) v;
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile Consumer<Received> reaction = r -> {};
    final int port;

    BotServer() {
        server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(buf -> {
            Received r = new Received(req.path(), req.query(), req.getHeader("Content-Type"), buf.toString());
            received.add(r);
            vertx.executeBlocking(() -> {
                reaction.accept(r);
                return null;
            }, false).onComplete(ar -> req.response().setStatusCode(ar.succeeded() ? 200 : 500).end());
        }));
        try {
            port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void onEvent(Consumer<Received> reaction) {
        this.reaction = reaction;
    }

    /** The next POST, failing after 10 s when none came. */
    Received take() {
        try {
            Received r = received.poll(10, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("the bot received no event within 10s");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next POST of {@code event}, skipping others. */
    Received take(String event) {
        while (true) {
            Received r = take();
            if (event.equals(r.form().get("event"))) {
                return r;
            }
        }
    }

    boolean nothingReceived() {
        return received.isEmpty();
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
