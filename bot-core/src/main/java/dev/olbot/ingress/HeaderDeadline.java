package dev.olbot.ingress;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes a connection that does not finish a request's headers in time: from when it opened, and
 * again from the end of each response (a keep-alive connection that trickles the next request's
 * headers one byte at a time would otherwise stay open for ever; the idle timeout does not see it,
 * because bytes keep coming).
 */
final class HeaderDeadline {

    private final Vertx vertx;
    private final long timeoutMs;
    private final Map<HttpConnection, Long> timers = new ConcurrentHashMap<>();

    HeaderDeadline(Vertx vertx, long timeoutMs) {
        this.vertx = vertx;
        this.timeoutMs = timeoutMs;
    }

    void opened(HttpConnection connection) {
        arm(connection);
        connection.closeHandler(v -> disarm(connection));
    }

    void requestArrived(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        disarm(connection);
        request.response().endHandler(v -> arm(connection));
    }

    private void arm(HttpConnection connection) {
        if (timeoutMs <= 0) {
            return;
        }
        long id = vertx.setTimer(timeoutMs, t -> {
            timers.remove(connection);
            connection.close();
        });
        Long previous = timers.put(connection, id);
        if (previous != null) {
            vertx.cancelTimer(previous);
        }
    }

    private void disarm(HttpConnection connection) {
        Long id = timers.remove(connection);
        if (id != null) {
            vertx.cancelTimer(id);
        }
    }
}
