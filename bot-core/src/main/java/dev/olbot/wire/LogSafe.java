package dev.olbot.wire;

/**
 * Makes a value from the wire safe to put in a log line: control characters (CR and LF above all,
 * which would let a sender write lines of its own into the log) become visible escapes, and long
 * values are cut. Use it for every value a request brings before it reaches a logger.
 */
public final class LogSafe {

    /** Longest value kept, in characters; the rest becomes {@code …(+N)}. */
    public static final int MAX = 200;

    private LogSafe() {}

    /** {@code value} with control characters escaped ({@code \n}, {@code \r}, {@code \t}, {@code \u001b}), at most {@link #MAX} characters. */
    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        int n = Math.min(s.length(), MAX);
        StringBuilder out = null;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085';
            if (control && out == null) {
                out = new StringBuilder(n + 16).append(s, 0, i);
            }
            if (out != null) {
                if (!control) {
                    out.append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (c == '\t') {
                    out.append("\\t");
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        String head = out != null ? out.toString() : (n == s.length() ? s : s.substring(0, n));
        return s.length() > MAX ? head + "…(+" + (s.length() - MAX) + ")" : head;
    }
}
