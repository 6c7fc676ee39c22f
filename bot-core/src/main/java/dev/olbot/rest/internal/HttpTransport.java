package dev.olbot.rest.internal;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP exchange with a real-time timeout. Tells apart a request that never left (no
 * connection: safe to send again) from one that left and got no answer (it may have executed).
 */
public final class HttpTransport {

    /** The answer: status and raw body. */
    public record Reply(int status, byte[] body) {}

    /** No answer. {@link #sent()} is false only when no connection was made, so nothing was executed. */
    public static final class TransportException extends Exception {
        private final boolean sent;
        private final boolean timedOut;

        TransportException(boolean sent, boolean timedOut, String message) {
            super(message, null, false, false);
            this.sent = sent;
            this.timedOut = timedOut;
        }

        public boolean sent() {
            return sent;
        }

        public boolean timedOut() {
            return timedOut;
        }
    }

    private final Vertx vertx;
    private final HttpClientAgent client;
    private final String userAgent;

    public HttpTransport(Vertx vertx, int maxConnectionsPerHost, String userAgent) {
        this.vertx = vertx;
        this.userAgent = userAgent;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(maxConnectionsPerHost).setMaxWaitQueueSize(-1));
    }

    /**
     * Sends one request. Fails with {@link TransportException} whose message is already masked.
     *
     * @param body JSON body, or null for a GET
     */
    public Future<Reply> send(HttpMethod method, String url, Buffer body, long timeoutMs) {
        return send(method, url, body, "application/json; charset=utf-8", timeoutMs);
    }

    /** Sends {@code form} as an {@code application/x-www-form-urlencoded} POST body (secrets stay out of the URL). */
    public Future<Reply> postForm(String url, String form, long timeoutMs) {
        return send(HttpMethod.POST, url, Buffer.buffer(form), "application/x-www-form-urlencoded", timeoutMs);
    }

    private Future<Reply> send(HttpMethod method, String url, Buffer body, String contentType, long timeoutMs) {
        Promise<Reply> promise = Promise.promise();
        RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url).setConnectTimeout(timeoutMs);
        // start on a Vert.x context: a request begun on a foreign thread (a handler's lane, a test
        // thread) was seen to stall before connecting
        vertx.runOnContext(v -> {
            client.request(options).onComplete(ar -> {
                if (ar.failed()) {
                    promise.tryFail(new TransportException(false, false,
                            "cannot connect to " + Secrets.mask(hostOf(url)) + ": " + Secrets.mask(String.valueOf(ar.cause().getMessage()))));
                    return;
                }
                HttpClientRequest request = ar.result();
                AtomicBoolean timedOut = new AtomicBoolean();
                long timer = vertx.setTimer(Math.max(1, timeoutMs), id -> {
                    timedOut.set(true);
                    request.reset();
                    promise.tryFail(new TransportException(true, true, "no answer within " + timeoutMs + " ms"));
                });
                request.putHeader("Accept", "application/json").putHeader("User-Agent", userAgent);
                Future<io.vertx.core.http.HttpClientResponse> sent;
                if (body != null) {
                    request.putHeader("Content-Type", contentType);
                    sent = request.send(body);
                } else {
                    sent = request.send();
                }
                sent.compose(resp -> resp.body().map(b -> new Reply(resp.statusCode(), b.getBytes())))
                        .onComplete(res -> {
                            vertx.cancelTimer(timer);
                            if (res.succeeded()) {
                                promise.tryComplete(res.result());
                            } else {
                                promise.tryFail(new TransportException(true, timedOut.get(),
                                        "connection lost after the request was sent: " + Secrets.mask(String.valueOf(res.cause().getMessage()))));
                            }
                        });
            });
        });
        return promise.future();
    }

    public Future<Void> close() {
        return client.close();
    }

    private static String hostOf(String url) {
        int scheme = url.indexOf("://");
        int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        return slash < 0 ? url : url.substring(0, slash);
    }
}
