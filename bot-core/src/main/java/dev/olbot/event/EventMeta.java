package dev.olbot.event;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The envelope of an event.
 *
 * @param type      the event name as sent, upper-cased ({@code ONIMBOTMESSAGEADD}, {@code ONIMBOTV2JOINCHAT})
 * @param version   v1 or Chatbots 2.0
 * @param portal    the portal the event came from
 * @param auth      credentials of the <em>author</em> of the event (top-level {@code auth}); the
 *                  bot's own credentials are on the bot reference, never mixed with these
 * @param ts        when the platform raised the event ({@code ts}), if sent
 * @param handlerId {@code event_handler_id} (or {@code eventId} for open-line events / v2 fetch)
 * @param raw       the whole decoded payload as nested maps, lists and strings (form) or JSON values;
 *                  fields OLBot does not model are read from here
 */
public record EventMeta(
        String type,
        ApiVersion version,
        Portal portal,
        Credentials auth,
        Optional<Instant> ts,
        Optional<String> handlerId,
        Map<String, Object> raw) {

    @Override
    public String toString() {
        return "EventMeta[type=" + type + ", version=" + version + ", portal=" + portal + ", auth=" + auth
                + ", ts=" + ts.map(Instant::toString).orElse("-") + "]";
    }
}
