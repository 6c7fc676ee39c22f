package dev.olbot.testkit.scenario;

import java.util.Optional;

/**
 * How a scenario ran.
 *
 * @param failedStep the 1-based number of the step that failed, or 0
 * @param message    why it failed: the step, what came instead, the closest call and the transcript
 */
public record ScenarioResult(String name, boolean passed, int failedStep, String message) {

    static ScenarioResult pass(String name) {
        return new ScenarioResult(name, true, 0, "");
    }

    public Optional<String> failure() {
        return passed ? Optional.empty() : Optional.of(message);
    }

    /** Throws an {@link AssertionError} with the failure message when the scenario failed. */
    public ScenarioResult assertPassed() {
        if (!passed) {
            throw new AssertionError("scenario '" + name + "' failed at step " + failedStep + ":\n" + message);
        }
        return this;
    }
}
