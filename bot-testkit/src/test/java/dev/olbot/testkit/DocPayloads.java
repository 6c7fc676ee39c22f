package dev.olbot.testkit;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The documentation's example payloads (test resources; the first line names the source). */
final class DocPayloads {

    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    private DocPayloads() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String name) {
        try (InputStream in = DocPayloads.class.getResourceAsStream("/payloads/" + name + ".txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return JSON.readValue(text.substring(text.indexOf('\n') + 1), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> at(Map<String, Object> root, String... path) {
        Object v = root;
        for (String p : path) {
            v = ((Map<String, Object>) v).get(p);
        }
        return (Map<String, Object>) v;
    }

    /** The single value of a map keyed by id ({@code data.BOT.567}). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> only(Map<String, Object> byId) {
        return (Map<String, Object>) byId.values().iterator().next();
    }
}
