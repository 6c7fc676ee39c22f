package dev.olbot.rest.methods.connector;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code user} block of an {@code imconnector.send.messages} item: the client as the external channel knows
 * them. Only {@code id} is required. {@code name} and {@code last_name} may hold letters, spaces, hyphens and
 * apostrophes, at most 25 characters each (checked here, as the platform would refuse them).
 *
 * <pre>{@code
 * ExternalUser.id("visitor-7").name("Anna").lastName("Petrova").email("anna@example.com")
 * }</pre>
 */
public final class ExternalUser {

    private static final int MAX_NAME = 25;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private ExternalUser(String id) {
        fields.put("id", id);
    }

    /** The user's id in the external system (non-blank). */
    public static ExternalUser id(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("user.id is required");
        }
        return new ExternalUser(id);
    }

    public ExternalUser name(String name) {
        return put("name", checkName("user.name", name));
    }

    public ExternalUser lastName(String lastName) {
        return put("last_name", checkName("user.last_name", lastName));
    }

    /** A public avatar URL, sent as {@code picture: {url}}. */
    public ExternalUser picture(String url) {
        return put("picture", Map.of("url", Objects.requireNonNull(url, "url")));
    }

    /** The user's profile link in the external system. */
    public ExternalUser url(String url) {
        return put("url", url);
    }

    /** {@code male} or {@code female}. */
    public ExternalUser gender(String gender) {
        if (!"male".equals(gender) && !"female".equals(gender)) {
            throw new IllegalArgumentException("user.gender must be male or female (was " + gender + ")");
        }
        return put("gender", gender);
    }

    public ExternalUser email(String email) {
        return put("email", email);
    }

    public ExternalUser phone(String phone) {
        return put("phone", phone);
    }

    /** {@code skip_phone_validate=Y}: save the phone in CRM without the platform's validation. */
    public ExternalUser skipPhoneValidation() {
        return put("skip_phone_validate", "Y");
    }

    public String idValue() {
        return (String) fields.get("id");
    }

    public Map<String, Object> toMap() {
        return new LinkedHashMap<>(fields);
    }

    private ExternalUser put(String key, Object value) {
        fields.put(key, Objects.requireNonNull(value, key));
        return this;
    }

    private static String checkName(String field, String value) {
        if (value == null || value.length() > MAX_NAME || !value.matches("[\\p{L} '\\-]*")) {
            throw new IllegalArgumentException(field + " must be letters, spaces, hyphens or apostrophes, at most "
                    + MAX_NAME + " characters (was " + value + ")");
        }
        return value;
    }
}
