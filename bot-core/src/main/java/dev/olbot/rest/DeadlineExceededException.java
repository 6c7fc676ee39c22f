package dev.olbot.rest;

/**
 * The call's deadline ({@link CallOptions#deadline()}) passed before it was sent, or before a
 * retry it needed could be sent: it was <b>not</b> executed. Error code {@code DEADLINE_EXCEEDED}.
 */
public class DeadlineExceededException extends RestException {

    public static final String CODE = "DEADLINE_EXCEEDED";

    public DeadlineExceededException(String method, String description, Throwable cause) {
        super(method, 0, CODE, description, cause);
    }
}
