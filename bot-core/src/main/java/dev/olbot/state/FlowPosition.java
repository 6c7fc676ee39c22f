package dev.olbot.state;

import java.util.Map;

/**
 * Where a dialog stands in a multi-step flow: the flow's name, the current step's index, how many
 * invalid answers the step got, and the answers stored so far.
 */
public record FlowPosition(String flow, int step, int attempts, Map<String, String> answers) {

    public FlowPosition {
        // in the order they were given, so summaries list them as asked
        answers = OrderedPairs.copyOf(answers);
    }

    public FlowPosition withStep(int step) {
        return new FlowPosition(flow, step, 0, answers);
    }

    public FlowPosition withAttempt() {
        return new FlowPosition(flow, step, attempts + 1, answers);
    }

    public FlowPosition withAnswer(String name, String value) {
        return new FlowPosition(flow, step, attempts, OrderedPairs.with(answers, name, value));
    }
}
