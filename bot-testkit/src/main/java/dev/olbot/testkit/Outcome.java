package dev.olbot.testkit;

import java.time.Duration;
import java.util.Map;

/** What the front end does with a dispatched call: answer, answer later, drop, or never answer. */
record Outcome(int status, Map<String, Object> body, Faults.Kind fault, Duration delay) {

    static Outcome answer(int status, Map<String, Object> body) {
        return new Outcome(status, body, null, Duration.ZERO);
    }
}
