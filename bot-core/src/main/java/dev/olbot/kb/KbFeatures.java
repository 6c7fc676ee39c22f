package dev.olbot.kb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The features {@link KbClassifier} sees in a text, from its {@link TextAnalysis} terms: each term
 * as a word of the knowledge base (a typo, a word of the same family, a word written together or
 * typed in Latin letters stands for the known word it matches, at that match's weight — {@link
 * TermExpansion}) and each pair of neighbouring words ("отменить заказ" and "отменить подписку"
 * share a word, not a pair). A word the knowledge base does not know is no feature. The vector is
 * scaled to length 1, so a long message weighs no more than a short one. (Letter trigrams of the
 * words were measured too: no better on the FAQ evaluation once typos are expanded, so left out.)
 * Immutable and thread-safe.
 */
final class KbFeatures {

    /** Weight of a pair of neighbouring words, relative to a word. */
    static final double PAIR_WEIGHT = 0.7;

    private final TextAnalysis analysis;
    private final TermExpansion expansion;

    /** @param texts the training texts: their terms are the words the features know */
    KbFeatures(TextAnalysis analysis, Collection<String> texts) {
        this.analysis = analysis;
        Set<String> vocabulary = new HashSet<>();
        texts.forEach(t -> vocabulary.addAll(analysis.terms(t)));
        this.expansion = new TermExpansion(analysis, new Vocabulary(vocabulary, analysis.synonymStems()));
    }

    /** The feature → value map of {@code text}, of length 1 (empty for a text without words). */
    Map<String, Double> of(String text) {
        List<String> terms = analysis.terms(text);
        boolean stopWordsOnly = terms.stream().allMatch(analysis::question);
        if (stopWordsOnly) {
            terms = analysis.allTerms(text); // "who are you": its words as written
        }
        Map<String, Map<String, Double>> expanded = stopWordsOnly ? expansion.exact(terms) : expansion.expand(terms);
        Map<String, Double> out = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (String term : terms) {
            Map<String, Double> known = expanded.getOrDefault(term, Map.of());
            known.forEach((k, w) -> out.merge("w " + k, w, Math::max));
            String best = known.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(term);
            words.add(best);
        }
        for (int i = 1; i < words.size(); i++) {
            out.merge("p " + words.get(i - 1) + " " + words.get(i), PAIR_WEIGHT, Math::max);
        }
        double norm = Math.sqrt(out.values().stream().mapToDouble(v -> v * v).sum());
        if (norm > 0) {
            out.replaceAll((k, v) -> v / norm);
        }
        return out;
    }
}
