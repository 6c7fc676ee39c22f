package dev.olbot.event;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The envelope of an event.
 *
 * @param type       the event name as sent, upper-cased ({@code ONIMBOTMESSAGEADD}, {@code ONIMBOTV2JOINCHAT})
 * @param version    v1 or Chatbots 2.0
 * @param portal     the portal the event came from
 * @param auth       credentials of the <em>author</em> of the event (top-level {@code auth}); the
 *                   bot's own credentials are on the bot reference, never mixed with these
 * @param ts         when the platform raised the event ({@code ts}, or {@code date} of a fetched v2 event), if sent
 * @param handlerId  {@code event_handler_id} (or {@code eventId} for open-line events / v2 fetch)
 * @param raw        the whole decoded payload as nested maps, lists and strings (form) or JSON values;
 *                   fields OLBot does not model are read from here
 * @param deliveryId the platform's unique id of this event, when it assigns one: the {@code eventId}
 *                   of an {@code imbot.v2.Event.get} item. Duplicates of one fetched event share it.
 */
public record EventMeta(
        String type,
        ApiVersion version,
        Portal portal,
        Credentials auth,
        Optional<Instant> ts,
        Optional<String> handlerId,
        Map<String, Object> raw,
        Optional<String> deliveryId) {

    /** An envelope without a delivery id (every webhook delivery). */
    public EventMeta(String type, ApiVersion version, Portal portal, Credentials auth, Optional<Instant> ts,
            Optional<String> handlerId, Map<String, Object> raw) {
        this(type, version, portal, auth, ts, handlerId, raw, Optional.empty());
    }

    /** {@code portal/type/deliveryId} when the event has a delivery id; records prefer it as dedupe key. */
    public Optional<String> deliveryKey() {
        return deliveryId.map(id -> portal.key() + "/" + type + "/" + id);
    }

    @Override
    public String toString() {
        return "EventMeta[type=" + type + ", version=" + version + ", portal=" + portal + ", auth=" + auth
                + ", ts=" + ts.map(Instant::toString).orElse("-")
                + deliveryId.map(id -> ", deliveryId=" + id).orElse("") + "]";
    }
}
