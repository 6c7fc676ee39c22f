package dev.olbot.rest.internal;

import dev.olbot.rest.CallOutcomeUnknownException;
import dev.olbot.rest.RestResponse;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Remembers the last {@code capacity} idempotency keys of this client: a key in flight or done is
 * answered from here; a key whose outcome is unknown is refused; a key that failed for sure
 * (the platform answered with an error) is forgotten so it can be tried again.
 */
public final class IdempotencyRegistry {

    private final Map<String, Future<RestResponse>> entries;

    public IdempotencyRegistry(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Future<RestResponse>> eldest) {
                return size() > capacity;
            }
        };
    }

    public Future<RestResponse> run(String key, String method, Supplier<Future<RestResponse>> call) {
        Future<RestResponse> future;
        synchronized (entries) {
            Future<RestResponse> known = entries.get(key);
            if (known != null) {
                if (known.failed() && known.cause() instanceof CallOutcomeUnknownException) {
                    return Future.failedFuture(new CallOutcomeUnknownException(method, "an earlier " + method
                            + " with idempotency key '" + key + "' may have been executed; it is not sent again (forget the key to force a resend)", null));
                }
                return known;
            }
            future = call.get();
            entries.put(key, future);
        }
        future.onFailure(e -> {
            if (!(e instanceof CallOutcomeUnknownException)) {
                synchronized (entries) {
                    entries.remove(key, future);
                }
            }
        });
        return future;
    }

    public void forget(String key) {
        synchronized (entries) {
            entries.remove(key);
        }
    }
}
