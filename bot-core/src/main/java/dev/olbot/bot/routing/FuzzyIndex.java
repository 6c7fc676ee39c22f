package dev.olbot.bot.routing;

import dev.olbot.kb.PhraseIndex;
import dev.olbot.kb.TextAnalysis;
import java.util.List;
import java.util.Map;

/**
 * Ranks known phrases by similarity to what a client wrote, tolerant of typos, word order and
 * inflection. It is the knowledge base's scorer ({@link PhraseIndex}: Lucene analysis for Russian and
 * English, BM25, typo tolerance), so a score means the same for {@link Intent#fuzzy} as for a
 * knowledge-base answer: {@value #DEFAULT_THRESHOLD} and above is a confident match. Used by fuzzy
 * intents and for "did you mean" keyboards. Immutable and thread-safe.
 *
 * @param <T> what a phrase stands for (an answer, an intent)
 */
public final class FuzzyIndex<T> {

    /** The documented default threshold: the knowledge base's answer threshold. */
    public static final double DEFAULT_THRESHOLD = dev.olbot.kb.KnowledgeBaseIndex.ANSWER;

    private final PhraseIndex<T> index;

    /** One candidate: the phrase, what it stands for, and its score in [0, 1]. */
    public record Candidate<T>(String phrase, T value, double score) {}

    private FuzzyIndex(PhraseIndex<T> index) {
        this.index = index;
    }

    /** Builds an index from phrase → value. */
    public static <T> FuzzyIndex<T> of(Map<String, T> phrases) {
        return new FuzzyIndex<>(PhraseIndex.of(TextAnalysis.standard(), phrases));
    }

    /** Candidates scoring at least {@code threshold}, best first, at most one per value. */
    public List<Candidate<T>> rank(String text, double threshold) {
        return index.rank(text).stream()
                .filter(s -> s.confidence() >= threshold)
                .map(s -> new Candidate<>(s.phrase(), s.value(), s.confidence()))
                .toList();
    }

    /** Similarity of a text to a phrase with the same measure the index uses. */
    public static double similarity(String text, String phrase) {
        List<Candidate<Boolean>> r = of(Map.of(phrase, Boolean.TRUE)).rank(text, 0);
        return r.isEmpty() ? 0 : r.get(0).score();
    }
}
