package dev.olbot.ingress;

/** The result of verifying an event: accepted, or rejected with a one-line reason. */
public sealed interface Verdict {

    Verdict ACCEPTED = new Accepted();

    static Verdict reject(String reason) {
        return new Rejected(reason);
    }

    record Accepted() implements Verdict {}

    /** @param reason one line, safe to send back to the caller and to log (never contains a token) */
    record Rejected(String reason) implements Verdict {}
}
