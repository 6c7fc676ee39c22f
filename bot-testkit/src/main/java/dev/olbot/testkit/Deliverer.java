package dev.olbot.testkit;

import dev.olbot.wire.PhpForm;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Posts events one after another (a queue server: the next starts when the previous answered), so
 * a bot sees them in the order they happened. Each delivery has its own future; none is retried.
 */
final class Deliverer {

    private final Vertx vertx;
    private final Transcript transcript;
    private HttpClient http;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    private final Map<String, EventSink> sinks = new ConcurrentHashMap<>();
    private final List<CompletableFuture<Delivery>> all = new ArrayList<>();
    /** In-process sinks run here, never on the thread that caused the event (which may hold the account lock). */
    private final java.util.concurrent.ExecutorService sinkThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fake-bitrix24-sink");
        t.setDaemon(true);
        return t;
    });

    Deliverer(Vertx vertx, Transcript transcript) {
        this.vertx = vertx;
        this.transcript = transcript;
    }

    void mount(String urlPrefix, EventSink sink) {
        sinks.put(urlPrefix, sink);
    }

    synchronized CompletableFuture<Delivery> deliver(String url, Map<String, Object> payload) {
        String event = String.valueOf(payload.get("event"));
        String body = PhpForm.encode(payload);
        CompletableFuture<Delivery> result = new CompletableFuture<>();
        tail = tail.handle((x, e) -> null).thenCompose(x -> send(url, body)).handle((status, err) -> {
            if (err != null) {
                transcript.add("platform", event + " to " + url + " failed: " + rootMessage(err));
                result.completeExceptionally(err);
            } else {
                result.complete(new Delivery(event, url, body, PhpForm.parse(body), status));
            }
            return null;
        });
        all.add(result);
        return result;
    }

    synchronized List<CompletableFuture<Delivery>> all() {
        return List.copyOf(all);
    }

    /** A future that completes when every delivery made so far has completed (successfully or not). */
    synchronized CompletableFuture<Void> idle() {
        return CompletableFuture.allOf(all.stream().map(f -> f.handle((d, e) -> null)).toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Integer> send(String url, String body) {
        for (Map.Entry<String, EventSink> e : sinks.entrySet()) {
            if (url.startsWith(e.getKey())) {
                EventSink sink = e.getValue();
                return CompletableFuture.supplyAsync(() -> sink.post(url, body), sinkThread)
                        .thenCompose(java.util.concurrent.CompletionStage::toCompletableFuture);
            }
        }
        CompletableFuture<Integer> f = new CompletableFuture<>();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
                .putHeader("Content-Type", "application/x-www-form-urlencoded").setTimeout(10_000);
        // start the request on a Vert.x context: the caller may be a test thread holding the
        // account lock, and a request begun there was seen to stall without ever connecting
        vertx.runOnContext(v -> client().request(options)
                .compose(req -> req.send(body))
                .compose(resp -> resp.body().map(b -> resp.statusCode()))
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        f.complete(ar.result());
                    } else {
                        f.completeExceptionally(ar.cause());
                    }
                }));
        return f;
    }

    void close() {
        sinkThread.shutdownNow();
    }

    private synchronized HttpClient client() {
        if (http == null) {
            // one connection per event, like the platform's queue server
            http = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions().setKeepAlive(false));
        }
        return http;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.toString();
    }
}
