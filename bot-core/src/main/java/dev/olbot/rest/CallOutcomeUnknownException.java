package dev.olbot.rest;

/**
 * A write may or may not have been executed: the request was sent but no answer came (timeout,
 * connection lost after sending). The client does not retry such a call on its own, because a
 * retry of {@code imbot.message.add} would post the reply twice. Error code {@code OUTCOME_UNKNOWN}.
 */
public class CallOutcomeUnknownException extends RestException {

    public static final String CODE = "OUTCOME_UNKNOWN";

    public CallOutcomeUnknownException(String method, String description, Throwable cause) {
        super(method, 0, CODE, description, cause);
    }
}
