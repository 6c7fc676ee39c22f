package dev.olbot.examples.bench;

import dev.olbot.testkit.FakeBitrix24;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The fake account's event deliveries, posted concurrently as the platform's queue workers do (the fake's own
 * deliverer posts one event at a time). Mounted on the handler URL's prefix: the fake hands every event for
 * it here, the post goes out on Vert.x at once, and the fake moves on; {@link #awaitPosted} waits for the
 * answers of everything posted so far and counts those that were not 200.
 */
final class ConcurrentDeliveries {

    private final WebClient http;
    private final List<CompletableFuture<Integer>> pending = new ArrayList<>();
    private long posted;
    private long notOk;

    private ConcurrentDeliveries(Vertx vertx) {
        this.http = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5000), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(256));
    }

    /** Takes over the deliveries of {@code fake} to URLs starting with {@code handlerPrefix}. */
    static ConcurrentDeliveries mount(FakeBitrix24 fake, Vertx vertx, String handlerPrefix) {
        ConcurrentDeliveries d = new ConcurrentDeliveries(vertx);
        fake.mount(handlerPrefix, (url, body) -> {
            d.post(url, body);
            return CompletableFuture.completedFuture(200);
        });
        return d;
    }

    private void post(String url, String body) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        synchronized (this) {
            pending.add(status);
            posted++;
        }
        http.postAbs(url).putHeader("Content-Type", "application/x-www-form-urlencoded").timeout(60_000)
                .sendBuffer(Buffer.buffer(body)).onComplete(ar -> status.complete(ar.succeeded() ? ar.result().statusCode() : 0));
    }

    /** Waits until every delivery posted so far was answered (up to {@code seconds}). */
    void awaitPosted(long seconds) throws Exception {
        List<CompletableFuture<Integer>> now;
        synchronized (this) {
            now = new ArrayList<>(pending);
            pending.clear();
        }
        CompletableFuture.allOf(now.toArray(CompletableFuture[]::new)).get(seconds, TimeUnit.SECONDS);
        long bad = now.stream().filter(f -> f.join() != 200).count();
        synchronized (this) {
            notOk += bad;
        }
    }

    synchronized long posted() {
        return posted;
    }

    /** Deliveries answered with anything but 200, or not answered. */
    synchronized long notAccepted() {
        return notOk;
    }

    void close() {
        http.close();
    }
}
