package dev.olbot.kb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each term of a message stands for among the terms a {@link PhraseIndex} knows: itself,
 * typos, words of the same family, the parts of a word written together ({@link Vocabulary}), or
 * the Russian reading of a word typed in Latin letters ({@link Transliteration}). Immutable and
 * thread-safe.
 */
final class TermExpansion {

    /** Weight of a Latin-letter word read as Russian, relative to the match of the Cyrillic word. */
    static final double TRANSLIT_WEIGHT = 0.9;

    private final TextAnalysis analysis;
    private final Vocabulary vocabulary;

    TermExpansion(TextAnalysis analysis, Vocabulary vocabulary) {
        this.analysis = analysis;
        this.vocabulary = vocabulary;
    }

    /**
     * Each message term → the index terms it matches, with their weight: 1 exact, less for a typo or
     * a word of the same family ({@link Vocabulary}), or for a Russian word typed in Latin letters
     * ("dostavka" → "доставка", {@link Transliteration}).
     */
    Map<String, Map<String, Double>> expand(List<String> terms) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (String t : terms) {
            Map<String, Double> m = vocabulary.near(t);
            if (m.isEmpty()) {
                // "трекномер": the first part stands in the word's slot, the second is searched beside it
                List<String> parts = vocabulary.compound(t);
                if (!parts.isEmpty()) {
                    m.put(parts.get(0), Vocabulary.COMPOUND_WEIGHT);
                    m.merge(parts.get(1), Vocabulary.COMPOUND_WEIGHT, Math::max);
                    out.put(t + " 2", Map.of(parts.get(1), Vocabulary.COMPOUND_WEIGHT));
                }
            }
            if (m.isEmpty() && Transliteration.isLatin(t)) {
                for (String cyr : analysis.terms(Transliteration.toCyrillic(t))) {
                    vocabulary.near(cyr).forEach((v, w) -> m.merge(v, w * TRANSLIT_WEIGHT, Math::max));
                }
            }
            out.put(t, m);
        }
        return out;
    }

    /** Each term → itself when the index knows it: no typos or families (a stop-words-only message). */
    Map<String, Map<String, Double>> exact(List<String> terms) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        terms.forEach(t -> out.put(t, vocabulary.contains(t) ? Map.of(t, 1.0) : Map.of()));
        return out;
    }
}
