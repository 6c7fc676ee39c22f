package dev.olbot.ingress;

import dev.olbot.event.BotEvent;

/** What the ingress did with one delivery; the HTTP adapter turns it into a status code. */
public sealed interface Outcome {

    /** HTTP status to answer the platform with. */
    int status();

    /** Verified, recorded and queued for handling: answer 200 now. */
    record Accepted(BotEvent event) implements Outcome {
        public int status() {
            return 200;
        }
    }

    /** Already accepted once (same portal, kind and message id): answer 200, do not handle again. */
    record Duplicate(BotEvent event) implements Outcome {
        public int status() {
            return 200;
        }
    }

    /**
     * Refused: 400 for a body that is not an event, 401 for an event that fails verification,
     * 415 for an unsupported content type, 413 for an oversized body, 503 while shutting down.
     *
     * @param reason one line, safe to return and to log (never contains a token)
     */
    record Rejected(int status, String reason) implements Outcome {}
}
