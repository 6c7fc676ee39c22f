package dev.olbot.rest.methods.connector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code chat} block of an {@code imconnector.*} message item: the conversation in the external channel.
 * Only {@code id} is required; the docs recommend the values given to {@code imconnector.connector.data.set}.
 */
public final class ExternalChat {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private ExternalChat(String id) {
        fields.put("id", id);
    }

    /** The chat's id in the external system (non-blank). */
    public static ExternalChat id(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("chat.id is required");
        }
        return new ExternalChat(id);
    }

    public ExternalChat name(String name) {
        fields.put("name", Objects.requireNonNull(name, "name"));
        return this;
    }

    public ExternalChat url(String url) {
        fields.put("url", Objects.requireNonNull(url, "url"));
        return this;
    }

    public String idValue() {
        return (String) fields.get("id");
    }

    public Map<String, Object> toMap() {
        return new LinkedHashMap<>(fields);
    }
}
