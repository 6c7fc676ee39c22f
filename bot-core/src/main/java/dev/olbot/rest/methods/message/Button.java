package dev.olbot.rest.methods.message;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One keyboard button (REFERENCE §4.5). {@code TEXT} plus one action: {@link #command},
 * {@link #link}, {@link #action} or {@link #app}. Not thread-safe; build, then hand to {@link Keyboard}.
 */
public final class Button {

    /** {@code DISPLAY}: {@code LINE} keeps buttons in a row, {@code BLOCK} (default) takes its own line. */
    public enum Display { LINE, BLOCK }

    /** {@code CONTEXT}: where the button shows. */
    public enum Context { MOBILE, DESKTOP, ALL }

    final Map<String, Object> fields = new LinkedHashMap<>();

    private Button(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("KEYBOARD button: TEXT is required");
        }
        fields.put("TEXT", text);
    }

    public static Button text(String text) {
        return new Button(text);
    }

    /** A bot command (registered with {@code imbot.command.register}); pressing raises {@code ONIMCOMMANDADD}. */
    public Button command(String command) {
        fields.put("COMMAND", command);
        return this;
    }

    public Button command(String command, String params) {
        fields.put("COMMAND", command);
        fields.put("COMMAND_PARAMS", params);
        return this;
    }

    public Button link(String url) {
        fields.put("LINK", url);
        return this;
    }

    public Button action(ButtonAction action, String value) {
        fields.put("ACTION", action.name());
        fields.put("ACTION_VALUE", value);
        return this;
    }

    /** Launches a chat app ({@code APP_ID}, {@code APP_PARAMS}); used in Open Line chats. */
    public Button app(String appId, String appParams) {
        fields.put("APP_ID", appId);
        if (appParams != null) {
            fields.put("APP_PARAMS", appParams);
        }
        return this;
    }

    public Button display(Display display) {
        fields.put("DISPLAY", display.name());
        return this;
    }

    /** {@code BG_COLOR}, HEX; kept by Open Line chats for backward compatibility. */
    public Button bgColor(String hex) {
        fields.put("BG_COLOR", hex);
        return this;
    }

    public Button bgColorToken(ColorToken token) {
        fields.put("BG_COLOR_TOKEN", token.wire());
        return this;
    }

    public Button textColor(String hex) {
        fields.put("TEXT_COLOR", hex);
        return this;
    }

    /** {@code BLOCK=Y}: the keyboard blocks after a press until the bot answers; only for {@code COMMAND} buttons. */
    public Button block(boolean block) {
        fields.put("BLOCK", block ? "Y" : "N");
        return this;
    }

    public Button disabled(boolean disabled) {
        fields.put("DISABLED", disabled ? "Y" : "N");
        return this;
    }

    public Button width(int pixels) {
        fields.put("WIDTH", pixels);
        return this;
    }

    public Button context(Context context) {
        fields.put("CONTEXT", context.name());
        return this;
    }

    Map<String, Object> toMap() {
        boolean hasAction = fields.containsKey("COMMAND") || fields.containsKey("LINK")
                || fields.containsKey("ACTION") || fields.containsKey("APP_ID");
        if (!hasAction) {
            throw new IllegalArgumentException("KEYBOARD button \"" + fields.get("TEXT")
                    + "\": one of COMMAND, LINK, ACTION or APP_ID is required");
        }
        if ("Y".equals(fields.get("BLOCK")) && !fields.containsKey("COMMAND")) {
            throw new IllegalArgumentException("KEYBOARD button \"" + fields.get("TEXT") + "\": BLOCK works only with COMMAND");
        }
        return new LinkedHashMap<>(fields);
    }
}
