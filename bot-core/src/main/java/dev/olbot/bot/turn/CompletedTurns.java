package dev.olbot.bot.turn;

import dev.olbot.event.BotEvent;
import dev.olbot.outbound.SentCalls;
import dev.olbot.state.DialogState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns that run again after they were complete. An event is handled at least once: a turn whose
 * state was saved but whose event was not yet marked handled when its instance died runs again. With
 * outbound idempotency on ({@link dev.olbot.bot.BotEngine.Options#sentCalls}), a dialog's state remembers the last
 * {@value #KEPT} events whose turns it saved ({@value #VAR}: 48-bit hashes of their dedupe keys, 13
 * characters each), atomically with the save, and a turn for one of them is skipped; a turn re-run
 * before its save finds its confirmed calls recorded.
 */
final class CompletedTurns {

    static final String VAR = "olbot.done";
    static final int KEPT = 4;

    private CompletedTurns() {}

    /** Thrown by a turn whose event the dialog's state already records as handled. */
    static final class AlreadyHandled extends RuntimeException {
        AlreadyHandled(String key) {
            super("already handled: " + key, null, false, false);
        }
    }

    /**
     * What identifies a turn across its runs: the event's dedupe key, or for a timeout the dialog,
     * the timeout's name and its due time. Empty for an event without an id.
     */
    static Optional<String> turnKey(BotEvent event, DialogState state) {
        if (TimeoutTurns.TYPE.equals(event.meta().type())) {
            return state.timeoutAtMillis() == 0 ? Optional.empty() : Optional.of(state.key().portal() + "/" + state.key().dialogId()
                    + "/timeout/" + state.timeoutName() + "@" + state.timeoutAtMillis());
        }
        return event.dedupeKey();
    }

    static boolean done(DialogState state, String eventKey) {
        String kept = state.vars().get(VAR);
        return kept != null && Arrays.asList(kept.split(" ")).contains(hash(eventKey));
    }

    /** The state with {@code eventKey} recorded as handled (the oldest of {@value #KEPT} dropped). */
    static DialogState markDone(DialogState state, String eventKey) {
        String kept = state.vars().get(VAR);
        List<String> keys = new ArrayList<>(kept == null || kept.isEmpty() ? List.of() : Arrays.asList(kept.split(" ")));
        String h = hash(eventKey);
        keys.remove(h);
        keys.add(h);
        while (keys.size() > KEPT) {
            keys.remove(0);
        }
        return state.withVar(VAR, String.join(" ", keys));
    }

    /** 48 bits of the key's SHA-256 in hex: among a dialog's last few events a collision is out of reach. */
    private static String hash(String eventKey) {
        return SentCalls.fingerprint(java.util.Map.of("k", eventKey)).substring(0, 12);
    }
}
