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

    static List<String> warnings(String source, Collection<KbEntry> entries, TextAnalysis analysis) {
        List<String> out = new ArrayList<>();
        for (KbEntry e : entries) {
            for (List<String> variants : e.questions().values()) {
                for (String q : variants) {
                    List<String> terms = analysis.terms(q);
                    List<String> words = terms.stream().filter(t -> !analysis.question(t)).toList();
                    if (!words.isEmpty() && words.stream().allMatch(analysis::generic)) {
                        out.add(source + ": entry '" + e.id() + "': the question '" + LogSafe.escape(q)
                                + "' says only generic words " + words + "; it would match any message with them — add a word of its topic");
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
