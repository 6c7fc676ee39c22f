package dev.olbot.bot.text;

/**
 * Bitrix24 message markup. {@link #escape} neutralizes a client's own text before it is echoed,
 * so {@code [URL=...]}, {@code [SEND=...]} or {@code [USER=1]} typed by a client stay plain text.
 */
public final class BbCode {

    private BbCode() {}

    /**
     * Escapes square brackets (the only BB-code delimiters) as their HTML entities, which the chat
     * renders as the brackets themselves.
     */
    public static String escape(String clientText) {
        if (clientText == null) {
            return "";
        }
        return clientText.replace("[", "&#91;").replace("]", "&#93;");
    }

    /** {@code [send=value]label[/send]}: clicking it sends {@code value} as the client's message. */
    public static String send(String value, String label) {
        return "[send=" + escape(value) + "]" + escape(label) + "[/send]";
    }

    /** A line break. */
    public static final String BR = "[br]";
}
