package dev.olbot.rest.methods.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message keyboard, exactly the documented {@code KEYBOARD} JSON (REFERENCE §4.5):
 * {@code {"BUTTONS": [button, {"TYPE": "NEWLINE"}, ...]}}, with {@code BOT_ID} when given (the
 * v2 docs ask for it so a command reaches the right bot). Immutable.
 *
 * <pre>{@code
 * Keyboard kb = Keyboard.builder()
 *     .button(Button.text("Operator").command("operator").display(Button.Display.LINE))
 *     .newLine()
 *     .button(Button.text("Site").link("https://example.com"))
 *     .build();
 * }</pre>
 */
public final class Keyboard {

    private static final Map<String, Object> NEWLINE = Map.of("TYPE", "NEWLINE");

    private final List<Map<String, Object>> buttons;
    private final Long botId;

    private Keyboard(List<Map<String, Object>> buttons, Long botId) {
        this.buttons = List.copyOf(buttons);
        this.botId = botId;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code KEYBOARD} parameter value: {@code {"BUTTONS": [...]}} (+ {@code BOT_ID}). */
    public Map<String, Object> toParam() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (botId != null) {
            out.put("BOT_ID", botId);
        }
        out.put("BUTTONS", buttons);
        return out;
    }

    /** The short form: the bare array of buttons (the server wraps it in {@code BUTTONS}). */
    public List<Map<String, Object>> buttons() {
        return buttons;
    }

    public static final class Builder {
        private final List<Map<String, Object>> buttons = new ArrayList<>();
        private Long botId;

        public Builder button(Button button) {
            buttons.add(button.toMap());
            return this;
        }

        /** A line break between buttons: {@code {"TYPE": "NEWLINE"}}. */
        public Builder newLine() {
            buttons.add(NEWLINE);
            return this;
        }

        public Builder botId(long botId) {
            this.botId = botId;
            return this;
        }

        public Keyboard build() {
            if (buttons.stream().allMatch(NEWLINE::equals)) {
                throw new IllegalArgumentException("KEYBOARD: at least one button is required");
            }
            return new Keyboard(buttons, botId);
        }
    }
}
