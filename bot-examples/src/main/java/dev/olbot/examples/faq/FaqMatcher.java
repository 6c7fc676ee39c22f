package dev.olbot.examples.faq;

import dev.olbot.bot.Utterance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds the knowledge-base entry a client means. A message equal to one of the phrasings (what a
 * button sends) wins outright. Otherwise both sides go through {@link QueryText} (normalization,
 * filler words dropped, endings cut) and each phrasing is scored by how many of its topic words the
 * message has ({@code 0.7}) and how many of the message's topic words it explains ({@code 0.3});
 * words count as equal when they share a stem or are one or two edits apart (Commons Text
 * Levenshtein), so typos, word order and inflection are tolerated. The best entry wins when it
 * scores at least {@code threshold} and beats the runner-up by at least {@code margin}; a closer
 * runner-up makes the answer {@link FaqMatch.Ambiguous}. Immutable and thread-safe.
 */
public final class FaqMatcher {

    private static final LevenshteinDistance LEV = new LevenshteinDistance(2);
    private static final double RECALL_WEIGHT = 0.7;

    /** A scored entry (for "did you mean" and for tuning). */
    public record Scored(FaqEntry entry, double score, String phrasing) {}

    private record Phrasing(FaqEntry entry, String text, List<String> words) {}

    private final Map<String, FaqEntry> exact = new HashMap<>();
    private final List<Phrasing> phrasings = new ArrayList<>();
    private final double threshold;
    private final double margin;

    public FaqMatcher(KnowledgeBase kb, double threshold, double margin) {
        this.threshold = threshold;
        this.margin = margin;
        for (FaqEntry e : kb.entries()) {
            for (List<String> variants : e.questions().values()) {
                for (String v : variants) {
                    exact.put(Utterance.normalize(v), e);
                    List<String> words = QueryText.topicWords(v);
                    phrasings.add(new Phrasing(e, v, words.isEmpty() ? List.of(Utterance.normalize(v)) : words));
                }
            }
        }
    }

    public FaqMatch match(String text) {
        FaqEntry hit = exact.get(Utterance.normalize(text));
        if (hit != null) {
            return new FaqMatch.Answer(hit, 1.0);
        }
        List<Scored> ranked = ranked(text);
        if (ranked.isEmpty() || ranked.get(0).score() < threshold) {
            return new FaqMatch.NoMatch(ranked.isEmpty() ? 0 : ranked.get(0).score());
        }
        Scored first = ranked.get(0);
        if (ranked.size() > 1 && first.score() - ranked.get(1).score() < margin) {
            Scored second = ranked.get(1);
            return new FaqMatch.Ambiguous(first.entry(), first.score(), second.entry(), second.score());
        }
        return new FaqMatch.Answer(first.entry(), first.score());
    }

    /** Every entry with a score above zero, best first, one per entry. */
    public List<Scored> ranked(String text) {
        List<String> query = QueryText.topicWords(text);
        if (query.isEmpty()) {
            return List.of();
        }
        Map<String, Scored> best = new LinkedHashMap<>();
        for (Phrasing p : phrasings) {
            double s = score(query, p.words());
            if (s > 0) {
                best.merge(p.entry().id(), new Scored(p.entry(), s, p.text()), (a, b) -> a.score() >= b.score() ? a : b);
            }
        }
        List<Scored> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingDouble(Scored::score).reversed());
        return out;
    }

    static double score(List<String> query, List<String> phrasing) {
        double recall = coverage(phrasing, query);
        double precision = coverage(query, phrasing);
        return RECALL_WEIGHT * recall + (1 - RECALL_WEIGHT) * precision;
    }

    /** Share of {@code words} found in {@code in}, each weighted by how well it matched. */
    private static double coverage(List<String> words, List<String> in) {
        double found = 0;
        for (String w : words) {
            double bestWord = 0;
            for (String t : in) {
                bestWord = Math.max(bestWord, wordSimilarity(w, t));
            }
            found += bestWord;
        }
        return found / words.size();
    }

    static double wordSimilarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int shorter = Math.min(a.length(), b.length());
        if (shorter < 4) {
            return 0;
        }
        int common = 0;
        while (common < shorter && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        if (common >= Math.min(5, shorter) && common >= shorter - 2) {
            return 0.92; // one stem, different endings the stemmer left: гарантийн / гаранти
        }
        int d = LEV.apply(a, b);
        if (d >= 0 && d <= (shorter >= 7 ? 2 : 1)) {
            return 0.85; // a typo
        }
        return 0;
    }
}
