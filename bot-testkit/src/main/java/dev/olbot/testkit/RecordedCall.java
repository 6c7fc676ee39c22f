package dev.olbot.testkit;

import java.time.Instant;
import java.util.Map;

/**
 * One REST call as the fake saw it, immutable. {@code params} are the parameters exactly as sent
 * (keys as given, values as decoded from JSON or form), without {@code auth}.
 *
 * @param seq      order of arrival, from 1
 * @param method   the method name, lower-cased as the platform routes it
 * @param params   parameters (deeply unmodifiable)
 * @param auth     how the call authenticated
 * @param portal   {@code member_id} of the portal, or "" when none could be resolved
 * @param at       virtual time of arrival
 * @param status   HTTP status answered (0 when no response was sent: dropped or timed out)
 * @param error    the {@code error} code answered, or "" on success
 * @param viaBatch the batch command key when the call was a command of a {@code batch}, else ""
 */
public record RecordedCall(long seq, String method, Map<String, Object> params, AuthKind auth, String portal,
                           Instant at, int status, String error, String viaBatch) {

    /** A parameter as a string, or null when absent; looks the key up exactly, then ignoring case. */
    public String param(String key) {
        Object v = Params.lookup(params, key);
        return v == null ? null : Params.scalar(v);
    }

    @Override
    public String toString() {
        return method + " " + params + " [" + auth + (portal.isEmpty() ? "" : " " + portal) + ", HTTP " + status
                + (error.isEmpty() ? "" : " " + error) + (viaBatch.isEmpty() ? "" : ", batch cmd " + viaBatch) + "]";
    }
}
