package dev.olbot.kb;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that keep a {@link PhraseIndex} phrase from matching on words that carry no topic:
 * generic words alone, a question word alone, a short word's typo alone, and a question of another
 * kind than the phrase's value asks. Each takes the message's expanded terms (message term → index
 * terms it stands for, with weights) and the phrase's terms. Immutable and thread-safe.
 */
final class PhraseRules {

    /** Words of at most this many letters match by a typo only beside another word of the phrase. */
    static final int SHORT_WORD = 4;
    /** The manner kind ("как", "how"): it goes with any question, so it never tells entries apart. */
    static final String MANNER = QuestionWordFilter.MARK + "как";

    private final TextAnalysis analysis;

    PhraseRules(TextAnalysis analysis) {
        this.analysis = analysis;
    }

    /**
     * Whether the phrase matches the message only through typos of short words ({@value #SHORT_WORD}
     * letters or fewer): one letter changed or two swapped turns a short word into another word too
     * easily ("sing" → "sign", "cat" → "car"), so such a typo needs another word of the message in
     * the phrase to count.
     */
    boolean onlyShortTypos(Map<String, Map<String, Double>> expansions, Set<String> phrase) {
        boolean shortTypo = false;
        for (Map.Entry<String, Map<String, Double>> said : expansions.entrySet()) {
            String word = said.getKey();
            for (Map.Entry<String, Double> a : said.getValue().entrySet()) {
                String term = a.getKey();
                if (!phrase.contains(term) || analysis.generic(term) && !analysis.question(term)) {
                    continue; // a question word the phrase asks too is support: "when r u opne"
                }
                if (word.length() > SHORT_WORD || a.getValue() >= 1.0) {
                    return false; // a word of the message the phrase has as written, or a longer word's typo
                }
                shortTypo = true;
            }
        }
        return shortTypo;
    }

    /**
     * Whether the message asks a question of a kind (amount, time, place; not manner, which goes
     * with any) that none of the value's phrases asks ({@code asked}: the kinds they ask other than
     * manner) while they ask another kind.
     */
    boolean asksOtherQuestion(List<String> terms, Set<String> asked) {
        if (asked.isEmpty()) {
            return false;
        }
        boolean other = false;
        for (String t : terms) {
            if (analysis.question(t) && !t.equals(MANNER)) {
                if (asked.contains(t)) {
                    return false;
                }
                other = true;
            }
        }
        return other;
    }

    /**
     * Whether every message term the phrase has is, or stands for, a {@link TextAnalysis#generic}
     * word while the phrase has words of its own ("how much does it cost" is about the cost).
     */
    boolean onlyGeneric(Map<String, Map<String, Double>> expansions, Set<String> phrase) {
        // a phrase of generic words only ("how much does it cost") matches on them, never on a question word alone
        boolean genericPhrase = phrase.stream().allMatch(analysis::generic);
        for (Map.Entry<String, Map<String, Double>> said : expansions.entrySet()) {
            if (!genericPhrase && analysis.generic(said.getKey())) {
                continue;
            }
            for (String term : said.getValue().keySet()) {
                if (phrase.contains(term) && !(genericPhrase ? analysis.question(term) : analysis.generic(term))) {
                    return false;
                }
            }
        }
        return true;
    }
}
