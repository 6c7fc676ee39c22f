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
 * JSON (the docs' rendering, or a capture whose keys are the literal bracket keys), Chatbots 2.0
 * webhook bodies, and items of {@code imbot.v2.Event.get} ({@link #decodeFetched}). Unknown fields
 * never fail decoding; unknown events decode to {@link OtherEvent}.
 */
public final class EventDecoder {

    /**
     * JSON bodies get the same kind of limits as form bodies: 32 levels of nesting (an event has
     * about eight), strings up to 1 MiB (the ingress caps a body at 256 KiB by default).
     */
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxNestingDepth(32).maxStringLength(1 << 20).maxNumberLength(64).build())
            .build());
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
            map = PhpForm.parse(body == null ? "" : body.strip());
        } catch (IllegalArgumentException e) {
            throw new EventDecodeException("malformed form body: " + e.getMessage());
        }
        return decode(map);
    }

    /**
     * Decodes a JSON rendering of an event: nested objects as in the docs, or flat literal form keys
     * ({@code "data[PARAMS][MESSAGE]": "..."}) as logged by many handlers.
     */
    public BotEvent decodeJson(String body) {
        Map<String, Object> map;
        try {
            map = JSON.readValue(body == null ? "" : body, MAP);
        } catch (JsonProcessingException e) {
            throw new EventDecodeException("malformed JSON body: " + firstLine(e.getOriginalMessage()));
        }
        if (map == null) {
            throw new EventDecodeException("malformed JSON body: not an object");
        }
        if (map.keySet().stream().anyMatch(k -> k.indexOf('[') > 0)) {
            map = PhpForm.parse(PhpForm.encode(map)); // flat bracket keys: nest them as PHP would
        }
        return decode(map);
    }

    /**
     * Decodes an already parsed payload (nested maps; values strings as on the wire, or JSON types).
     *
     * @throws EventDecodeException when {@code event} is missing or a required field (bot id,
     *                              message id, dialog id) is absent or not a number
     */
    public BotEvent decode(Map<String, Object> payload) {
        return WireRules.check(decodeUnchecked(payload));
    }

    private BotEvent decodeUnchecked(Map<String, Object> payload) {
        String type = Envelope.eventName(payload);
        Map<String, Object> data = Values.map(payload, "data");
        if (type.startsWith(V2Decoder.PREFIX)) {
            EventMeta meta = Envelope.meta(payload, type, ApiVersion.V2);
            Map<String, Object> botAuth = Values.map(Values.map(data, "bot"), "auth");
            Portal portal = Envelope.portal(Values.map(payload, "auth"), botAuth);
            return V2Decoder.decode(new EventMeta(meta.type(), meta.version(), portal, meta.auth(), meta.ts(),
                    meta.handlerId(), meta.raw(), meta.deliveryId()), data);
        }
        EventMeta meta = Envelope.meta(payload, type, ApiVersion.V1);
        if (V1Decoder.handles(type)) {
            return V1Decoder.decode(meta, data);
        }
        if (LineEventDecoder.handles(type)) {
            return LineEventDecoder.decode(meta, data);
        }
        return new OtherEvent(meta);
    }

    /**
     * Decodes one item of {@code imbot.v2.Event.get} ({@code {eventId, type, date, data}}). Fetched
     * events carry no portal or author credentials, so the caller supplies the portal it polled.
     * The item's {@code eventId} becomes {@link EventMeta#deliveryId()} and the dedupe key.
     *
     * @throws EventDecodeException when {@code type} or {@code eventId} is missing, or the data lacks a required field
     */
    public BotEvent decodeFetched(Map<String, Object> item, Portal portal) {
        String type = Values.str(item, "type").filter(s -> !s.isBlank()).map(s -> s.trim().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new EventDecodeException("missing 'type' field: not an imbot.v2.Event.get item"));
        long eventId = Values.requireLong(item, "event", "eventId");
        EventMeta meta = new EventMeta(type, ApiVersion.V2, portal, Credentials.NONE, Values.instant(item, "date"),
                Optional.of(Long.toString(eventId)), item, Optional.of(Long.toString(eventId)));
        return type.startsWith(V2Decoder.PREFIX) ? V2Decoder.decode(meta, Values.map(item, "data")) : new OtherEvent(meta);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
