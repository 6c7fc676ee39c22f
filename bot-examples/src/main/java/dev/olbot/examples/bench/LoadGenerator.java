package dev.olbot.examples.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * An HTTP load generator on loopback: closed-loop (N requests in flight, as fast as the server
 * answers) for throughput, and open-loop (a fixed arrival rate; latency measured from the moment a
 * request was due, so a stalled server cannot hide its queueing) for latency.
 */
final class LoadGenerator implements AutoCloseable {

    private final Vertx vertx;
    private final HttpClient client;
    /** One sequence over all runs, so no two requests of a benchmark carry the same message id. */
    private final AtomicLong seq = new AtomicLong();
    /** The ids of the threads this generator sends and receives on (its event loops). */
    private final java.util.Set<Long> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The ids of the threads the generator itself ran on so far (to leave out of a server's CPU time). */
    java.util.Set<Long> threads() {
        return threads;
    }

    LoadGenerator(int connections) {
        this.vertx = Vertx.vertx();
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connections));
    }

    /** Sends as fast as the server answers with {@code inFlight} outstanding requests for {@code seconds}. */
    LoadResult closedLoop(int port, String path, LongFunction<Buffer> body, int inFlight, double seconds) throws Exception {
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicLong active = new AtomicLong(inFlight);
        long start = System.nanoTime();
        for (int i = 0; i < inFlight; i++) {
            vertx.runOnContext(v -> {
                threads.add(Thread.currentThread().getId());
                loop(port, path, body, seq, completed, errors, end, active, done);
            });
        }
        done.get((long) seconds + 60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new LoadResult(completed.get(), errors.get(), elapsed, new long[0]);
    }

    private void loop(int port, String path, LongFunction<Buffer> body, AtomicLong seq, AtomicLong completed,
            AtomicLong errors, long end, AtomicLong active, CompletableFuture<Void> done) {
        if (System.nanoTime() >= end) {
            if (active.decrementAndGet() == 0) {
                done.complete(null);
            }
            return;
        }
        send(port, path, body.apply(seq.incrementAndGet())).onComplete(ar -> {
            if (ar.succeeded() && ar.result() == 200) {
                completed.incrementAndGet();
            } else {
                errors.incrementAndGet();
            }
            loop(port, path, body, seq, completed, errors, end, active, done);
        });
    }

    /** Sends {@code rate} requests per second for {@code seconds}, each due at its own instant. */
    LoadResult openLoop(int port, String path, LongFunction<Buffer> body, int rate, double seconds) throws Exception {
        int total = (int) (rate * seconds);
        long[] latencies = new long[total];
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong finished = new AtomicLong();
        CompletableFuture<Void> done = new CompletableFuture<>();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        AtomicLong next = new AtomicLong();
        vertx.setPeriodic(1, id -> {
            threads.add(Thread.currentThread().getId());
            long now = System.nanoTime();
            while (next.get() < total && start + next.get() * intervalNanos <= now) {
                int i = (int) next.getAndIncrement();
                long due = start + i * intervalNanos;
                send(port, path, body.apply(seq.incrementAndGet())).onComplete(ar -> {
                    latencies[i] = (System.nanoTime() - due) / 1000;
                    if (ar.succeeded() && ar.result() == 200) {
                        completed.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                    }
                    if (finished.incrementAndGet() == total) {
                        done.complete(null);
                    }
                });
            }
            if (next.get() >= total) {
                vertx.cancelTimer(id);
            }
        });
        done.get((long) seconds + 60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new LoadResult(completed.get(), errors.get(), elapsed, latencies);
    }

    private io.vertx.core.Future<Integer> send(int port, String path, Buffer body) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port).setURI(path)
                .putHeader("Content-Type", "application/x-www-form-urlencoded");
        return client.request(options)
                .compose(req -> req.send(body))
                .compose(resp -> resp.body().map(b -> resp.statusCode()));
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
