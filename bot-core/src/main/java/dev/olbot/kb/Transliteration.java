package dev.olbot.kb;

import java.util.List;
import java.util.Map;

/**
 * Reads a Russian word typed in Latin letters the way people type it in chats ("dostavka",
 * "skolko", "zakaz", "vozvrat", "tsena", "chek"): letter groups first ({@code shch}, {@code zh},
 * {@code kh}, {@code ch}, {@code sh}, {@code ts}, {@code ya}, {@code yu}, {@code yo}), then single
 * letters; {@code y} after a vowel is {@code й}, otherwise {@code ы}; an apostrophe is {@code ь}.
 * There is no single standard (GOST, ISO and passports differ, clients follow none), so this is a
 * best reading for matching, not a transliteration to show anyone.
 */
final class Transliteration {

    private static final List<Map.Entry<String, String>> GROUPS = List.of(
            Map.entry("shch", "щ"), Map.entry("sch", "щ"), Map.entry("zh", "ж"), Map.entry("kh", "х"),
            Map.entry("ch", "ч"), Map.entry("sh", "ш"), Map.entry("ts", "ц"), Map.entry("ya", "я"),
            Map.entry("yu", "ю"), Map.entry("yo", "е"), Map.entry("ja", "я"), Map.entry("ju", "ю"));
    private static final String LATIN = "abcdefghijklmnopqrstuvwxyz'";
    private static final String[] SINGLE = {
        "а", "б", "ц", "д", "е", "ф", "г", "х", "и", "й", "к", "л", "м", "н", "о", "п", "к", "р", "с", "т", "у",
        "в", "в", "кс", "ы", "з", "ь"};
    private static final String VOWELS = "aeiouy";

    private Transliteration() {}

    /** Whether the term is written in Latin letters only (a candidate for {@link #toCyrillic}). */
    static boolean isLatin(String term) {
        if (term.length() < 3) {
            return false;
        }
        for (int i = 0; i < term.length(); i++) {
            if (LATIN.indexOf(term.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The Cyrillic reading of a lower-case Latin word. */
    static String toCyrillic(String latin) {
        StringBuilder out = new StringBuilder(latin.length());
        int i = 0;
        next:
        while (i < latin.length()) {
            for (Map.Entry<String, String> g : GROUPS) {
                if (latin.startsWith(g.getKey(), i)) {
                    out.append(g.getValue());
                    i += g.getKey().length();
                    continue next;
                }
            }
            char c = latin.charAt(i);
            if (c == 'y' && i > 0 && VOWELS.indexOf(latin.charAt(i - 1)) >= 0) {
                out.append('й');
            } else {
                int k = LATIN.indexOf(c);
                out.append(k >= 0 ? SINGLE[k] : String.valueOf(c));
            }
            i++;
        }
        return out.toString();
    }

    /**
     * The Cyrillic reading of a whole message typed in Latin letters ("prishel brak chto delat" →
     * "пришел брак что делат"): present when the message has Latin letters and no Cyrillic ones.
     */
    static java.util.Optional<String> readingOf(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        boolean latin = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC) {
                return java.util.Optional.empty();
            }
            latin |= LATIN.indexOf(c) >= 0;
        }
        return latin ? java.util.Optional.of(toCyrillic(lower)) : java.util.Optional.empty();
    }
}
