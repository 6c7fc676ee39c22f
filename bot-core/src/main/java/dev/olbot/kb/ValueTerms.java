package dev.olbot.kb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link PhraseIndex} knows about the terms of its values: each value's terms (of all its
 * phrases), its context's terms (an answer), the question kinds its phrases ask, and which terms any
 * phrase has — and from these, the topic words of a message and how much of a message a phrase
 * explains. Filled while the index is built, read-only after. Not thread-safe while filled.
 *
 * @param <T> what a phrase stands for
 */
final class ValueTerms<T> {

    private final TextAnalysis analysis;
    private final Map<T, Set<String>> valueTerms = new HashMap<>();
    private final Map<T, Set<String>> contextTerms = new HashMap<>();
    /** Each value's question kinds other than manner: what its phrases ask (how much, when, where). */
    private final Map<T, Set<String>> questionKinds = new HashMap<>();
    /** The terms of all phrases (not of the context, nor of stop-words-only phrases). */
    private final Set<String> phraseTerms = new HashSet<>();
    /** The terms of the phrases of values the index is about (not of {@link #outside} values). */
    private final Set<String> insideTerms = new HashSet<>();
    private final Set<T> outside;
    /** The terms of each outside value's phrase. */
    private final List<Set<String>> outsidePhrases = new ArrayList<>();

    /** @param outside values whose phrases say what the index is not about (out-of-scope examples) */
    ValueTerms(TextAnalysis analysis, Set<T> outside) {
        this.analysis = analysis;
        this.outside = Set.copyOf(outside);
    }

    /** A phrase of {@code value}; {@code topical}: not a phrase of stop words only ("who are you"). */
    void phrase(T value, List<String> terms, boolean topical) {
        if (topical) {
            phraseTerms.addAll(terms);
            if (!outside.contains(value)) {
                insideTerms.addAll(terms);
            } else {
                outsidePhrases.add(Set.copyOf(terms));
            }
        }
        valueTerms.computeIfAbsent(value, v -> new HashSet<>()).addAll(terms);
        terms.stream().filter(t -> analysis.question(t) && !t.equals(PhraseRules.MANNER))
                .forEach(t -> questionKinds.computeIfAbsent(value, v -> new HashSet<>()).add(t));
    }

    /** The context (an answer) of {@code value}. */
    void context(T value, List<String> terms) {
        contextTerms.computeIfAbsent(value, v -> new HashSet<>()).addAll(terms);
    }

    /** The question kinds the value's phrases ask, other than manner. */
    Set<String> asked(T value) {
        return questionKinds.getOrDefault(value, Set.of());
    }

    /** A term some phrase has as written (not only the context) that is neither generic nor a negation. */
    boolean topicWord(String term) {
        return phraseTerms.contains(term) && !analysis.generic(term) && !term.equals(NegationFilter.TERM);
    }

    /** A {@link #topicWord} that a phrase of a value the index is about has (not only an outside one). */
    boolean insideTopicWord(String term) {
        return insideTerms.contains(term) && topicWord(term);
    }

    /**
     * A {@link #topicWord} that only outside values' phrases have (and no value's context): "озон"
     * of "заказ на озоне" — the name of what the index is not about.
     */
    boolean foreignWord(String term) {
        return foreign.contains(term);
    }

    /** The foreign words; worked out by {@link #seal()}. */
    private Set<String> foreign = Set.of();

    /** The terms of contexts whose value has no phrase (the shop's goods); worked out by {@link #seal()}. */
    private Set<String> ownNames = Set.of();

    /**
     * A term only a context of no phrase's value has — the name of a good the shop sells: an outside
     * phrase that shares nothing else with a message ("какой смартфон лучше" and "купил смартфон, можно
     * вернуть?") is not what the message is about.
     */
    boolean ownName(String term) {
        return ownNames.contains(term);
    }

    /** Called once every phrase and context is in: works out the {@link #foreignWord foreign words}. */
    void seal() {
        Set<String> out = new HashSet<>();
        for (String term : phraseTerms) {
            if (topicWord(term) && !insideFamily(insideTerms, term) && contextTerms.values().stream().noneMatch(c -> insideFamily(c, term))) {
                out.add(term);
            }
        }
        foreign = naming(out);
        Set<String> own = new HashSet<>();
        contextTerms.forEach((value, terms) -> {
            if (!valueTerms.containsKey(value)) {
                own.addAll(terms);
            }
        });
        ownNames = Set.copyOf(own);
    }

