package dev.olbot.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.olbot.bot.routing.Utterance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A knowledge base: entries (questions per language, an answer, buttons, links) loaded from a YAML
 * file a support lead edits, or built in code with {@link #of}, plus the team's synonym groups.
 * Loading validates everything and fails with a {@link KnowledgeBaseException} that names the
 * file, the entry and the field. {@link KnowledgeBaseIndex} matches client messages against it.
 * Immutable.
 *
 * <pre>{@code
 * entries:
 *   - id: delivery-time
 *     questions:
 *       ru: ["Сколько идёт доставка?", "сроки доставки"]
 *       en: ["How long does delivery take?"]
 *     answer:
 *       ru: "По Москве 1–2 дня, по России 3–7 дней."
 *       en: "Moscow 1–2 days, the rest of Russia 3–7 days."
 *     buttons:
 *       - label: {ru: "Отследить заказ", en: "Track my order"}
 *         link: https://shop.example.com/track
 *       - label: {ru: "Стоимость доставки", en: "Delivery cost"}
 *         send: {ru: "Сколько стоит доставка?", en: "How much is delivery?"}
 *     links:
 *       - {title: "Условия доставки", url: "https://shop.example.com/delivery"}
 * synonyms:
 *   - [санкт-петербург, питер, спб]
 * out_of_scope:                      # optional: what the base is NOT about (KbOutOfScope)
 *   reply: {ru: "Я отвечаю только на вопросы о заказах.", en: "I only answer questions about orders."}
 *   questions:
 *     ru: ["доставка еды", "заказ на озоне"]
 *     en: ["food delivery", "my amazon order"]
 * not_ours: [поликлиника, clinic, фитнес, gym]   # optional: other businesses' things (KbWords)
 * our_goods: [смартфон, камера, phone, camera]   # optional: what the shop sells, never another business's word
 * examples: faq-examples.tsv         # optional: labelled client messages the classifier learns from (KbExamples),
 *                                    # a file next to this one
 * }</pre>
 */
public final class KnowledgeBase {

    private final String source;
    private final Map<String, KbEntry> entries;
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);

    private final List<List<String>> synonyms;
    private final KbOutOfScope outOfScope;
    private final List<String> warnings;
    private final KbWords notOurs;
    private final List<String> goods;
    private final KbExamples examples;

    private KnowledgeBase(String source, Map<String, KbEntry> entries, List<List<String>> synonyms, KbOutOfScope outOfScope, KbWords notOurs,
            List<String> goods, KbExamples examples) {
        this.source = source;
        this.examples = examples;
        this.notOurs = notOurs;
        this.goods = goods;
        this.entries = entries;
        this.synonyms = synonyms;
        this.outOfScope = outOfScope;
        this.warnings = QuestionCheck.warnings(source, entries.values(), outOfScope, analysis());
    }

    /** A knowledge base built in code, without out-of-scope examples; see {@link #of(String, List, List, KbOutOfScope)}. */
    public static KnowledgeBase of(String source, List<KbEntry> entries, List<List<String>> synonyms) {
        return of(source, entries, synonyms, KbOutOfScope.none());
    }

    /**
     * A knowledge base built in code. Fails with a {@link KnowledgeBaseException} when there is no
     * entry, two entries share an id, two entries share a question, or an out-of-scope example is
     * also an entry's question.
     *
     * @param synonyms groups of words a team treats as one; the first word of each group stands for the rest
     * @param outOfScope phrasings of what the base is not about ({@link KbOutOfScope#none()} for none)
     */
    public static KnowledgeBase of(String source, List<KbEntry> entries, List<List<String>> synonyms, KbOutOfScope outOfScope) {
        return of(source, entries, synonyms, outOfScope, KbWords.none());
    }

    /**
     * A knowledge base built in code with the team's list of other businesses' things ({@link
     * KbWords}). Fails as {@link #of(String, List, List, KbOutOfScope)} does, and when an entry's
     * question says one of those words.
     */
    public static KnowledgeBase of(String source, List<KbEntry> entries, List<List<String>> synonyms, KbOutOfScope outOfScope,
            KbWords notOursWords) {
        return of(source, entries, synonyms, outOfScope, notOursWords, List.of());
    }

    /**
     * A knowledge base built in code with the team's lists: other businesses' things ({@link
     * KbWords}) and the goods the shop sells ({@code goods}: words clients name their purchases
     * with — "камера", "coffee machine" — never taken for another business's word, even when only
     * out-of-scope examples say them). Fails as {@link #of(String, List, List, KbOutOfScope, KbWords)}
     * does, and when a word of the goods is on the other businesses' list.
     */
    public static KnowledgeBase of(String source, List<KbEntry> entries, List<List<String>> synonyms, KbOutOfScope outOfScope,
            KbWords notOursWords, List<String> goods) {
        if (entries.isEmpty()) {
            throw new KnowledgeBaseException(source + ": a knowledge base needs at least one entry");
        }
        Map<String, KbEntry> map = new LinkedHashMap<>();
        Map<String, String> variantOwner = new HashMap<>();
        int index = 0;
        for (KbEntry entry : entries) {
            index++;
            String where = source + ": entry '" + entry.id() + "' (#" + index + "): ";
            if (map.putIfAbsent(entry.id(), entry) != null) {
                throw new KnowledgeBaseException(where + "field 'id': is used by another entry too");
            }
            for (List<String> variants : entry.questions().values()) {
                for (String v : variants) {
                    String other = variantOwner.putIfAbsent(Utterance.normalize(v), entry.id());
                    if (other != null && !other.equals(entry.id())) {
                        throw new KnowledgeBaseException(where + "field 'questions': the question '" + v
                                + "' is also a question of entry '" + other + "'");
                    }
                }
            }
        }
        for (String q : outOfScope.all()) {
            String owner = variantOwner.get(Utterance.normalize(q));
            if (owner != null) {
                throw new KnowledgeBaseException(source + ": field 'out_of_scope.questions': the question '" + q
                        + "' is also a question of entry '" + owner + "'");
            }
        }
        try {
            TextAnalysis.builder().synonyms(synonyms).build();
        } catch (IllegalArgumentException e) {
            throw new KnowledgeBaseException(source + ": field 'synonyms': " + e.getMessage(), e);
        }
        KbWords.Matcher notOurs = new KbWords.Matcher(TextAnalysis.builder().synonyms(synonyms).build(), notOursWords);
        for (KbEntry entry : entries) {
            entry.questions().values().stream().flatMap(List::stream).filter(notOurs::names).findFirst().ifPresent(q -> {
                throw new KnowledgeBaseException(source + ": field 'not_ours': the word with stem '" + notOurs.named(q).orElseThrow()
                        + "' is said by the question '" + q + "' of entry '" + entry.id() + "'; a client asking it would be turned away");
            });
        }
        goods.stream().filter(g -> g == null || g.isBlank()).findFirst().ifPresent(g -> {
            throw new KnowledgeBaseException(source + ": field 'our_goods': a word is blank");
        });
        // "домашний кинотеатр" holds "кинотеатр" and is more: a good; "кинотеатр" on both lists is a mistake
        goods.stream().filter(notOurs::lists).findFirst().ifPresent(g -> {
            throw new KnowledgeBaseException(source + ": field 'our_goods': '" + g + "' is on the 'not_ours' list too");
        });
        return new KnowledgeBase(source, Collections.unmodifiableMap(map),
                synonyms.stream().map(List::copyOf).toList(), outOfScope, notOursWords, List.copyOf(goods), KbExamples.none());
    }

    /**
     * This base with {@code examples} as its classifier's training data (in place of any it had).
     * Fails with a {@link KnowledgeBaseException} naming the file and line of an example labelled
     * with an id no entry has.
     */
    public KnowledgeBase withExamples(KbExamples examples) {
        for (KbExamples.Example e : examples.all()) {
            for (String id : e.entries()) {
                if (!entries.containsKey(id)) {
                    throw new KnowledgeBaseException(examples.source() + ":" + e.line() + ": '" + id + "' is no entry's id in " + source);
                }
            }
        }
        return new KnowledgeBase(source, entries, synonyms, outOfScope, notOurs, goods, examples);
    }

    /** Loads and validates a knowledge base file; logs each of its {@link #warnings()} at WARN. */
    public static KnowledgeBase load(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            return logged(parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), name -> KbExamples.load(folder.resolve(name))));
        } catch (IOException e) {
            throw new KnowledgeBaseException(file + ": cannot read the knowledge base: " + e.getMessage(), e);
        }
    }

    /**
     * Loads and validates a knowledge base from the class path, e.g. {@code "faq/knowledge-base.yaml"};
     * logs each of its {@link #warnings()} at WARN.
     */
    public static KnowledgeBase load(String resource) {
        try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new KnowledgeBaseException(resource + ": no such resource on the class path");
            }
            String folder = resource.contains("/") ? resource.substring(0, resource.lastIndexOf('/') + 1) : "";
            return logged(parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), name -> KbExamples.load(folder + name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses YAML text; {@code source} names it in error messages. Text has no folder for an {@code
     * examples:} file to be in: such a base is refused ({@link #load} it, or give the examples with
     * {@link #withExamples}).
     */
    public static KnowledgeBase parse(String source, String yaml) {
        return parse(source, yaml, name -> {
            throw new KnowledgeBaseException(source + ": field 'examples': a knowledge base parsed from text has no folder to find '"
                    + name + "' in; load it from a file, or call withExamples");
        });
    }

    private static KnowledgeBase parse(String source, String yaml, java.util.function.Function<String, KbExamples> examplesFile) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new KnowledgeBaseException(YamlProblem.describe(source, e), e);
        }
        KnowledgeBaseYaml y = new KnowledgeBaseYaml(source);
        if (root == null || !root.isObject() || !root.path("entries").isArray() || root.get("entries").isEmpty()) {
            throw new KnowledgeBaseException(source + ": expected a top-level 'entries:' list with at least one entry");
        }
        y.onlyFields(root, "file", "entries", "synonyms", "out_of_scope", "not_ours", "our_goods", "examples");
        List<KbEntry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root.get("entries")) {
            entries.add(y.entry(node, ++index));
        }
        KnowledgeBase kb = of(source, entries, y.synonyms(root.path("synonyms")), y.outOfScope(root.path("out_of_scope")),
                new KbWords(y.words(root.path("not_ours"), "not_ours")), y.words(root.path("our_goods"), "our_goods"));
        JsonNode examples = root.path("examples");
        if (examples.isMissingNode() || examples.isNull()) {
            return kb;
        }
        if (!examples.isTextual() || examples.asText().isBlank()) {
            throw new KnowledgeBaseException(source + ": field 'examples': expected the name of a file of labelled messages, got " + examples);
        }
        return kb.withExamples(examplesFile.apply(examples.asText().strip()));
    }

    private static KnowledgeBase logged(KnowledgeBase kb) {
        kb.warnings().forEach(w -> LOG.warn("{}", w));
        return kb;
    }

    /**
     * One line per question that reduces to generic words only ({@link TextAnalysis#generic}:
     * "сколько стоит", "how much does it cost"): such a question matches every message with that
     * word, whatever its topic. Each line names the source, the entry and the question.
     */
    public List<String> warnings() {
        return warnings;
    }

    /** Where the base came from (a path or a resource name). */
    public String source() {
        return source;
    }

    /** All entries in file order. */
    public List<KbEntry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<KbEntry> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** What the base is not about: phrasings ranked like questions, and a reply for them. */
    public KbOutOfScope outOfScope() {
        return outOfScope;
    }

    /** The other businesses' things the shop never deals in ({@code not_ours:}): a message naming one is not answered. */
    public KbWords notOurs() {
        return notOurs;
    }

    /** The goods the shop sells ({@code our_goods:}): never another business's word. */
    public List<String> goods() {
        return goods;
    }

    /** The labelled client messages the classifier learns from besides the questions ({@link KbExamples#none()} when there are none). */
    public KbExamples examples() {
        return examples;
    }

    /** The synonym groups: the first word of each stands for the others. */
    public List<List<String>> synonyms() {
        return synonyms;
    }

    /** {@link TextAnalysis} with this base's synonyms. */
    public TextAnalysis analysis() {
        return TextAnalysis.builder().synonyms(synonyms).build();
    }
}
