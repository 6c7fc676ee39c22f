package dev.olbot.kb;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The things of other businesses a shop never deals in, a list its team writes ({@code not_ours:}
 * in the YAML): a clinic, a gym, a library, an airline's miles, a flat's rent. A message that names
 * one is not answered and offered nothing ({@link KbMatch.NoAnswer} with {@code outOfScope}):
 * "скидка на абонемент в фитнес" says the shop's word "скидка" about another business's thing, and
 * "how do I return a book to the library" the shop's word "return". Words are matched by stem with
 * the base's analysis ("библиотеку" is "библиотека"), so a word whose stem is one of the shop's
 * (English "fitness" is "fit": "it does not fit") cannot be on the list: the load fails when an
 * entry's question says one of its words, naming the word, the question and the entry. Words
 * clients use about the shop itself — the banks whose cards they pay with, the carriers it ships
 * with, a flat the courier brings goods to — do not belong here.
 *
 * <pre>{@code
 * not_ours: [поликлиника, clinic, фитнес, gym, библиотека, library, авиабилет, flight, ипотека, mortgage]
 * }</pre>
 *
 * @param words the other businesses' things, any language
 */
public record KbWords(List<String> words) {

    private static final KbWords NONE = new KbWords(List.of());

    public KbWords {
        words = List.copyOf(words);
        for (String w : words) {
            if (w == null || w.isBlank()) {
                throw new IllegalArgumentException("not_ours: a word is blank");
            }
        }
    }

    /** No list. */
    public static KbWords none() {
        return NONE;
    }

    /** Finds the listed words in messages by stem. Immutable and thread-safe. */
    static final class Matcher {
        private final TextAnalysis analysis;
        private final Set<String> stems = new HashSet<>();

        Matcher(TextAnalysis analysis, KbWords list) {
            this.analysis = analysis;
            for (String w : list.words()) {
                stems.addAll(analysis.allTerms(w));
            }
        }

        /** Whether {@code text} names one of the listed things. */
        boolean names(String text) {
            return named(text).isPresent();
        }

        /** The stem of the first listed thing {@code text} names. */
        Optional<String> named(String text) {
            return stems.isEmpty() ? Optional.empty() : analysis.allTerms(text).stream().filter(stems::contains).findFirst();
        }
    }
}
