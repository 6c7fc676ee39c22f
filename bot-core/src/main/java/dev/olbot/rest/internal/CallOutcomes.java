package dev.olbot.rest.internal;

import dev.olbot.metrics.OlbotMetrics;
import dev.olbot.rest.CallOutcomeUnknownException;
import dev.olbot.rest.RestException;
import java.util.List;

/** The {@code outcome} tag of a finished call, and what the metrics learn when calls leave. */
final class CallOutcomes {

    private CallOutcomes() {}

    /**
     * {@code ok}; {@code unknown} (sent, no answer); {@code transport} (it never reached the
     * platform, or the client closed); {@code error} (the platform answered with an error).
     */
    static String of(Throwable failure) {
        if (failure == null) {
            return "ok";
        }
        if (failure instanceof CallOutcomeUnknownException) {
            return "unknown";
        }
        if (failure instanceof RestException e && !(e.httpStatus() == 0
                && (e.is("TIMEOUT") || e.is("CONNECTION_FAILED") || e.is("CLIENT_CLOSED")))) {
            return "error";
        }
        return "transport";
    }

    /** One request leaves with {@code jobs}: its size, and each call's wait the first time it leaves. */
    static void left(OlbotMetrics metrics, long now, List<Job> jobs) {
        metrics.requestSent(jobs.size());
        for (Job job : jobs) {
            if (!job.waitRecorded) {
                job.waitRecorded = true;
                metrics.queueWait(now - job.queuedAtNanos);
            }
        }
    }
}
