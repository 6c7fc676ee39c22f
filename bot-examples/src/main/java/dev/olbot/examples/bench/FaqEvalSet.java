package dev.olbot.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A labelled set of client messages for the FAQ knowledge base: {@code expected<TAB>message} per
 * line, {@code #} comments. {@code expected} is an entry id, {@code a+b} for a message with two
 * questions (either answer is right), or {@code -} for a message the knowledge base has no answer to.
 */
public record FaqEvalSet(String name, List<Case> cases) {

    /** The part used for tuning. */
    public static final String TUNING = "faq/eval/tuning.tsv";
    /** The part never used for tuning. */
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
        try (InputStream in = FaqEvalSet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(resource + ": no such resource on the class path");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FaqEvalSet parse(String name, String text) {
        List<Case> cases = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int tab = lines[i].indexOf('\t');
            if (tab < 1) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected 'id<TAB>message'");
            }
            String expected = lines[i].substring(0, tab).strip();
            String message = lines[i].substring(tab + 1).strip();
            Set<String> ids = expected.equals("-") ? Set.of() : Set.of(expected.split("\\+"));
            cases.add(new Case(i + 1, ids, message));
        }
        return new FaqEvalSet(name, cases);
    }
}
