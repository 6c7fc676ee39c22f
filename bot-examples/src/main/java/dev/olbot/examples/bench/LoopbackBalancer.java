package dev.olbot.examples.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One URL in front of several backends on 127.0.0.1, as a load balancer: requests go to the backends in
 * turn; a backend that refuses the connection (it is down) is skipped for the next one, as a balancer's
 * health check would; a request that reached a backend and got no answer is answered 502 (Bitrix24 does not
 * deliver an event again, so that one may be lost). Every forwarded request opens its own connection: a pooled one
 * to an instance that was killed would fail after the request was written, where the balancer cannot tell
 * whether the instance got it.
 */
final class LoopbackBalancer implements AutoCloseable {

    private final Vertx vertx;
    private final WebClient http;
    private final List<Integer> backends;
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicLong unanswered = new AtomicLong();
    private final HttpServer server;

    private LoopbackBalancer(Vertx vertx, List<Integer> backends) throws Exception {
        this.vertx = vertx;
        this.http = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2000).setKeepAlive(false), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(256));
        this.backends = List.copyOf(backends);
        this.server = vertx.createHttpServer().requestHandler(this::forward).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Balances over {@code backends} (ports on 127.0.0.1). */
    static LoopbackBalancer start(Vertx vertx, List<Integer> backends) throws Exception {
        return new LoopbackBalancer(vertx, backends);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** Requests that reached a backend and got no answer (502 to the sender). */
    long unanswered() {
        return unanswered.get();
    }

    private void forward(HttpServerRequest req) {
        req.body().onSuccess(body -> send(req, body, Math.floorMod(turn.getAndIncrement(), backends.size()), backends.size()))
                .onFailure(e -> req.response().setStatusCode(400).end());
    }

    private void send(HttpServerRequest req, Buffer body, int backend, int triesLeft) {
        HttpRequest<Buffer> out = http.request(req.method(), backends.get(backend), "127.0.0.1", req.uri()).timeout(60_000);
        String type = req.getHeader("Content-Type");
        if (type != null) {
            out.putHeader("Content-Type", type);
        }
        out.sendBuffer(body).onComplete(ar -> {
            if (ar.succeeded()) {
                String answerType = ar.result().getHeader("Content-Type");
                if (answerType != null) {
                    req.response().putHeader("Content-Type", answerType);
                }
                Buffer answer = ar.result().body();
                req.response().setStatusCode(ar.result().statusCode()).end(answer == null ? Buffer.buffer() : answer);
            } else if (ar.cause() instanceof java.net.ConnectException && triesLeft > 1) {
                send(req, body, (backend + 1) % backends.size(), triesLeft - 1); // down: the next one
            } else {
                unanswered.incrementAndGet();
                req.response().setStatusCode(502).end("no backend answered: " + ar.cause().getMessage());
            }
        });
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        http.close();
    }
}
