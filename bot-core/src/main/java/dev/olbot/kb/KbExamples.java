package dev.olbot.kb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A team's labelled client messages: what clients really wrote, each with the entry whose answer
 * answers it — the training data of a knowledge base's classifier ({@link KbClassifier}), the way
 * Rasa learns intents from NLU examples. Unlike an entry's {@code questions}, examples are never
 * shown to a client and do not feed the ranker: typos, greetings and long stories around the
 * question only teach the classifier. The same file measures the matcher: {@code olbot bench faq}
 * matches each part's messages with an index learned without that part (cross-validation by part).
 *
 * <p>A tab-separated text file, one message per line:
 * <pre>
 * ## part: what the following messages are (e.g. who wrote them, when)
 * delivery-time&lt;TAB&gt;скока ехать до иркутска
 * order-status+pickup&lt;TAB&gt;где заказ и можно ли забрать самому   (two questions: taught to neither class)
 * -&lt;TAB&gt;почему небо голубое                                          (out of scope)
 * # a comment
 * </pre>
 * A line starting with {@code ## } begins a part; messages before the first such line are in the part
 * {@code ""}. Immutable.
 */
public final class KbExamples {

    /**
     * One labelled message.
     *
     * @param entries the ids of the entries that answer it (two for a message with two questions); empty: out of scope
     * @param line its line in the file, for error messages and reports
     */
    public record Example(String part, Set<String> entries, String text, int line) {
        public Example {
            entries = Set.copyOf(entries);
        }

        /** True unless the knowledge base has no answer to it. */
        public boolean inScope() {
            return !entries.isEmpty();
        }
    }

    private static final KbExamples NONE = new KbExamples("no examples", List.of());

    private final String source;
    private final List<Example> examples;

    private KbExamples(String source, List<Example> examples) {
        this.source = source;
        this.examples = List.copyOf(examples);
    }

    /** No examples: the classifier learns from the entries' questions alone. */
    public static KbExamples none() {
        return NONE;
    }

    /** Examples built in code. */
    public static KbExamples of(String source, List<Example> examples) {
        return new KbExamples(source, examples);
    }

    /** Reads a file; fails with a {@link KnowledgeBaseException} naming the line of a malformed one. */
    public static KbExamples load(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KnowledgeBaseException(file + ": cannot read the examples: " + e.getMessage(), e);
        }
    }

    /** Reads a file from the class path, e.g. {@code "faq/examples.tsv"}. */
    public static KbExamples load(String resource) {
        try (InputStream in = KbExamples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new KnowledgeBaseException(resource + ": no such resource on the class path");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KnowledgeBaseException(resource + ": cannot read the examples: " + e.getMessage(), e);
        }
    }

    /** Parses the text of a file; {@code source} names it in error messages. */
    public static KbExamples parse(String source, String text) {
        List<Example> out = new ArrayList<>();
        String part = "";
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.startsWith("## ")) {
                part = stripped.substring(3).strip();
                continue;
            }
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            String label = tab < 0 ? "" : line.substring(0, tab).strip();
            String message = tab < 0 ? "" : line.substring(tab + 1).strip();
            if (label.isEmpty() || message.isEmpty()) {
                throw new KnowledgeBaseException(source + ":" + (i + 1) + ": expected 'entry-id<TAB>client message' ('-' for out of scope)");
            }
            Set<String> ids = new LinkedHashSet<>();
            if (!label.equals("-")) {
                for (String id : label.split("\\+", -1)) {
                    if (id.isBlank()) {
                        throw new KnowledgeBaseException(source + ":" + (i + 1) + ": '" + label + "' is not 'id' or 'id+id'");
                    }
                    ids.add(id.strip());
                }
            }
            out.add(new Example(part, ids, message, i + 1));
        }
        return new KbExamples(source, out);
    }

    /** Where the examples came from. */
    public String source() {
        return source;
    }

    /** Every example, in file order. */
    public List<Example> all() {
        return examples;
    }

    /** How many there are. */
    public int size() {
        return examples.size();
    }

    /** The parts, in file order. */
    public List<String> parts() {
        return examples.stream().map(Example::part).distinct().toList();
    }

    /** The examples of one part. */
    public KbExamples only(String part) {
        return new KbExamples(source + " (part '" + part + "')", examples.stream().filter(e -> e.part().equals(part)).toList());
    }

    /** Every example but those of one part: what an index learns when that part is the test. */
    public KbExamples without(String part) {
        return new KbExamples(source + " (without part '" + part + "')", examples.stream().filter(e -> !e.part().equals(part)).toList());
    }

    /** The messages a classifier learns for one entry: those labelled with it alone (a two-question message teaches neither). */
    List<String> of(KbEntry entry) {
        return examples.stream().filter(e -> e.entries().size() == 1 && e.entries().contains(entry.id())).map(Example::text).toList();
    }

    /** The messages labelled out of scope. */
    List<String> outOfScope() {
        return examples.stream().filter(e -> !e.inScope()).map(Example::text).toList();
    }

    @Override
    public String toString() {
        return source + " (" + examples.size() + " examples in " + parts().size() + " parts)";
    }
}
