package dev.olbot.testkit;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the front end does with a dispatched call: answer, answer when {@code released} completes
 * (a delay fault: the virtual clock passed the delay), drop, or never answer.
 */
record Outcome(int status, Map<String, Object> body, Faults.Kind fault, CompletableFuture<Void> released) {

    /** How the front end treats the connection. */
    enum Action { ANSWER, ANSWER_LATER, DROP, NEVER }

    static Outcome answer(int status, Map<String, Object> body) {
        return new Outcome(status, body, null, CompletableFuture.completedFuture(null));
    }

    Action action() {
        if (fault == null) {
            return Action.ANSWER;
        }
        return switch (fault) {
            case INTERNAL_ERROR, INTERNAL_ERROR_AFTER_EXECUTING, QUERY_LIMIT_EXCEEDED, OPERATION_TIME_LIMIT -> Action.ANSWER;
            case DELAY -> Action.ANSWER_LATER;
            case DROP_CONNECTION, DROP_AFTER_EXECUTING -> Action.DROP;
            case TIMEOUT_AFTER_EXECUTING -> Action.NEVER;
        };
    }
}
