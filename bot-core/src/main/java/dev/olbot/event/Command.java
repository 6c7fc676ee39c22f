package dev.olbot.event;

/**
 * A bot command invocation ({@code data[COMMAND][id]} / v2 {@code data.command}).
 *
 * @param id      the command id (the map key in v1)
 * @param command the command word without the slash ({@code echo})
 * @param params  the text after the command ({@code COMMAND_PARAMS})
 * @param context where it came from: typed text, a keyboard button or a message menu item
 */
public record Command(long id, String command, String params, Context context) {

    /** {@code COMMAND_CONTEXT}. */
    public enum Context {
        TEXTAREA, KEYBOARD, MENU, UNKNOWN;

        public static Context parse(String value) {
            if (value == null) {
                return UNKNOWN;
            }
            return switch (value.toUpperCase(java.util.Locale.ROOT)) {
                case "TEXTAREA" -> TEXTAREA;
                case "KEYBOARD" -> KEYBOARD;
                case "MENU" -> MENU;
                default -> UNKNOWN;
            };
        }
    }
}
