package dev.olbot.rest.methods;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One required parameter, or a choice among alternatives. Each alternative is a list of
 * parameter paths that must all be present; a path is a key ({@code CHAT_ID}) or a dotted path
 * into a nested object ({@code PROPERTIES.NAME}, {@code fields.code}). A value is present when it
 * is not null, not a blank string and not an empty collection.
 *
 * @param alternatives at least one alternative, each with at least one path
 */
public record Requirement(List<List<String>> alternatives) {

    public Requirement {
        if (alternatives.isEmpty() || alternatives.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a requirement needs at least one non-empty alternative");
        }
        alternatives = alternatives.stream().map(List::copyOf).toList();
    }

    /** A single required path. */
    public static Requirement of(String path) {
        return new Requirement(List.of(List.of(path)));
    }

    /** One of several paths. */
    public static Requirement anyOf(String... paths) {
        return new Requirement(java.util.Arrays.stream(paths).map(List::of).toList());
    }

    public boolean satisfiedBy(Map<String, ?> params) {
        return alternatives.stream().anyMatch(all -> all.stream().allMatch(path -> present(lookup(params, path))));
    }

    /** Reads as in an error message: {@code CHAT_ID}, {@code COMMAND_ID or COMMAND}. */
    public String describe() {
        return alternatives.stream().map(all -> String.join(" and ", all)).collect(Collectors.joining(" or "));
    }

    /** The top-level keys this requirement mentions. */
    public List<String> topLevelKeys() {
        return alternatives.stream().flatMap(List::stream).map(p -> p.split("\\.", 2)[0]).distinct().toList();
    }

    static Object lookup(Map<String, ?> params, String path) {
        Object current = params;
        for (String key : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(key);
            } else if (current instanceof JsonNode node && node.isObject()) {
                current = node.get(key);
            } else {
                return null;
            }
        }
        return current;
    }

    static boolean present(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof CharSequence s) {
            return !s.toString().isBlank();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (value instanceof JsonNode n) {
            return !n.isNull() && !n.isMissingNode() && !(n.isContainerNode() && n.isEmpty())
                    && !(n.isTextual() && n.asText().isBlank());
        }
        return true;
    }
}
