package dev.olbot.rest.internal;

import dev.olbot.rest.Call;
import dev.olbot.rest.CallOutcomeUnknownException;
import dev.olbot.rest.RestException;
import dev.olbot.rest.RestResponse;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what leaves a {@link PortalLane} and decides each job's fate: done, failed, or back in the
 * queue (rate limit, held method, refreshed token, connection refused, timed-out read).
 */
public final class Sender implements PortalLane.Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);

    /** Retry settings. */
    public record Policy(long timeoutMs, int retries, long backoffBaseMs, int limitRetries) {}

    private final HttpTransport transport;
    private final Auth auth;
    private final Policy policy;

    public Sender(HttpTransport transport, Auth auth, Policy policy) {
        this.transport = transport;
        this.auth = auth;
        this.policy = policy;
    }

    private dev.olbot.metrics.OlbotMetrics metrics = dev.olbot.metrics.OlbotMetrics.noop();
    private dev.olbot.rest.RestClock clock;

    /** Counts requests, batch sizes, queue waits and limit errors from now on (set before the first call). */
    void metrics(dev.olbot.metrics.OlbotMetrics metrics, dev.olbot.rest.RestClock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void dispatch(PortalLane lane, List<Job> jobs) {
        if (metrics.enabled()) {
            CallOutcomes.left(metrics, clock.nanoTime(), jobs);
        }
        auth.target(lane.portal()).onComplete(ar -> {
            if (ar.failed()) {
                jobs.forEach(job -> fail(lane, job, ar.cause() instanceof RestException e && e.method().isEmpty()
                        ? new RestException(job.method, e.httpStatus(), e.error(), e.errorDescription()) : ar.cause()));
            } else if (jobs.size() == 1) {
                sendOne(lane, jobs.get(0), ar.result());
            } else {
                sendBatch(lane, jobs, ar.result());
            }
        });
    }

    private void sendOne(PortalLane lane, Job job, Auth.Target target) {
        job.usedToken = target.accessToken();
        Map<String, Object> body = new LinkedHashMap<>(auth.decorate(job.method, job.params));
        post(target, job.method, body).onComplete(ar -> {
            if (ar.failed()) {
                transportFailure(lane, job, ar.cause());
                return;
            }
            try {
                RestResponse response = Envelope.parse(job.method, ar.result().status(), ar.result().body());
                response.time().ifPresent(t -> lane.observe(job.method, t));
                lane.finished(job);
                job.promise.tryComplete(response);
            } catch (RestException e) {
                restError(lane, job, e);
            }
        });
    }

    private void sendBatch(PortalLane lane, List<Job> jobs, Auth.Target target) {
        Map<String, Call> calls = new LinkedHashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            job.usedToken = target.accessToken();
            calls.put("c" + i, Call.of(job.method, auth.decorate(job.method, job.params)));
        }
        post(target, "batch", BatchCodec.params(calls, false)).onComplete(ar -> {
            if (ar.failed()) {
                jobs.forEach(job -> transportFailure(lane, job, ar.cause()));
                return;
            }
            RestResponse batch;
            try {
                batch = Envelope.parse("batch", ar.result().status(), ar.result().body());
            } catch (RestException e) {
                jobs.forEach(job -> restError(lane, job, new RestException(job.method, e.httpStatus(), e.error(), e.errorDescription())));
                return;
            }
            Map<String, BatchCodec.Outcome> outcomes = BatchCodec.split(batch.result(), calls, ar.result().status());
            for (int i = 0; i < jobs.size(); i++) {
                Job job = jobs.get(i);
                BatchCodec.Outcome outcome = outcomes.get("c" + i);
                if (outcome.response().isPresent()) {
                    RestResponse response = outcome.response().get();
                    response.time().ifPresent(t -> lane.observe(job.method, t));
                    lane.finished(job);
                    job.promise.tryComplete(response);
                } else {
                    restError(lane, job, outcome.error().orElseThrow());
                }
            }
        });
    }

    private Future<HttpTransport.Reply> post(Auth.Target target, String method, Map<String, ?> params) {
        Map<String, Object> body = new LinkedHashMap<>(params);
        if (!target.accessToken().isEmpty()) {
            body.put("auth", target.accessToken());
        }
        byte[] json;
        try {
            json = Envelope.JSON.writeValueAsBytes(body);
        } catch (Exception e) {
            return Future.failedFuture(new IllegalArgumentException("parameters of " + method + " cannot be written as JSON: " + e.getMessage()));
        }
        return transport.send(HttpMethod.POST, target.baseUrl() + method, Buffer.buffer(json), policy.timeoutMs());
    }

    private void restError(PortalLane lane, Job job, RestException e) {
        if (e.is("OPERATION_TIME_LIMIT") || e.is("QUERY_LIMIT_EXCEEDED")) {
            metrics.limitError(e.error());
        }
        if (e.is("OPERATION_TIME_LIMIT")) {
            LOG.warn("{} on portal {} hit OPERATION_TIME_LIMIT; holding the method", job.method, lane.portal());
            lane.holdMethod(job.method);
            lane.requeue(job, 0);
        } else if (e.is("QUERY_LIMIT_EXCEEDED") || e.httpStatus() == 429) {
            lane.markFull();
            if (job.limitRetries < policy.limitRetries()) {
                job.limitRetries++;
                lane.requeue(job, backoffNanos(job.limitRetries));
            } else {
                fail(lane, job, e);
            }
        } else if ((e.is("expired_token") || e.is("invalid_token")) && auth.refreshable() && !job.refreshed) {
            job.refreshed = true;
            auth.refresh(lane.portal(), job.usedToken).onComplete(ar -> {
                if (ar.succeeded()) {
                    lane.requeue(job, 0);
                } else {
                    fail(lane, job, ar.cause());
                }
            });
        } else {
            fail(lane, job, e);
        }
    }

    private void transportFailure(PortalLane lane, Job job, Throwable cause) {
        boolean sent = !(cause instanceof HttpTransport.TransportException te) || te.sent();
        String message = Secrets.mask(cause.getMessage());
        if ((!sent || job.read) && job.transportRetries < policy.retries()) {
            job.transportRetries++;
            LOG.debug("{} on portal {}: {}; retry {} of {}", job.method, lane.portal(), message, job.transportRetries, policy.retries());
            lane.requeue(job, backoffNanos(job.transportRetries));
        } else if (!sent || job.read) {
            fail(lane, job, new RestException(job.method, 0, sent ? "TIMEOUT" : "CONNECTION_FAILED", message, cause));
        } else {
            fail(lane, job, new CallOutcomeUnknownException(job.method, job.method + " was sent to portal " + lane.portal()
                    + " but no answer came (" + message + "); it may or may not have been executed and is not sent again", cause));
        }
    }

    private void fail(PortalLane lane, Job job, Throwable e) {
        lane.finished(job);
        job.promise.tryFail(e);
    }

    /** Exponential back-off with "equal jitter": between half and all of {@code base * 2^(n-1)}. */
    private long backoffNanos(int attempt) {
        long ms = policy.backoffBaseMs() << Math.min(attempt - 1, 16);
        long jittered = ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1);
        return jittered * 1_000_000L;
    }
}
