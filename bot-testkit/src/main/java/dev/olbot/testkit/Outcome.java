package dev.olbot.testkit;

import java.util.concurrent.CompletableFuture;
import java.util.Map;

/**
 * What the front end does with a dispatched call: answer, answer when {@code released} completes
 * (a delay fault: the virtual clock passed the delay), drop, or never answer.
 */
record Outcome(int status, Map<String, Object> body, Faults.Kind fault, CompletableFuture<Void> released) {

    static Outcome answer(int status, Map<String, Object> body) {
        return new Outcome(status, body, null, CompletableFuture.completedFuture(null));
    }
}
