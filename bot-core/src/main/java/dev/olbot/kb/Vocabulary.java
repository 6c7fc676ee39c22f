package dev.olbot.kb;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The analysed terms a {@link PhraseIndex} knows, kept sorted, and what a term the index does not
 * know may stand for:
 * <ul>
 *   <li>a <b>typo</b>: a known term one edit away (two for terms of seven letters or more; an edit is
 *       an insertion, a deletion, a substitution or a swap of neighbours), sharing the first letter
 *       (the first two for terms under five letters: "cots" may be "cost", "play" is not "pay"; a
 *       Russian "а" and "о" count as one first letter: "аплатить" is "оплатить"); a
 *       three-letter term is not a longer term cut short ("car" is not "card", "opn" is "open");
 *   <li>a <b>word of the same family</b>: a known term with the same first {@value #FAMILY_STEM}
 *       letters or more, where neither goes on for more than {@value #FAMILY_TAIL} letters past the
 *       shared part — the stems the Snowball stemmer leaves different for one root ("привезут" /
 *       "привезете", "отправляете" / "отправите", "закрываетесь" / "закрытый");
 *   <li>two known terms <b>written together</b> ({@link #compound}: "трекномер").
 * </ul>
 * Only the sorted range of terms that share the required first letters is looked at, so a lookup
 * costs a binary search and a few short edit distances, not a pass over the whole vocabulary.
 * Immutable and thread-safe.
 */
final class Vocabulary {

    /** Weight of a typo, relative to the exact term. */
    static final double TYPO_WEIGHT = 0.8;
    /** Weight of a word of the same family, relative to the exact term. */
    static final double FAMILY_WEIGHT = 0.75;
    /** Weight of each part of a word written together from two known terms. */
    static final double COMPOUND_WEIGHT = 0.8;
    /** Letters a word of the same family shares with the term at least. */
    static final int FAMILY_STEM = 6;
    /** Letters either word may go on for past the shared part. */
    static final int FAMILY_TAIL = 3;

    private final String[] sorted;
    private final Map<String, String> aliases;

    /**
     * @param aliases words that stand for a known term (the stems of a synonym group's words → the
     *     group's term), so a typo of a synonym ("доставака") still finds the group
     */
    Vocabulary(Collection<String> terms, Map<String, String> aliases) {
        TreeSet<String> all = new TreeSet<>(terms);
        all.addAll(aliases.keySet());
        this.sorted = all.toArray(String[]::new);
        this.aliases = Map.copyOf(aliases);
    }

    boolean contains(String term) {
        return Arrays.binarySearch(sorted, term) >= 0 && !aliases.containsKey(term);
    }

    /** The same as {@link #near0}, with aliases replaced by the term they stand for. */
    Map<String, Double> near(String term) {
        Map<String, Double> found = near0(term);
        if (aliases.isEmpty()) {
            return found;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        found.forEach((t, w) -> out.merge(aliases.getOrDefault(t, t), w, Math::max));
        return out;
    }

    /** The known terms {@code term} may stand for, with their weight: itself (1.0) when known, else typos and family. */
    private Map<String, Double> near0(String term) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (contains(term)) {
            out.put(term, 1.0); // a word the index knows is taken as written, not as a typo
            return out;
        }
        int n = term.length();
        if (n >= 3) {
            int edits = n >= 7 ? 2 : 1;
            int prefix = n < 5 ? 2 : 1;
            int shortest = edits == 2 ? 6 : 3;
            for (String start : starts(term.substring(0, prefix))) {
                for (int i = from(start); i < sorted.length && sorted[i].startsWith(start); i++) {
                    String v = sorted[i];
                    boolean longer = n == 3 && v.startsWith(term); // "car" is a word of its own, not "card" cut short
                    if (!longer && v.length() >= shortest && Math.max(v.length(), n) >= 4 && Math.abs(v.length() - n) <= edits
                            && EditDistance.within(term, v, edits)) {
                        out.put(v, TYPO_WEIGHT);
                    }
                }
            }
        }
        if (n >= FAMILY_STEM) {
            String stem = term.substring(0, FAMILY_STEM);
            for (int i = from(stem); i < sorted.length && sorted[i].startsWith(stem); i++) {
                String v = sorted[i];
                int shared = sharedPrefix(term, v);
                if (n - shared <= FAMILY_TAIL && v.length() - shared <= FAMILY_TAIL) {
                    out.merge(v, FAMILY_WEIGHT, Math::max);
                }
            }
        }
        return out;
    }

    /**
     * The two known terms an unknown word is written together from, in order ("трекномер" → "трек",
     * "номер"; each stands for its term at {@value #COMPOUND_WEIGHT}); the two may be one term twice
     * ("заказзаказ" → "заказ", "заказ"; a held-down "ааааааа" stems to "ааа" twice). Empty when no split
     * into two known terms of three letters or more exists.
     */
    List<String> compound(String term) {
        for (int i = 3; i <= term.length() - 3; i++) {
            String left = known(term.substring(0, i));
            String right = known(term.substring(i));
            if (left != null && right != null) {
                return List.of(left, right);
            }
        }
        return List.of();
    }

    /** The term itself when known, the term it stands for when an alias, else null. */
    private String known(String term) {
        if (Arrays.binarySearch(sorted, term) < 0) {
            return null;
        }
        return aliases.getOrDefault(term, term);
    }

    /**
     * The first letters a typo's known term may start with: the word's own, and for a Russian word
     * that starts with an unstressed vowel written as heard, the other one ("аплатить" /
     * "оплатить", "атменить" / "отменить").
     */
    private static List<String> starts(String prefix) {
        char first = prefix.charAt(0);
        char other = first == 'а' ? 'о' : first == 'о' ? 'а' : 0;
        return other == 0 ? List.of(prefix) : List.of(prefix, other + prefix.substring(1));
    }

    private int from(String prefix) {
        int i = Arrays.binarySearch(sorted, prefix);
        return i >= 0 ? i : -i - 1;
    }

    private static int sharedPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Optimal-string-alignment distance (a swap of neighbours is one edit), bounded. */
    static final class EditDistance {
        private EditDistance() {}

        /** Whether {@code a} becomes {@code b} in at most {@code max} edits. */
        static boolean within(String a, String b, int max) {
            int n = a.length();
            int m = b.length();
            if (Math.abs(n - m) > max) {
                return false;
            }
            int[] prev2 = new int[m + 1];
            int[] prev = new int[m + 1];
            int[] cur = new int[m + 1];
            for (int j = 0; j <= m; j++) {
                prev[j] = j;
            }
            for (int i = 1; i <= n; i++) {
                cur[0] = i;
                int rowMin = cur[0];
                for (int j = 1; j <= m; j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    int d = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                    if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                        d = Math.min(d, prev2[j - 2] + 1);
                    }
                    cur[j] = d;
                    rowMin = Math.min(rowMin, d);
                }
                if (rowMin > max) {
                    return false;
                }
                int[] t = prev2;
                prev2 = prev;
                prev = cur;
                cur = t;
            }
            return prev[m] <= max;
        }
    }
}
