package dev.olbot.kb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A text in one or more languages ({@code ru}, {@code en}, ...). In YAML either a plain string (the
 * same in every language) or a map from language to text. Immutable.
 */
public record LocalText(Map<String, String> byLanguage) {

    /** The key of a text given as a plain string. */
    public static final String ANY = "*";

    public LocalText {
        if (byLanguage.isEmpty()) {
            throw new IllegalArgumentException("a text needs at least one language");
        }
        byLanguage = Map.copyOf(byLanguage);
    }

    /** The same text in every language. */
    public static LocalText of(String text) {
        return new LocalText(Map.of(ANY, Objects.requireNonNull(text)));
    }

    /** {@code ru} and {@code en} versions. */
    public static LocalText of(String ru, String en) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ru", ru);
        m.put("en", en);
        return new LocalText(m);
    }

    /** The text in {@code language}, else the plain text, else Russian, else English, else any. */
    public String in(String language) {
        String t = byLanguage.get(language);
        if (t == null) {
            t = byLanguage.get(ANY);
        }
        if (t == null) {
            t = byLanguage.getOrDefault("ru", byLanguage.get("en"));
        }
        return t != null ? t : byLanguage.values().iterator().next();
    }
}
