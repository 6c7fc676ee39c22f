package dev.olbot.kb;

import dev.olbot.wire.LogSafe;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The load-time check of a knowledge base's questions: a question whose words reduce to generic
 * ones ({@link TextAnalysis#generic}: "сколько стоит" → "стоит") carries no topic, so it would match
 * any message that says the generic word. Such questions are reported, one line each.
 */
final class QuestionCheck {

    private QuestionCheck() {}

    static List<String> warnings(String source, Collection<KbEntry> entries, KbOutOfScope outOfScope, TextAnalysis analysis) {
        List<String> out = new ArrayList<>();
        for (KbEntry e : entries) {
            for (List<String> variants : e.questions().values()) {
                for (String q : variants) {
                    check(analysis, q).ifPresent(words -> out.add(source + ": entry '" + e.id() + "': the question '"
                            + LogSafe.escape(q) + "' says only generic words " + words
                            + "; it would match any message with them — add a word of its topic"));
                }
            }
        }
        for (String q : outOfScope.all()) {
            check(analysis, q).ifPresent(words -> out.add(source + ": out_of_scope: the question '" + LogSafe.escape(q)
                    + "' says only generic words " + words
                    + "; it would turn away any message with them — add the word of what is not yours"));
        }
        return List.copyOf(out);
    }

    /** The words of a question made of generic words only, or empty when it has a word of its own. */
    private static java.util.Optional<List<String>> check(TextAnalysis analysis, String q) {
        List<String> words = analysis.terms(q).stream().filter(t -> !analysis.question(t)).toList();
        return !words.isEmpty() && words.stream().allMatch(analysis::generic) ? java.util.Optional.of(words) : java.util.Optional.empty();
    }
}
