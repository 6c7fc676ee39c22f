package dev.olbot.bot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Ranks known phrases by similarity to what a client wrote, tolerant of typos, word order and
 * inflection: the score of a phrase is the best of Jaro-Winkler over the normalized texts,
 * Jaro-Winkler over the token-sorted texts, and a token-overlap score where two tokens count as the
 * same word when one is a prefix-stem of the other ("заказа" ~ "заказ") or they are one edit apart.
 * Used by fuzzy intents and for "did you mean" keyboards. Immutable and thread-safe.
 *
 * @param <T> what a phrase stands for (an answer, an intent)
 */
public final class FuzzyIndex<T> {

    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();
    private static final LevenshteinDistance LEV = new LevenshteinDistance(2);

    private final List<Entry<T>> entries;

    private record Entry<T>(String phrase, String normalized, String sorted, List<String> tokens, T value) {}

    /** One candidate: the phrase, what it stands for, and its score in [0, 1]. */
    public record Candidate<T>(String phrase, T value, double score) {}

    private FuzzyIndex(List<Entry<T>> entries) {
        this.entries = entries;
    }

    /** Builds an index from phrase → value. */
    public static <T> FuzzyIndex<T> of(Map<String, T> phrases) {
        List<Entry<T>> list = new ArrayList<>();
        phrases.forEach((phrase, value) -> {
            String n = Utterance.normalize(phrase);
            list.add(new Entry<>(phrase, n, sortTokens(n), tokens(n), value));
        });
        return new FuzzyIndex<>(List.copyOf(list));
    }

    /** Candidates scoring at least {@code threshold}, best first, at most one per value. */
    public List<Candidate<T>> rank(String text, double threshold) {
        String n = Utterance.normalize(text);
        if (n.isEmpty()) {
            return List.of();
        }
        String sorted = sortTokens(n);
        List<String> tokens = tokens(n);
        Map<T, Candidate<T>> best = new LinkedHashMap<>();
        for (Entry<T> e : entries) {
            double score = Math.max(Math.max(JW.apply(n, e.normalized()), JW.apply(sorted, e.sorted())),
                    overlap(tokens, e.tokens()));
            if (score >= threshold) {
                best.merge(e.value(), new Candidate<>(e.phrase(), e.value(), score),
                        (a, b) -> a.score() >= b.score() ? a : b);
            }
        }
        List<Candidate<T>> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingDouble((Candidate<T> c) -> c.score()).reversed());
        return out;
    }

    /** Similarity of two texts with the same measure the index uses. */
    public static double similarity(String a, String b) {
        FuzzyIndex<Boolean> one = of(Map.of(b, Boolean.TRUE));
        List<Candidate<Boolean>> r = one.rank(a, 0);
        return r.isEmpty() ? 0 : r.get(0).score();
    }

    /** Share of the phrase's tokens found in the text, weighting each by how well it matched. */
    private static double overlap(List<String> text, List<String> phrase) {
        if (phrase.isEmpty() || text.isEmpty()) {
            return 0;
        }
        double found = 0;
        for (String p : phrase) {
            double bestToken = 0;
            for (String t : text) {
                bestToken = Math.max(bestToken, tokenSimilarity(t, p));
            }
            found += bestToken;
        }
        double coverage = found / phrase.size();
        // penalize texts much longer than the phrase a little, so short exact phrases win
        double lengthRatio = Math.min(1.0, (double) phrase.size() / text.size());
        return coverage * (0.85 + 0.15 * lengthRatio);
    }

    private static double tokenSimilarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int common = commonPrefix(a, b);
        int shorter = Math.min(a.length(), b.length());
        if (shorter >= 4 && common >= shorter - 2 && common >= 4) {
            return 0.95; // same stem, different ending: заказ / заказа / заказы, order / orders
        }
        int d = LEV.apply(a, b);
        if (d >= 0 && shorter >= 4 && d <= (shorter >= 7 ? 2 : 1)) {
            return 0.9; // a typo
        }
        return 0;
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static String sortTokens(String normalized) {
        String[] t = normalized.split(" ");
        Arrays.sort(t);
        return String.join(" ", t);
    }

    private static List<String> tokens(String normalized) {
        return normalized.isEmpty() ? List.of() : List.of(normalized.split(" "));
    }
}
