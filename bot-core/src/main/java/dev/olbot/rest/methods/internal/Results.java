package dev.olbot.rest.methods.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads Bitrix's loosely typed {@code result} values (numbers as strings, "Y"/"N", {@code []} for empty maps). */
public final class Results {

    private Results() {}

    /** {@code true}, {@code "Y"}, {@code 1}, or an object {@code {"result": true}} (imbot.v2, imconnector). */
    public static boolean bool(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isObject() && node.has("result")) {
            return bool(node.get("result"));
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.asLong() != 0;
        }
        String text = node.asText();
        return text.equalsIgnoreCase("Y") || text.equalsIgnoreCase("true") || text.equals("1");
    }

    /** A number sent as a JSON number or a numeric string. */
    public static long id(JsonNode node) {
        if (node == null || !(node.isIntegralNumber() || node.isTextual() && node.asText().matches("-?[0-9]+"))) {
            throw new IllegalStateException("expected a numeric id, got " + node);
        }
        return node.asLong();
    }

    public static Long optionalId(JsonNode node) {
        return node == null || node.isNull() || node.asText().isEmpty() ? null : id(node);
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** An object keyed by id, or {@code []} (how PHP encodes an empty map). */
    public static <T> Map<Long, T> mapById(JsonNode node, Function<JsonNode, T> item) {
        Map<Long, T> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> out.put(Long.parseLong(e.getKey()), item.apply(e.getValue())));
        } else if (node != null && node.isArray()) {
            for (JsonNode element : node) {
                T value = item.apply(element);
                out.put(id(element.has("ID") ? element.get("ID") : element.get("id")), value);
            }
        }
        return out;
    }

    public static <T> List<T> list(JsonNode node, Function<JsonNode, T> item) {
        List<T> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(element -> out.add(item.apply(element)));
        }
        return out;
    }
}
