package dev.olbot.examples.portal;

/** Text from the wire made safe for one terminal or log line: line breaks and other control characters escaped. */
public final class Printable {

    private Printable() {}

    /** {@code text} on one line: {@code \n}, {@code \r}, {@code \t} as those escapes, other control characters as {@code \}{@code uXXXX}. */
    public static String oneLine(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u001b') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
