package dev.olbot.testkit.scenario;

import dev.olbot.testkit.OpenLineChat;
import dev.olbot.testkit.Operator;
import java.time.Duration;
import java.util.List;

/**
 * One step of a scenario: something the client, the operator or time does, or something the test
 * expects. The same steps come from the Java DSL ({@link Scenario.Builder}) and from scenario files
 * ({@link ScenarioFile}), so both give the same result.
 */
public sealed interface Step {

    /** The step as a scenario file writes it (used in failure messages). */
    String line();

    record ClientSays(String text) implements Step {
        public String line() {
            return "#me " + text;
        }
    }

    /** Presses button {@code n} (1-based) of the keyboard of the bot's last message. */
    record ClientPresses(int n) implements Step {
        public String line() {
            return "#press " + n;
        }
    }

    record ClientCommand(String command) implements Step {
        public String line() {
            return "#command " + command;
        }
    }

    record ExpectReply(TextMatch match) implements Step {
        public String line() {
            return "#bot " + match.describe();
        }
    }

    record ExpectKeyboard(List<String> buttons) implements Step {
        public ExpectKeyboard {
            buttons = List.copyOf(buttons);
        }

        public String line() {
            return "#keyboard " + String.join(" | ", buttons);
        }
    }

    record ExpectTyping() implements Step {
        public String line() {
            return "#typing";
        }
    }

    record ExpectNoReply() implements Step {
        public String line() {
            return "#bot-silent";
        }
    }

    /** Where the dialog is: the operator queue, a user, or another line. */
    record ExpectDialogWith(Target target, int id) implements Step {
        public enum Target { QUEUE, USER, LINE, OPERATOR, BOT }

        public String line() {
            return "#dialog " + target.name().toLowerCase() + (id == 0 ? "" : " " + id);
        }
    }

    record ExpectFinished() implements Step {
        public String line() {
            return "#finished";
        }
    }

    record ExpectLeadCreated() implements Step {
        public String line() {
            return "#lead";
        }
    }

    /** What the operator does: the same actions from the DSL, a scenario file and {@code olbot chat}'s {@code /operator}. */
    sealed interface OperatorAction extends Step {
        /** Does it to {@code chat} as {@code operator}. */
        void applyTo(Operator operator, OpenLineChat chat);
    }

    record OperatorAccepts() implements OperatorAction {
        public String line() {
            return "#operator accept";
        }

        public void applyTo(Operator operator, OpenLineChat chat) {
            operator.accepts(chat);
        }
    }

    record OperatorSays(String text) implements OperatorAction {
        public String line() {
            return "#operator say " + text;
        }

        public void applyTo(Operator operator, OpenLineChat chat) {
            operator.says(chat, text);
        }
    }

    record OperatorTransfersBack() implements OperatorAction {
        public String line() {
            return "#operator transfer bot";
        }

        public void applyTo(Operator operator, OpenLineChat chat) {
            operator.transfersBackToBot(chat).await();
        }
    }

    /** The operator hands the dialog to another employee ({@code user N}) or another line's queue ({@code line N}). */
    record OperatorTransfers(boolean toLine, int id) implements OperatorAction {
        public String line() {
            return "#operator transfer " + (toLine ? "line " : "user ") + id;
        }

        public void applyTo(Operator operator, OpenLineChat chat) {
            if (toLine) {
                operator.transfersToLine(chat, id);
            } else {
                operator.transfersTo(chat, id);
            }
        }
    }

    record OperatorFinishes() implements OperatorAction {
        public String line() {
            return "#operator finish";
        }

        public void applyTo(Operator operator, OpenLineChat chat) {
            operator.finishes(chat);
        }
    }

    record TimePasses(Duration duration) implements Step {
        public String line() {
            return "#wait " + ScenarioFile.formatDuration(duration);
        }
    }

    /** The bot process restarts (state survives only in a persistent dialog store). */
    record RestartBot() implements Step {
        public String line() {
            return "#restart";
        }
    }
}
