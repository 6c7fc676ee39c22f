package dev.olbot.rest.internal;

import dev.olbot.rest.CallOptions;
import dev.olbot.rest.RestResponse;
import io.vertx.core.Promise;
import java.util.Map;
import java.util.Optional;

/** One call waiting in, or leaving from, a {@link PortalLane}. Mutable fields are guarded by the lane. */
public final class Job {

    final long seq;
    final String portal;
    final String method;
    final Map<String, ?> params;
    final Optional<String> orderKey;
    final Promise<RestResponse> promise;
    final boolean read;
    final boolean batchable;
    /** When the call stops being wanted (on the lane's clock), or null. */
    final java.time.Instant deadline;

    long notBeforeNanos = Long.MIN_VALUE;
    /** Until when this call waits for company before leaving alone (coalescing under load); none yet. */
    long gatherUntilNanos = Long.MIN_VALUE;
    int transportRetries;
    int limitRetries;
    boolean refreshed;
    String usedToken = "";

    public Job(long seq, String portal, String method, Map<String, ?> params, CallOptions options, Promise<RestResponse> promise) {
        this.seq = seq;
        this.portal = portal;
        this.method = method;
        this.params = params == null ? Map.of() : params;
        this.orderKey = options.orderKey();
        this.promise = promise;
        this.read = MethodKinds.isRead(method);
        this.batchable = MethodKinds.isBatchable(method);
        this.deadline = options.deadline().orElse(null);
    }

    /** True when the deadline has passed at {@code now}. */
    boolean expiredAt(java.time.Instant now) {
        return deadline != null && !now.isBefore(deadline);
    }

    public String method() {
        return method;
    }

    public Map<String, ?> params() {
        return params;
    }

    public Promise<RestResponse> promise() {
        return promise;
    }

    public Optional<String> orderKey() {
        return orderKey;
    }

    @Override
    public String toString() {
        return "Job[" + seq + " " + method + orderKey.map(k -> " key=" + k).orElse("") + "]";
    }
}
