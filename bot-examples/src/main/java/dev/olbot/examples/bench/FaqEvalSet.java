package dev.olbot.examples.bench;

import dev.olbot.kb.KbExamples;
import java.util.List;
import java.util.Set;

/**
 * A labelled set of client messages for the FAQ knowledge base, in {@link KbExamples}' format:
 * {@code expected<TAB>message} per line, {@code #} comments. {@code expected} is an entry id,
 * {@code a+b} for a message with two questions (either answer is right), or {@code -} for a message
 * the knowledge base has no answer to.
 */
public record FaqEvalSet(String name, List<Case> cases) {

    /** The tuning part: the FAQ knowledge base's own examples, measured part by part by indexes learned without that part. */
    public static final String TUNING = "faq/examples.tsv";
    /** The part never learned from nor used for tuning. */
    public static final String HELD_OUT = "faq/eval/heldout.tsv";

    /** One labelled message; {@code expected} is empty for out-of-scope. */
    public record Case(int line, Set<String> expected, String message) {
        public boolean inScope() {
            return !expected.isEmpty();
        }
    }

    public FaqEvalSet {
        cases = List.copyOf(cases);
    }

    /** Loads a set from the class path. */
    public static FaqEvalSet load(String resource) {
        return of(resource, KbExamples.load(resource));
    }

    /** The set of these examples. */
    static FaqEvalSet of(String name, KbExamples examples) {
        return new FaqEvalSet(name, examples.all().stream().map(e -> new Case(e.line(), e.entries(), e.text())).toList());
    }

    static FaqEvalSet parse(String name, String text) {
        return of(name, KbExamples.parse(name, text));
    }
}
