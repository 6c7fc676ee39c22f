package dev.olbot.bot.text;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;

/**
 * Text with {@code ${variables}} (Apache Commons Text). Values are inserted as given; use
 * {@link #renderEscaped} when values come from the client, so they cannot inject BB-code.
 * {@code ${name:-default}} gives a default; unknown variables stay as written.
 */
public final class Template {

    private final String text;

    private Template(String text) {
        this.text = text;
    }

    public static Template of(String text) {
        return new Template(text);
    }

    public String render(Map<String, ?> values) {
        return new StringSubstitutor(values).replace(text);
    }

    /** Renders with every value BB-code-escaped. */
    public String renderEscaped(Map<String, ?> values) {
        Map<String, String> escaped = new HashMap<>();
        values.forEach((k, v) -> escaped.put(k, BbCode.escape(v == null ? "" : v.toString())));
        return new StringSubstitutor(escaped).replace(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
