package dev.olbot.kb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Other businesses' names in both scripts: clients write "нетфликс" as often as "netflix", "убер" as
 * "uber". For every out-of-scope example with a Latin word of {@value #MIN_LETTERS} letters or more
 * that no entry's question or answer uses (a name, not the shop's own word: "subscription" stays),
 * the example is read once more with those words in Cyrillic ({@link Transliteration#toCyrillic}):
 * "netflix subscription" is also "нетфликс subscription". Such a reading is one more out-of-scope
 * phrase of the index, so its Cyrillic word is a foreign word like the Latin one. A Cyrillic name
 * is not read into Latin: Latin-typed Russian is already read into Cyrillic on the message's side.
 */
final class ForeignNames {

    /** Shorter Latin words are not read ("tv", "ps", "id"): too many of them are something else in Cyrillic. */
    static final int MIN_LETTERS = 4;

    private static final Pattern LATIN_WORD = Pattern.compile("\\b[a-z]{" + MIN_LETTERS + ",}\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private ForeignNames() {}

    /** The words of the entries' questions and answers and of the shop's goods, lower case: the shop's own business. */
    static Set<String> shopWords(KnowledgeBase kb) {
        List<String> texts = new ArrayList<>();
        for (KbEntry e : kb.entries()) {
            e.questions().values().forEach(texts::addAll);
            texts.addAll(e.answer().byLanguage().values());
        }
        texts.addAll(kb.goods());
        return wordsOf(texts);
    }

    /** The words of {@code texts}, lower case. */
    static Set<String> wordsOf(Iterable<String> texts) {
        Set<String> out = new HashSet<>();
        for (String t : texts) {
            Matcher m = WORD.matcher(t.toLowerCase(Locale.ROOT));
            while (m.find()) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** The Cyrillic readings of {@code examples} whose Latin words {@code shopWords} lacks; none for the others. */
    static List<String> cyrillicReadings(List<String> examples, Set<String> shopWords) {
        List<String> out = new ArrayList<>();
        for (String example : examples) {
            String lower = example.toLowerCase(Locale.ROOT);
            Matcher m = LATIN_WORD.matcher(lower);
            StringBuilder read = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String word = m.group();
                boolean name = !shopWords.contains(word);
                changed |= name;
                m.appendReplacement(read, Matcher.quoteReplacement(name ? Transliteration.toCyrillic(word) : word));
            }
            m.appendTail(read);
            if (changed) {
                out.add(read.toString());
            }
        }
        return out;
    }
}
