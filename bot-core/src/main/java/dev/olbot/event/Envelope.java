package dev.olbot.event;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads the envelope every event shares: {@code event}, {@code ts}, handler id, {@code auth}. */
final class Envelope {

    private Envelope() {}

    /** The upper-cased event name; fails when {@code event} is missing or blank. */
    static String eventName(Map<String, Object> payload) {
        return Values.str(payload, "event")
                .filter(s -> !s.isBlank())
                .map(s -> s.trim().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new EventDecodeException("missing 'event' field: not a Bitrix24 event"));
    }

    static EventMeta meta(Map<String, Object> payload, String type, ApiVersion version) {
        Map<String, Object> auth = Values.map(payload, "auth");
        return new EventMeta(type, version, portal(auth, Map.of()), credentials(auth),
                Values.instant(payload, "ts"), Values.firstStr(payload, "event_handler_id", "eventId"),
                payload, Optional.empty());
    }

    /** The portal from {@code auth}, filling gaps from a second credential set (a v2 bot's {@code auth}). */
    static Portal portal(Map<String, Object> auth, Map<String, Object> fallback) {
        return new Portal(
                Values.str(auth, "domain").orElse(Values.text(fallback, "domain")),
                Values.str(auth, "member_id").orElse(Values.text(fallback, "member_id")),
                Values.str(auth, "client_endpoint").orElse(Values.text(fallback, "client_endpoint")),
                Values.str(auth, "server_endpoint").orElse(Values.text(fallback, "server_endpoint")));
    }

    /** One credential set; absent parts stay empty (webhook-registered bots get no tokens at all). */
    static Credentials credentials(Map<String, Object> auth) {
        if (auth.isEmpty()) {
            return Credentials.NONE;
        }
        return new Credentials(
                Values.str(auth, "access_token"),
                Values.str(auth, "refresh_token"),
                Values.instant(auth, "expires"),
                Values.lng(auth, "expires_in").map(Long::intValue),
                Values.str(auth, "scope"),
                Values.str(auth, "status"),
                Values.lng(auth, "user_id"),
                Values.str(auth, "client_id"),
                Values.str(auth, "application_token"));
    }
}
