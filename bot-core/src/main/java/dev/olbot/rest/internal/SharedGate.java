package dev.olbot.rest.internal;

import dev.olbot.rest.RateLimit;
import dev.olbot.rest.SharedBucket;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One per lane. Sends a lane's request only once the portal's {@link SharedBucket} has a place for it; otherwise
 * hands the jobs back to the lane to wait. If the shared bucket cannot answer, the request leaves
 * on the lane's own pacing (a portal refusal is then retried like any {@code QUERY_LIMIT_EXCEEDED}).
 */
final class SharedGate implements PortalLane.Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(SharedGate.class);

    private final SharedBucket bucket;
    private final RateLimit limit;
    private final PortalLane.Dispatcher next;
    private final AtomicBoolean warned = new AtomicBoolean();
    private final AtomicBoolean asking = new AtomicBoolean();
    private static final long GATHER_NANOS = 2_000_000L;

    SharedGate(SharedBucket bucket, RateLimit limit, PortalLane.Dispatcher next) {
        this.bucket = bucket;
        this.limit = limit;
        this.next = next;
    }

    @Override
    public void dispatch(PortalLane lane, List<Job> jobs) {
        if (!asking.compareAndSet(false, true)) {
            // one question to the shared bucket at a time: meanwhile calls gather, and leave together as a batch
            lane.requeueUncounted(jobs, GATHER_NANOS);
            return;
        }
        bucket.take(lane.portal(), limit).onComplete(ar -> {
            asking.set(false);
            if (ar.failed()) {
                if (warned.compareAndSet(false, true)) {
                    LOG.warn("the shared rate bucket did not answer ({}); pacing by this instance's own bucket until it does",
                            ar.cause().getMessage());
                }
                next.dispatch(lane, jobs);
            } else if (ar.result().go()) {
                warned.set(false);
                lane.sharedLevel(ar.result().level());
                next.dispatch(lane, jobs);
            } else {
                lane.deferred(jobs, ar.result().waitNanos());
            }
        });
    }
}