    /**
     * Of the words only outside phrases have, those that name another business. An example's such
     * words name it when it has only one ("пицц" of "заказать пиццу") or when {@value
     * #NAMING_EXAMPLES} examples or more say one ("врач"); then its other such words, said once, are
     * the situation around the thing, words clients use about the shop too: "дом" of "вызвать врача
     * на дом" ("доставка на дом"). An example none of whose words names alone keeps them all
     * ("прогноз погоды").
     */
    private Set<String> naming(Set<String> candidates) {
        List<List<String>> owns = outsidePhrases.stream().map(phrase -> phrase.stream().filter(candidates::contains).toList()).toList();
        Map<String, Integer> phrasesSaying = new HashMap<>();
        Set<String> alone = new HashSet<>();
        for (List<String> own : owns) {
            own.forEach(t -> phrasesSaying.merge(t, 1, Integer::sum));
            if (own.size() == 1) {
                alone.add(own.get(0));
            }
        }
        Set<String> out = new HashSet<>();
        for (List<String> own : owns) {
            List<String> naming = own.stream().filter(t -> alone.contains(t) || phrasesSaying.get(t) >= NAMING_EXAMPLES).toList();
            out.addAll(naming.isEmpty() ? own : naming);
        }
        return Set.copyOf(out);
    }

    /**
     * Whether {@code terms} has {@code term} or, for a term of {@value #FAMILY_PREFIX} letters or
     * more, a word of its family: one sharing its first {@value #FAMILY_PREFIX} letters — "заказа"
     * (заказать) is the family of "заказ"; a shorter term only as itself ("car" is not "card").
     */
    private static boolean insideFamily(Set<String> terms, String term) {
        if (term.length() < FAMILY_PREFIX) {
            return terms.contains(term);
        }
        String prefix = term.substring(0, FAMILY_PREFIX);
        return terms.stream().anyMatch(t -> t.startsWith(prefix));
    }

    /** Outside phrases that say a word, besides other such words, for it to name another business. */
    private static final int NAMING_EXAMPLES = 2;

    /** Letters a word shares with an inside word to be of its family, for {@link #foreignWord}. */
    private static final int FAMILY_PREFIX = 5;

    /** The share of a phrase's foreign words that the message says ({@code said}: its foreign words). */
    double foreignShare(Set<String> phrase, List<String> said) {
        if (said.isEmpty()) {
            return 0;
        }
        long foreignWords = phrase.stream().filter(foreign::contains).count();
        long hit = said.stream().filter(phrase::contains).count();
        return foreignWords == 0 ? 0 : (double) hit / foreignWords;
    }

    /** Whether {@code value} is an outside one. */
    boolean outside(T value) {
        return outside.contains(value);
    }

    /** Whether the value's phrases lack one of the message's {@link #topicWord topic words}. */
    boolean lacksTopicWord(T value, List<String> topicWords) {
        Set<String> own = valueTerms.getOrDefault(value, Set.of());
        return topicWords.stream().anyMatch(t -> !own.contains(t));
    }

    /**
     * {@link #explained} for an outside phrase whose foreign word the message says: a word any
     * phrase the index is about has counts {@value PhraseIndex#SIBLING_WEIGHT} — the shop's words
     * around another business's name ("сколько стоит доставка пиццы") are what such messages say.
     */
    double explainedOutside(List<List<String>> slots, Map<String, Map<String, Double>> expansions, Set<String> phrase) {
        return explained(slots, expansions, phrase, insideTerms, Set.of());
    }

    /**
     * The weighted share of the message's words (slots) that a phrase of {@code value} explains: a
     * word the phrase has counts fully, one only another phrase of the same value has {@value
     * PhraseIndex#SIBLING_WEIGHT}, one only the value's context has (and no phrase at all) {@value
     * PhraseIndex#CONTEXT_WEIGHT}; a question word weighs {@value PhraseIndex#QUESTION_WORD_WEIGHT}
     * of a word, a word nothing knows {@value PhraseIndex#UNKNOWN_WORD_WEIGHT}; {@value
     * PhraseIndex#EXPLAINED_WORDS} words explained are all.
     */
    double explained(List<List<String>> slots, Map<String, Map<String, Double>> expansions, Set<String> phrase, T value) {
        return explained(slots, expansions, phrase, valueTerms.getOrDefault(value, Set.of()), contextTerms.getOrDefault(value, Set.of()));
    }

    private double explained(List<List<String>> slots, Map<String, Map<String, Double>> expansions, Set<String> phrase,
            Set<String> siblings, Set<String> context) {
        double found = 0;
        double words = 0;
        for (List<String> slot : slots) {
            boolean unknown = slot.stream().allMatch(t -> expansions.getOrDefault(t, Map.of()).isEmpty() && !analysis.generic(t));
            double weight = slot.stream().allMatch(analysis::question) ? PhraseIndex.QUESTION_WORD_WEIGHT
                    : unknown ? PhraseIndex.UNKNOWN_WORD_WEIGHT : 1;
            words += weight;
            double bestTerm = 0;
            for (String t : slot) {
                for (Map.Entry<String, Double> a : expansions.getOrDefault(t, Map.of()).entrySet()) {
                    String term = a.getKey();
                    double where = phrase.contains(term) ? 1 : siblings.contains(term) ? PhraseIndex.SIBLING_WEIGHT
                            : context.contains(term) && !phraseTerms.contains(term) ? PhraseIndex.CONTEXT_WEIGHT : 0;
                    bestTerm = Math.max(bestTerm, a.getValue() * where);
                }
            }
            found += Math.min(weight, 1) * bestTerm;
        }
        return Math.min(1.0, found / Math.min(words, PhraseIndex.EXPLAINED_WORDS));
    }
}
