package dev.olbot.kb;

import java.util.ArrayList;
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

    /**
     * Finds the listed things in messages by stem. A thing of several words ("детский сад", "салон
     * красоты", "gas station", "тату-салон") is named when the message says every one of its words:
     * "детские часы" or "салон связи" alone are not another business. Immutable and thread-safe.
     */
    static final class Matcher {
        private final TextAnalysis analysis;
        /**
         * What separates the words of a thing: spaces and hyphens — the analysis splits "go-kart" into
         * "go" and "kart", which as one word's stems would each name it ("payment didn't go through").
         */
        private static final String WORD_BREAK = "[\\s\\-\u2010\u2011\u2013\u2014]+";
        /** Each listed thing: per word, the stems that stand for it. */
        private final List<List<Set<String>>> things;
        /** The shop's goods of several words that hold a listed thing ("домашний кинотеатр", "фитнес браслет"). */
        private final List<List<Set<String>>> goods;

        Matcher(TextAnalysis analysis, KbWords list) {
            this(analysis, list, List.of());
        }

        /**
         * With the shop's goods ({@link KnowledgeBase#goods()}): a listed thing said as part of one of
         * them is the shop's — "домашний кинотеатр" is a good, "кинотеатр" another business.
         */
        Matcher(TextAnalysis analysis, KbWords list, List<String> goods) {
            this.analysis = analysis;
            this.things = things(analysis, list.words());
            this.goods = things(analysis, goods).stream().filter(g -> g.size() > 1).toList();
        }

        private static List<List<Set<String>>> things(TextAnalysis analysis, List<String> list) {
            List<List<Set<String>>> things = new ArrayList<>();
            for (String w : list) {
                List<Set<String>> words = new ArrayList<>();
                for (String word : w.trim().split(WORD_BREAK)) { // "тату-салон" is two words, both needed
                    Set<String> stems = new HashSet<>(analysis.allTerms(word));
                    if (!stems.isEmpty()) {
                        words.add(stems);
                    }
                }
                if (!words.isEmpty()) {
                    things.add(words);
                }
            }
            return things;
        }

        /**
         * Whether {@code text}, itself a thing ("кинотеатр", "home cinemas"), is on the list: a listed
         * thing of as many words names it. "домашний кинотеатр" holds the listed "кинотеатр" and is more.
         */
        boolean lists(String text) {
            List<List<Set<String>>> asThing = things(analysis, List.of(text));
            Set<String> said = new HashSet<>(analysis.allTerms(text));
            return !asThing.isEmpty() && things.stream().anyMatch(t -> t.size() == asThing.get(0).size() && found(t, said).isPresent());
        }

        /** Whether {@code text} names one of the listed things. */
        boolean names(String text) {
            return named(text).isPresent();
        }

        /** The stems of the first listed thing {@code text} names, a space between a thing's words. */
        Optional<String> named(String text) {
            if (things.isEmpty()) {
                return Optional.empty();
            }
            Set<String> said = new HashSet<>(analysis.allTerms(text));
            Set<String> ours = new HashSet<>(); // the words of the goods the message names
            for (List<Set<String>> good : goods) {
                found(good, said).ifPresent(ours::addAll);
            }
            for (List<Set<String>> thing : things) {
                Optional<List<String>> found = found(thing, said);
                if (found.isPresent() && !ours.containsAll(found.get())) {
                    return Optional.of(String.join(" ", found.get()));
                }
            }
            return Optional.empty();
        }

        /** The stems by which {@code said} holds every word of {@code thing}; empty when it lacks one. */
        private static Optional<List<String>> found(List<Set<String>> thing, Set<String> said) {
            List<String> found = new ArrayList<>();
            for (Set<String> word : thing) {
                word.stream().filter(said::contains).findFirst().ifPresent(found::add);
            }
            return found.size() == thing.size() ? Optional.of(found) : Optional.empty();
        }
    }
}
