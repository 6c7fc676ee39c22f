package dev.olbot.examples.emulator;

import dev.olbot.testkit.ChatMessage;
import dev.olbot.testkit.OpenLineChat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes one dialog of the emulator as a {@code .convo} scenario: each action of the client, the operator or the
 * clock as a step, then what it caused as expectations (each new bot message by a fragment of its first line, its
 * keyboard, where the dialog went).
 */
final class ScenarioRecorder {

    private final List<String> lines = new ArrayList<>();
    private int seen;
    private OpenLineChat.Owner owner;
    /** The line the dialog started in, and the one it is in now: a transfer to another line is written as {@code #dialog line N}. */
    private long firstLine = -1;
    private long line = -1;

    ScenarioRecorder(String name) {
        lines.add("#scenario " + name);
        lines.add("// saved by olbot emulator");
    }

    synchronized void step(String line) {
        lines.add(line);
    }

    synchronized void wait(Duration d) {
        lines.add("#wait " + formatDuration(d));
    }

    /** Appends the expectations for what happened in {@code chat} since the last call. */
    synchronized void expectations(OpenLineChat chat) {
        if (chat == null) {
            return;
        }
        List<ChatMessage> visible = chat.messages().stream()
                .filter(m -> m.role().equals("bot") || m.role().equals("system"))
                .filter(m -> m.text() != null && !m.text().isBlank())
                .toList();
        for (ChatMessage m : visible.subList(Math.min(seen, visible.size()), visible.size())) {
            String f = fragment(m.text());
            lines.add("#bot " + (f.isEmpty() ? "/./" : f));
            List<String> buttons = buttons(m.keyboard());
            if (!buttons.isEmpty() && buttons.stream().noneMatch(b -> b.contains("|") || b.isBlank())) {
                lines.add("#keyboard " + String.join(" | ", buttons));
            }
        }
        if (visible.size() == seen && lines.get(lines.size() - 1).startsWith("#me")) {
            lines.add("#bot-silent");
        }
        seen = visible.size();
        if (firstLine < 0) {
            firstLine = chat.lineId();
        }
        if (chat.owner() != owner || chat.lineId() != line) {
            owner = chat.owner();
            line = chat.lineId();
            boolean otherLine = line != firstLine && (owner == OpenLineChat.Owner.QUEUE || owner == OpenLineChat.Owner.OPERATOR);
            lines.add(otherLine ? "#dialog line " + line : switch (owner) {
                case BOT -> "#dialog bot";
                case QUEUE -> "#dialog queue";
                case OPERATOR -> "#dialog operator";
                case CLOSED -> "#finished";
            });
        }
    }

    synchronized String text() {
        return String.join("\n", lines) + "\n";
    }

    /** A piece of the first non-blank line that a "contains" expectation matches literally. */
    static String fragment(String text) {
        String first = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        int cut = first.indexOf("||");
        if (cut >= 0) {
            first = first.substring(0, cut);
        }
        cut = first.indexOf("${");
        if (cut >= 0) {
            first = first.substring(0, cut);
        }
        first = first.replaceFirst("^[=~/\\s]+", "").strip();
        if (first.endsWith("/")) {
            first = first.substring(0, first.length() - 1).strip();
        }
        return first.length() > 80 ? first.substring(0, 80).strip() : first;
    }

    @SuppressWarnings("unchecked")
    static List<String> buttons(Map<String, Object> keyboard) {
        List<String> out = new ArrayList<>();
        if (keyboard != null && keyboard.get("BUTTONS") instanceof List<?> list) {
            for (Object b : list) {
                if (b instanceof Map<?, ?> button && button.get("TEXT") != null) {
                    out.add(String.valueOf(button.get("TEXT")));
                }
            }
        }
        return out;
    }

    static String formatDuration(Duration d) {
        long s = d.toSeconds();
        StringBuilder b = new StringBuilder();
        if (s >= 86_400) {
            b.append(s / 86_400).append('d');
            s %= 86_400;
        }
        if (s >= 3600) {
            b.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            b.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0 || b.length() == 0) {
            b.append(s).append('s');
        }
        return b.toString();
    }
}
