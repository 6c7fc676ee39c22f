package dev.olbot.testkit.scenario;

import dev.olbot.testkit.ChatMessage;
import dev.olbot.testkit.Client;
import dev.olbot.testkit.OpenLineChat;
import dev.olbot.testkit.RecordedCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Plays a {@link Scenario} against a {@link BotTestKit} with a new client, step by step. */
final class ScenarioRunner {

    private final BotTestKit kit;
    private Client client;
    private int seen;
    private int callMark;
    private int scenarioCallMark;

    ScenarioRunner(BotTestKit kit) {
        this.kit = kit;
    }

    ScenarioResult run(Scenario scenario) {
        client = kit.newClient();
        scenarioCallMark = kit.fake().calls().all().size();
        callMark = scenarioCallMark;
        List<Step> steps = scenario.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            try {
                execute(step);
            } catch (AssertionError | RuntimeException e) {
                return new ScenarioResult(scenario.name(), false, i + 1, "  " + step.line() + "\n" + e.getMessage()
                        + "\n" + context());
            }
        }
        return ScenarioResult.pass(scenario.name());
    }

    private void execute(Step step) {
        if (step instanceof Step.ClientSays s) {
            act(() -> client.says(s.text()).await());
        } else if (step instanceof Step.ClientPresses p) {
            act(() -> client.pressesButton(p.n()).await());
        } else if (step instanceof Step.ClientCommand c) {
            act(() -> client.sendsCommand(c.command()).await());
        } else if (step instanceof Step.ExpectReply r) {
            List<ChatMessage> visible = visible();
            if (seen >= visible.size()) {
                throw new AssertionError("expected a bot message " + r.match().describe() + ", but the bot sent nothing more");
            }
            ChatMessage m = visible.get(seen++);
            if (!r.match().test(m.text())) {
                throw new AssertionError("expected a bot message " + r.match().describe() + "\n     but it said: \""
                        + m.text() + "\"");
            }
        } else if (step instanceof Step.ExpectKeyboard k) {
            expectKeyboard(k.buttons());
        } else if (step instanceof Step.ExpectTyping) {
            if (callsSinceMark().stream().noneMatch(c -> (c.method().equals("imbot.chat.sendTyping")
                    || c.method().equalsIgnoreCase("imbot.v2.Chat.InputAction.notify")) && dialogOf(c).equals(chat().dialogId()))) {
                throw new AssertionError("expected the bot to show typing in " + chat().dialogId() + " since the last action");
            }
        } else if (step instanceof Step.ExpectNoReply) {
            List<ChatMessage> visible = visible();
            if (seen < visible.size()) {
                throw new AssertionError("expected no bot message, but it said: \"" + visible.get(seen).text() + "\"");
            }
        } else if (step instanceof Step.ExpectDialogWith w) {
            expectDialogWith(w);
        } else if (step instanceof Step.ExpectFinished) {
            if (chat().owner() != OpenLineChat.Owner.CLOSED) {
                throw new AssertionError("expected the session to be finished, but the dialog is with " + where());
            }
        } else if (step instanceof Step.ExpectLeadCreated) {
            boolean created = kit.fake().calls().all().stream().skip(scenarioCallMark)
                    .anyMatch(c -> c.method().equals("imopenlines.crm.lead.create") && c.error().isEmpty()
                            && String.valueOf(chat().id()).equals(c.param("CHAT_ID")));
            if (!created) {
                throw new AssertionError("expected a lead created from " + chat().dialogId()
                        + " (imopenlines.crm.lead.create), but none was");
            }
        } else if (step instanceof Step.OperatorAction o) {
            act(() -> o.applyTo(kit.operator(), chat()));
        } else if (step instanceof Step.TimePasses t) {
            act(() -> kit.advance(t.duration()));
        } else if (step instanceof Step.RestartBot) {
            kit.restartBot();
        } else {
            throw new IllegalStateException("unknown step " + step);
        }
    }

    private void act(Runnable action) {
        callMark = kit.fake().calls().all().size();
        action.run();
        kit.settle();
    }

    private void expectKeyboard(List<String> expected) {
        if (seen == 0) {
            throw new AssertionError("expected a keyboard, but no bot message was checked yet (expect the reply first)");
        }
        ChatMessage m = visible().get(seen - 1);
        List<String> actual = buttons(m.keyboard());
        if (!actual.equals(expected)) {
            throw new AssertionError("expected keyboard " + expected + "\n     but the message \"" + m.text()
                    + "\" had " + (actual.isEmpty() ? "no keyboard" : actual));
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> buttons(Map<String, Object> keyboard) {
        List<String> out = new ArrayList<>();
        if (keyboard == null) {
            return out;
        }
        Object list = keyboard.get("BUTTONS");
        if (list instanceof List<?> l) {
            for (Object b : l) {
                if (b instanceof Map<?, ?> button && button.get("TEXT") != null) {
                    out.add(String.valueOf(button.get("TEXT")));
                }
            }
        }
        return out;
    }

    private void expectDialogWith(Step.ExpectDialogWith w) {
        OpenLineChat chat = chat();
        boolean ok = switch (w.target()) {
            case QUEUE -> chat.owner() == OpenLineChat.Owner.QUEUE;
            case OPERATOR -> chat.owner() == OpenLineChat.Owner.OPERATOR;
            case BOT -> chat.owner() == OpenLineChat.Owner.BOT;
            case USER -> (chat.owner() == OpenLineChat.Owner.QUEUE || chat.owner() == OpenLineChat.Owner.OPERATOR)
                    && chat.operatorId() == w.id();
            case LINE -> chat.owner() != OpenLineChat.Owner.CLOSED && chat.owner() != OpenLineChat.Owner.BOT
                    && chat.lineId() == w.id();
        };
        if (!ok) {
            throw new AssertionError("expected the dialog with " + w.line().substring("#dialog ".length()) + ", but it is with "
                    + where());
        }
    }

    private String where() {
        OpenLineChat c = chat();
        return switch (c.owner()) {
            case BOT -> "the bot";
            case QUEUE -> "the queue of line " + c.lineId() + (c.operatorId() == 0 ? "" : ", offered to user " + c.operatorId());
            case OPERATOR -> "operator " + c.operatorId() + " (line " + c.lineId() + ")";
            case CLOSED -> "nobody: the session is finished";
        };
    }

    private OpenLineChat chat() {
        try {
            return Objects.requireNonNull(client.chat());
        } catch (RuntimeException e) {
            throw new AssertionError("the client has not written yet, so there is no dialog");
        }
    }

    private List<ChatMessage> visible() {
        try {
            return client.chat().messages().stream()
                    .filter(m -> m.role().equals("bot") || m.role().equals("system"))
                    .filter(m -> m.text() != null && !m.text().isBlank())
                    .toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private List<RecordedCall> callsSinceMark() {
        return kit.fake().calls().all().stream().skip(callMark).toList();
    }

    private static String dialogOf(RecordedCall c) {
        String d = c.param("DIALOG_ID");
        return d != null ? d : String.valueOf(c.param("dialogId"));
    }

    private String context() {
        StringBuilder out = new StringBuilder();
        List<RecordedCall> recent = callsSinceMark();
        out.append("  calls the bot made since the last action (").append(recent.size()).append("):\n");
        for (RecordedCall c : recent) {
            out.append("    ").append(c).append('\n');
        }
        out.append("  transcript:\n");
        for (String line : kit.fake().transcript().lines()) {
            out.append("    ").append(line).append('\n');
        }
        return out.toString();
    }
}
