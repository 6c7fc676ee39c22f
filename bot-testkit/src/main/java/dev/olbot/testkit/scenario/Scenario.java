package dev.olbot.testkit.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted conversation: a name and its steps. Build one in Java —
 *
 * <pre>{@code
 * Scenario s = Scenario.named("hands off after two misses")
 *     .clientSays("hello").expectReply(contains("How can I help"))
 *     .clientSays("asdf").expectReply(contains("did not understand"))
 *     .clientSays("qwer").expectDialogWithQueue()
 *     .operatorAccepts().operatorSays("Hi, Olga here")
 *     .timePasses(Duration.ofMinutes(10)).operatorFinishes().expectFinished()
 *     .build();
 * }</pre>
 *
 * — or read it from a scenario file with {@link ScenarioFile}.
 */
public record Scenario(String name, List<Step> steps) {

    public Scenario {
        steps = List.copyOf(steps);
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Fluent steps; each method adds one {@link Step}. */
    public static final class Builder {
        private final String name;
        private final List<Step> steps = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder clientSays(String text) {
            return add(new Step.ClientSays(text));
        }

        public Builder clientPresses(int button) {
            return add(new Step.ClientPresses(button));
        }

        public Builder clientSendsCommand(String command) {
            return add(new Step.ClientCommand(command));
        }

        public Builder expectReply(TextMatch match) {
            return add(new Step.ExpectReply(match));
        }

        public Builder expectReply(String exactText) {
            return expectReply(TextMatch.equalTo(exactText));
        }

        public Builder expectKeyboard(String... buttons) {
            return add(new Step.ExpectKeyboard(List.of(buttons)));
        }

        public Builder expectTyping() {
            return add(new Step.ExpectTyping());
        }

        public Builder expectNoReply() {
            return add(new Step.ExpectNoReply());
        }

        public Builder expectDialogWithQueue() {
            return add(new Step.ExpectDialogWith(Step.ExpectDialogWith.Target.QUEUE, 0));
        }

        public Builder expectDialogWithUser(int userId) {
            return add(new Step.ExpectDialogWith(Step.ExpectDialogWith.Target.USER, userId));
        }

        public Builder expectDialogWithLine(int lineId) {
            return add(new Step.ExpectDialogWith(Step.ExpectDialogWith.Target.LINE, lineId));
        }

        public Builder expectDialogWithOperator() {
            return add(new Step.ExpectDialogWith(Step.ExpectDialogWith.Target.OPERATOR, 0));
        }

        public Builder expectDialogWithBot() {
            return add(new Step.ExpectDialogWith(Step.ExpectDialogWith.Target.BOT, 0));
        }

        public Builder expectFinished() {
            return add(new Step.ExpectFinished());
        }

        public Builder expectLeadCreated() {
            return add(new Step.ExpectLeadCreated());
        }

        public Builder operatorAccepts() {
            return add(new Step.OperatorAccepts());
        }

        public Builder operatorSays(String text) {
            return add(new Step.OperatorSays(text));
        }

        public Builder operatorTransfersBack() {
            return add(new Step.OperatorTransfersBack());
        }

        /** The operator hands the dialog to another employee. */
        public Builder operatorTransfersToUser(int userId) {
            return add(new Step.OperatorTransfers(false, userId));
        }

        /** The operator hands the dialog to another line's queue. */
        public Builder operatorTransfersToLine(int lineId) {
            return add(new Step.OperatorTransfers(true, lineId));
        }

        public Builder operatorFinishes() {
            return add(new Step.OperatorFinishes());
        }

        public Builder timePasses(Duration d) {
            return add(new Step.TimePasses(d));
        }

        public Builder restartBot() {
            return add(new Step.RestartBot());
        }

        public Builder add(Step step) {
            steps.add(step);
            return this;
        }

        public Scenario build() {
            if (steps.isEmpty()) {
                throw new IllegalStateException("scenario '" + name + "' has no steps");
            }
            return new Scenario(name, steps);
        }
    }
}
