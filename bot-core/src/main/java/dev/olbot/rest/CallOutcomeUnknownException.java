package dev.olbot.rest;

/**
 * A write may or may not have been executed: the request was sent but no answer came (timeout,
 * connection lost after sending). The client does not retry such a call on its own, because a
 * retry of {@code imbot.message.add} would post the reply twice. Error code {@code OUTCOME_UNKNOWN}.
 */
public class CallOutcomeUnknownException extends RestException {

    public static final String CODE = "OUTCOME_UNKNOWN";

    private final boolean mayStillRun;

    public CallOutcomeUnknownException(String method, String description, Throwable cause) {
        this(method, description, cause, false);
    }

    /**
     * @param mayStillRun true when the client stopped waiting (a timeout) rather than the request
     *                    ending (a 500, a dropped connection): the portal may still be executing it,
     *                    so not finding its effect yet does not prove it will not happen
     */
    public CallOutcomeUnknownException(String method, String description, Throwable cause, boolean mayStillRun) {
        super(method, 0, CODE, description, cause);
        this.mayStillRun = mayStillRun;
    }

    /** True when the request may still be running on the portal (the client timed out waiting for it). */
    public boolean mayStillRun() {
        return mayStillRun;
    }
}
