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
 * }</pre>
 */
public final class KnowledgeBase {

    private final String source;
    private final Map<String, KbEntry> entries;
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);

    private final List<List<String>> synonyms;
    private final List<String> warnings;

    private KnowledgeBase(String source, Map<String, KbEntry> entries, List<List<String>> synonyms) {
        this.source = source;
        this.entries = entries;
        this.synonyms = synonyms;
        this.warnings = QuestionCheck.warnings(source, entries.values(), analysis());
    }

    /**
     * A knowledge base built in code. Fails with a {@link KnowledgeBaseException} when there is no
     * entry, two entries share an id, or two entries share a question.
     *
     * @param synonyms groups of words a team treats as one; the first word of each group stands for the rest
     */
    public static KnowledgeBase of(String source, List<KbEntry> entries, List<List<String>> synonyms) {
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
        try {
            TextAnalysis.builder().synonyms(synonyms).build();
        } catch (IllegalArgumentException e) {
            throw new KnowledgeBaseException(source + ": field 'synonyms': " + e.getMessage(), e);
        }
        return new KnowledgeBase(source, Collections.unmodifiableMap(map),
                synonyms.stream().map(List::copyOf).toList());
    }

    /** Loads and validates a knowledge base file; logs each of its {@link #warnings()} at WARN. */
    public static KnowledgeBase load(Path file) {
        try {
            return logged(parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
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
            return logged(parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses YAML text; {@code source} names it in error messages. */
    public static KnowledgeBase parse(String source, String yaml) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new KnowledgeBaseException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        Yaml y = new Yaml(source);
        if (root == null || !root.isObject() || !root.path("entries").isArray() || root.get("entries").isEmpty()) {
            throw new KnowledgeBaseException(source + ": expected a top-level 'entries:' list with at least one entry");
        }
        y.onlyFields(root, "file", "entries", "synonyms");
        List<KbEntry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root.get("entries")) {
            entries.add(y.entry(node, ++index));
        }
        return of(source, entries, y.synonyms(root.path("synonyms")));
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

    /** The synonym groups: the first word of each stands for the others. */
    public List<List<String>> synonyms() {
        return synonyms;
    }

    /** {@link TextAnalysis} with this base's synonyms. */
    public TextAnalysis analysis() {
        return TextAnalysis.builder().synonyms(synonyms).build();
    }

    /** The YAML walk with error messages that say where. */
    private record Yaml(String source) {

        String where(String id, int index, String field) {
            return source + ": entry " + (id == null ? "#" + index : "'" + id + "' (#" + index + ")") + ": field '" + field + "': ";
        }

        void onlyFields(JsonNode node, String... allowed) {
            List<String> ok = List.of(allowed);
            node.fieldNames().forEachRemaining(f -> {
                if (!ok.contains(f)) {
                    throw new KnowledgeBaseException(source + ": unknown top-level field '" + f + "'; expected " + ok);
                }
            });
        }

        List<List<String>> synonyms(JsonNode node) {
            if (node.isMissingNode() || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw new KnowledgeBaseException(source + ": field 'synonyms': expected a list of word lists, e.g. [[питер, спб]]");
            }
            List<List<String>> out = new ArrayList<>();
            int i = 0;
            for (JsonNode g : node) {
                List<String> words = new ArrayList<>();
                g.forEach(w -> words.add(w.asText()));
                if (!g.isArray() || words.size() < 2 || words.stream().anyMatch(String::isBlank)) {
                    throw new KnowledgeBaseException(source + ": field 'synonyms[" + i + "]': expected a list of at least two words, got " + g);
                }
                out.add(List.copyOf(words));
                i++;
            }
            return out;
        }

        KbEntry entry(JsonNode node, int index) {
            if (!node.isObject()) {
                throw new KnowledgeBaseException(source + ": entry #" + index + ": expected a map with id, questions, answer");
            }
            String id = node.path("id").isTextual() ? node.get("id").asText().strip() : null;
            if (id == null || !id.matches("[a-z0-9][a-z0-9_\\-]{0,63}")) {
                throw new KnowledgeBaseException(where(null, index, "id")
                        + "is missing or not an id (lower-case letters, digits, '-', '_'): " + node.path("id"));
            }
            List<String> known = List.of("id", "questions", "answer", "buttons", "links");
            node.fieldNames().forEachRemaining(f -> {
                if (!known.contains(f)) {
                    throw new KnowledgeBaseException(where(id, index, f) + "unknown field; expected one of " + known);
                }
            });
            return new KbEntry(id, questions(node.path("questions"), id, index),
                    text(node.path("answer"), id, index, "answer"), buttons(node.path("buttons"), id, index),
                    links(node.path("links"), id, index));
        }

        Map<String, List<String>> questions(JsonNode node, String id, int index) {
            if (!node.isObject() || node.isEmpty()) {
                throw new KnowledgeBaseException(where(id, index, "questions")
                        + "is missing; expected a map from language to a list of phrasings, e.g. ru: [\"...\"]");
            }
            Map<String, List<String>> out = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> {
                String field = "questions." + e.getKey();
                JsonNode list = e.getValue();
                if (!list.isArray() || list.isEmpty()) {
                    throw new KnowledgeBaseException(where(id, index, field) + "expected a non-empty list of phrasings");
                }
                List<String> variants = new ArrayList<>();
                for (JsonNode v : list) {
                    if (!v.isTextual() || Utterance.normalize(v.asText()).isEmpty()) {
                        throw new KnowledgeBaseException(where(id, index, field) + "a phrasing is empty or not text: " + v);
                    }
                    variants.add(v.asText().strip());
                }
                out.put(e.getKey(), List.copyOf(variants));
            });
            return out;
        }

        LocalText text(JsonNode node, String id, int index, String field) {
            if (node.isTextual() && !node.asText().isBlank()) {
                return LocalText.of(node.asText().strip());
            }
            if (node.isObject() && !node.isEmpty()) {
                Map<String, String> m = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> {
                    if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                        throw new KnowledgeBaseException(where(id, index, field + "." + e.getKey()) + "is empty or not text");
                    }
                    m.put(e.getKey(), e.getValue().asText().strip());
                });
                return new LocalText(m);
            }
            throw new KnowledgeBaseException(where(id, index, field) + (node.isMissingNode() ? "is missing" : "is empty")
                    + "; expected a text or a map from language to text");
        }

        List<KbEntry.KbButton> buttons(JsonNode node, String id, int index) {
            List<KbEntry.KbButton> out = new ArrayList<>();
            int i = 0;
            for (JsonNode b : list(node, id, index, "buttons")) {
                String field = "buttons[" + i++ + "]";
                LocalText label = text(b.path("label"), id, index, field + ".label");
                boolean hasLink = b.has("link");
                boolean hasSend = b.has("send");
                if (hasLink == hasSend) {
                    throw new KnowledgeBaseException(where(id, index, field) + "needs exactly one of 'link' or 'send'");
                }
                Optional<String> link = hasLink ? Optional.of(url(b.get("link"), id, index, field + ".link")) : Optional.empty();
                Optional<LocalText> send = hasSend ? Optional.of(text(b.get("send"), id, index, field + ".send")) : Optional.empty();
                out.add(new KbEntry.KbButton(label, link, send));
            }
            return out;
        }

        List<KbEntry.KbLink> links(JsonNode node, String id, int index) {
            List<KbEntry.KbLink> out = new ArrayList<>();
            int i = 0;
            for (JsonNode l : list(node, id, index, "links")) {
                String field = "links[" + i++ + "]";
                out.add(new KbEntry.KbLink(text(l.path("title"), id, index, field + ".title"),
                        url(l.path("url"), id, index, field + ".url")));
            }
            return out;
        }

        private List<JsonNode> list(JsonNode node, String id, int index, String field) {
            if (node.isMissingNode() || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw new KnowledgeBaseException(where(id, index, field) + "expected a list");
            }
            List<JsonNode> out = new ArrayList<>();
            node.forEach(out::add);
            return out;
        }

        private String url(JsonNode node, String id, int index, String field) {
            String u = node.isTextual() ? node.asText().strip() : "";
            if (!u.matches("https?://\\S+|/\\S*")) {
                throw new KnowledgeBaseException(where(id, index, field) + "expected an http(s):// or /relative link, got " + node);
            }
            return u;
        }
    }
}
