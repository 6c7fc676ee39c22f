package dev.olbot.kb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.bot.routing.Utterance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The walk over a knowledge base's YAML tree, with error messages that name the source, the entry and the field. */
record KnowledgeBaseYaml(String source) {

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
        return questions(node, field -> where(id, index, field), "questions");
    }

    /** A map from language to a non-empty list of phrasings; {@code where} names a field in an error. */
    private Map<String, List<String>> questions(JsonNode node, java.util.function.UnaryOperator<String> where, String name) {
        if (!node.isObject() || node.isEmpty()) {
            throw new KnowledgeBaseException(where.apply(name)
                    + "is missing; expected a map from language to a list of phrasings, e.g. ru: [\"...\"]");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            String field = name + "." + e.getKey();
            JsonNode list = e.getValue();
            if (!list.isArray() || list.isEmpty()) {
                throw new KnowledgeBaseException(where.apply(field) + "expected a non-empty list of phrasings");
            }
            List<String> variants = new ArrayList<>();
            for (JsonNode v : list) {
                if (!v.isTextual() || Utterance.normalize(v.asText()).isEmpty()) {
                    throw new KnowledgeBaseException(where.apply(field) + "a phrasing is empty or not text: " + v);
                }
                variants.add(v.asText().strip());
            }
            out.put(e.getKey(), List.copyOf(variants));
        });
        return out;
    }

    LocalText text(JsonNode node, String id, int index, String field) {
        return text(node, f -> where(id, index, f), field);
    }

    private LocalText text(JsonNode node, java.util.function.UnaryOperator<String> where, String field) {
        if (node.isTextual() && !node.asText().isBlank()) {
            return LocalText.of(node.asText().strip());
        }
        if (node.isObject() && !node.isEmpty()) {
            Map<String, String> m = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                    throw new KnowledgeBaseException(where.apply(field + "." + e.getKey()) + "is empty or not text");
                }
                m.put(e.getKey(), e.getValue().asText().strip());
            });
            return new LocalText(m);
        }
        throw new KnowledgeBaseException(where.apply(field) + (node.isMissingNode() ? "is missing" : "is empty")
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

    /**
     * The {@code out_of_scope:} section: {@code questions} per language (required) and an optional
     * {@code reply}; absent → {@link KbOutOfScope#none()}.
     */
    KbOutOfScope outOfScope(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return KbOutOfScope.none();
        }
        java.util.function.UnaryOperator<String> where = f -> source + ": field 'out_of_scope." + f + "': ";
        if (!node.isObject()) {
            throw new KnowledgeBaseException(source + ": field 'out_of_scope': expected a map with 'questions' (per language) and an optional 'reply'");
        }
        List<String> known = List.of("questions", "reply");
        node.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                throw new KnowledgeBaseException(where.apply(f) + "unknown field; expected one of " + known);
            }
        });
        Map<String, List<String>> questions = questions(node.path("questions"), where, "questions");
        Optional<LocalText> reply = node.has("reply") ? Optional.of(text(node.get("reply"), where, "reply")) : Optional.empty();
        return new KbOutOfScope(questions, reply);
    }

    /** A top-level list of words ({@code neutral_words:}, {@code not_ours:}); absent → empty. */
    List<String> words(JsonNode node, String field) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new KnowledgeBaseException(source + ": field '" + field + "': expected a list of words, e.g. [тверская, мтс]");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode w = node.get(i);
            if (!w.isTextual() || w.asText().isBlank()) {
                throw new KnowledgeBaseException(source + ": field '" + field + "[" + i + "]': expected a word, got " + w);
            }
            out.add(w.asText().strip());
        }
        return out;
    }
}
