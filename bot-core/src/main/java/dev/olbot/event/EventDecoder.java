package dev.olbot.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.olbot.wire.PhpForm;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a request body into a {@link BotEvent}. Thread-safe and stateless.
 *
 * <p>Accepts the v1 form body with PHP bracket keys (as Bitrix24 sends it), the same payload as
 * JSON, and Chatbots 2.0 webhook bodies. Unknown fields never fail decoding.
 */
public final class EventDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private EventDecoder() {}

    public static EventDecoder create() {
        return new EventDecoder();
    }

    /**
     * Decodes a body by its content type: JSON for {@code application/json}, form encoding otherwise
     * (a body starting with <code>{</code> is taken as JSON when no content type is given).
     *
     * @throws EventDecodeException with a one-line reason when the body is not an event
     */
    public BotEvent decode(String contentType, String body) {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (ct.startsWith("application/json") || (ct.isEmpty() && body != null && body.stripLeading().startsWith("{"))) {
            return decodeJson(body);
        }
        return decodeForm(body);
    }

    /** Decodes an {@code application/x-www-form-urlencoded} body with PHP bracket keys. */
    public BotEvent decodeForm(String body) {
        Map<String, Object> map;
        try {
            map = PhpForm.parse(body);
        } catch (IllegalArgumentException e) {
            throw new EventDecodeException("malformed form body: " + e.getMessage());
        }
        return decode(map);
    }

    /** Decodes a JSON rendering of an event (as in the docs). */
    public BotEvent decodeJson(String body) {
        Map<String, Object> map;
        try {
            map = JSON.readValue(body == null ? "" : body, MAP);
        } catch (JsonProcessingException e) {
            throw new EventDecodeException("malformed JSON body: " + e.getOriginalMessage());
        }
        if (map == null) {
            throw new EventDecodeException("malformed JSON body: not an object");
        }
        return decode(map);
    }

    /** Decodes an already parsed payload (nested maps; values strings as on the wire, or JSON types). */
    public BotEvent decode(Map<String, Object> payload) {
        Object event = payload.get("event");
        if (!(event instanceof String name) || name.isBlank()) {
            throw new EventDecodeException("missing 'event' field: not a Bitrix24 event");
        }
        EventMeta meta = new EventMeta(name.toUpperCase(Locale.ROOT), ApiVersion.V1, Portal0.of(payload), Credentials.NONE,
                Optional.empty(), Optional.empty(), payload);
        return new OtherEvent(meta);
    }

    /** Placeholder for portal extraction; replaced by the full decoder. */
    private static final class Portal0 {
        @SuppressWarnings("unchecked")
        static Portal of(Map<String, Object> payload) {
            Object auth = payload.get("auth");
            if (auth instanceof Map<?, ?> m) {
                Map<String, Object> a = (Map<String, Object>) m;
                return new Portal(str(a.get("domain")), str(a.get("member_id")), str(a.get("client_endpoint")),
                        str(a.get("server_endpoint")));
            }
            return new Portal("", "", "", "");
        }

        static String str(Object o) {
            return o == null ? "" : o.toString();
        }
    }
}
