package dev.olbot.rest.internal;

import dev.olbot.rest.Call;
import dev.olbot.rest.CallOutcomeUnknownException;
import dev.olbot.rest.DeadlineExceededException;
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

    @Override
    public void dispatch(PortalLane lane, List<Job> jobs) {
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
                if (Envelope.outcomeUnknown(e)) {
                    unknownAnswer(lane, job, e);
                } else {
                    restError(lane, job, e);
                }
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
                // the batch as a whole was refused (not run) or failed in a way that leaves each command's fate open
                boolean unknown = Envelope.outcomeUnknown(e);
                for (Job job : jobs) {
                    RestException own = e instanceof OperatingLimitError held
                            ? new OperatingLimitError(job.method, e.httpStatus(), e.errorDescription(), held.resetAt().orElse(null))
                            : new RestException(job.method, e.httpStatus(), e.error(), e.errorDescription());
                    if (unknown) {
                        unknownAnswer(lane, job, own);
                    } else {
                        restError(lane, job, own);
                    }
                }
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
        if (e.is("OPERATION_TIME_LIMIT")) {
            lane.holdMethod(job.method, e instanceof OperatingLimitError held ? held.resetAt() : java.util.Optional.empty());
            long waitNanos = java.time.Duration.between(lane.clockNow(), lane.heldUntil(job.method)).toNanos();
            if (lane.pastDeadlineAfter(job, waitNanos)) {
                fail(lane, job, tooLate(lane, job, "the method is held (OPERATION_TIME_LIMIT) past the call's deadline", e));
            } else if (job.limitRetries < policy.limitRetries()) {
                LOG.warn("{} on portal {} hit OPERATION_TIME_LIMIT; holding the method until {}", job.method, lane.portal(),
                        lane.heldUntil(job.method));
                job.limitRetries++;
                lane.requeue(job, 0);
            } else {
                fail(lane, job, e);
            }
        } else if (e.is("QUERY_LIMIT_EXCEEDED") || e.httpStatus() == 429) {
            lane.markFull();
            long delay = backoffNanos(job.limitRetries + 1);
            if (lane.pastDeadlineAfter(job, delay)) {
                fail(lane, job, tooLate(lane, job, "the rate limit refused it and a retry would come after the call's deadline", e));
            } else if (job.limitRetries < policy.limitRetries()) {
                job.limitRetries++;
                lane.requeue(job, delay);
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

    /**
     * An answer that leaves open whether the method ran (a 500, an answer that is not the envelope):
     * a read is sent again like one without an answer; a write fails as outcome unknown.
     */
    private void unknownAnswer(PortalLane lane, Job job, RestException e) {
        if (job.read && job.transportRetries < policy.retries() && !lane.pastDeadlineAfter(job, backoffNanos(job.transportRetries + 1))) {
            job.transportRetries++;
            lane.requeue(job, backoffNanos(job.transportRetries));
        } else if (job.read) {
            fail(lane, job, e);
        } else {
            fail(lane, job, new CallOutcomeUnknownException(job.method, job.method + " on portal " + lane.portal()
                    + " was answered " + e.error() + " [HTTP " + e.httpStatus() + "]; it may or may not have been executed"
                    + " and is not sent again", e));
        }
    }

    private DeadlineExceededException tooLate(PortalLane lane, Job job, String why, Throwable cause) {
        return new DeadlineExceededException(job.method, job.method + " was not executed on portal " + lane.portal() + ": " + why, cause);
    }

    private void transportFailure(PortalLane lane, Job job, Throwable cause) {
        boolean sent = !(cause instanceof HttpTransport.TransportException te) || te.sent();
        String message = Secrets.mask(cause.getMessage());
        boolean mayRetry = (!sent || job.read) && job.transportRetries < policy.retries();
        if (mayRetry && lane.pastDeadlineAfter(job, backoffNanos(job.transportRetries + 1)) && !sent) {
            fail(lane, job, tooLate(lane, job, "it did not reach the portal (" + message + ") and a retry would come after its deadline", cause));
        } else if (mayRetry) {
            job.transportRetries++;
            LOG.debug("{} on portal {}: {}; retry {} of {}", job.method, lane.portal(), message, job.transportRetries, policy.retries());
            lane.requeue(job, backoffNanos(job.transportRetries));
        } else if (!sent || job.read) {
            fail(lane, job, new RestException(job.method, 0, sent ? "TIMEOUT" : "CONNECTION_FAILED", message, cause));
        } else {
            boolean stillRunning = cause instanceof HttpTransport.TransportException te && te.timedOut();
            fail(lane, job, new CallOutcomeUnknownException(job.method, job.method + " was sent to portal " + lane.portal()
                    + " but no answer came (" + message + "); it may or may not have been executed and is not sent again", cause,
                    stillRunning));
        }
    }

    private void fail(PortalLane lane, Job job, Throwable e) {
        lane.finished(job);
        job.promise.tryFail(e);
    }

    /** No single back-off is longer than this (the platform's bucket drains 2 requests a second). */
    static final long MAX_BACKOFF_MS = 30_000;

    /** Exponential back-off with "equal jitter": between half and all of {@code base * 2^(n-1)}. */
    private long backoffNanos(int attempt) {
        long ms = Math.min(MAX_BACKOFF_MS, policy.backoffBaseMs() << Math.min(attempt - 1, 16));
        long jittered = ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1);
        return jittered * 1_000_000L;
    }
}
