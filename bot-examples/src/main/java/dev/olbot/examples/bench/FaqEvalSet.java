package dev.olbot.examples.bench;

import dev.olbot.kb.KbExamples;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A labelled set of client messages for the FAQ knowledge base, in {@link KbExamples}' format:
 * {@code expected<TAB>message} per line, {@code #} comments. {@code expected} is an entry id,
 * {@code a+b} for a message with two questions (either answer is right), or {@code -} for a message
 * the knowledge base has no answer to. Out-of-scope messages after a line {@value #NEAR_MISSES} (up to
 * the next {@code ## } part) are near misses — the shop's words in another business's sense — and
 * are also counted on their own.
 */
public record FaqEvalSet(String name, List<Case> cases) {

    /** The tuning part: the FAQ knowledge base's own examples, measured part by part by indexes learned without that part. */
    public static final String TUNING = "faq/examples.tsv";
    /** The part never learned from nor used for tuning. */
    public static final String HELD_OUT = "faq/eval/heldout.tsv";
    /** In-scope messages that name another business in passing, never learned from nor used for tuning. */
    public static final String OTHER_BUSINESSES = "faq/eval/other-businesses.tsv";

    /** The comment line after which a part's out-of-scope messages are near misses. */
    public static final String NEAR_MISSES = "# near misses";

    /** One labelled message; {@code expected} is empty for out-of-scope; {@code nearMiss}: after {@value #NEAR_MISSES}. */
    public record Case(int line, Set<String> expected, String message, boolean nearMiss) {
        public Case(int line, Set<String> expected, String message) {
            this(line, expected, message, false);
        }

        public boolean inScope() {
            return !expected.isEmpty();
        }
    }

    public FaqEvalSet {
        cases = List.copyOf(cases);
    }

    /** Loads a set from the class path. */
    public static FaqEvalSet load(String resource) {
        String text = resourceText(resource);
        return text.isEmpty() ? of(resource, KbExamples.load(resource)) // names the missing resource
                : of(resource, KbExamples.parse(resource, text), nearMissLines(text)); // the file read once
    }

    /** The set of these examples; near misses are marked when their file is on the class path. */
    static FaqEvalSet of(String name, KbExamples examples) {
        return of(name, examples, nearMissLines(examples));
    }

    /** The near misses' lines of the file {@code examples} were read from, when it is on the class path. */
    static Set<Integer> nearMissLines(KbExamples examples) {
        return nearMissLines(resourceText(examples.source()));
    }

    static FaqEvalSet parse(String name, String text) {
        return of(name, KbExamples.parse(name, text), nearMissLines(text));
    }

    /** The set of these examples, the out-of-scope ones on {@code nearMisses} lines near misses. */
    static FaqEvalSet of(String name, KbExamples examples, Set<Integer> nearMisses) {
        return new FaqEvalSet(name, examples.all().stream()
                .map(e -> new Case(e.line(), e.entries(), e.text(), !e.inScope() && nearMisses.contains(e.line()))).toList());
    }

    /** The line numbers (from 1) after a {@value #NEAR_MISSES} line, up to the next part. */
    private static Set<Integer> nearMissLines(String text) {
        Set<Integer> out = new HashSet<>();
        boolean near = false;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("## ")) {
                near = false;
            } else if (line.equalsIgnoreCase(NEAR_MISSES)) {
                near = true;
            } else if (near) {
                out.add(i + 1);
            }
        }
        return out;
    }

    /** The text of a class path resource, or "" when there is none by that name. */
    private static String resourceText(String resource) {
        try (InputStream in = FaqEvalSet.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
