package dev.olbot.trace;

import dev.olbot.wire.LogSafe;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last turns of recently active dialogs, for a person looking into a client's complaint: what
 * arrived, which route the bot took and why, which calls it made and how they ended. Memory is
 * bounded: at most {@code maxDialogs} dialogs (the least recently active is forgotten first), at
 * most {@code turnsPerDialog} turns each, client text cut to {@value #MAX_TEXT} characters, at most
 * {@value #MAX_CALLS} calls per turn. {@link #off()} keeps nothing. Thread-safe.
 */
public final class TurnTrace {

    public static final int MAX_TEXT = 200;
    public static final int MAX_CALLS = 20;

    private static final TurnTrace OFF = new TurnTrace(0, 0);

    private final int maxDialogs;
    private final int turnsPerDialog;
    private final LinkedHashMap<String, ArrayDeque<Turn>> dialogs;

    private TurnTrace(int maxDialogs, int turnsPerDialog) {
        this.maxDialogs = maxDialogs;
        this.turnsPerDialog = turnsPerDialog;
        this.dialogs = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Turn>> eldest) {
                return size() > TurnTrace.this.maxDialogs;
            }
        };
    }

    /** Keeps the last {@code turnsPerDialog} turns of the last {@code maxDialogs} active dialogs. */
    public static TurnTrace create(int maxDialogs, int turnsPerDialog) {
        if (maxDialogs < 1 || turnsPerDialog < 1) {
            throw new IllegalArgumentException("TurnTrace: maxDialogs and turnsPerDialog must be >= 1, were " + maxDialogs
                    + " and " + turnsPerDialog);
        }
        return new TurnTrace(maxDialogs, turnsPerDialog);
    }

    /** Keeps nothing (the default). */
    public static TurnTrace off() {
        return OFF;
    }

    public boolean enabled() {
        return maxDialogs > 0;
    }

    /** Records one turn of a dialog ({@code portal} and {@code dialogId} as the state store keys it). */
    public void record(String portal, String dialogId, Turn turn) {
        if (!enabled() || dialogId.isEmpty()) {
            return;
        }
        synchronized (dialogs) {
            ArrayDeque<Turn> turns = dialogs.computeIfAbsent(portal + "/" + dialogId, k -> new ArrayDeque<>());
            turns.addLast(turn);
            while (turns.size() > turnsPerDialog) {
                turns.removeFirst();
            }
        }
    }

    /** The kept turns of every dialog with this id (one per portal, usually one), oldest first. */
    public Map<String, List<Turn>> dialog(String dialogId) {
        Map<String, List<Turn>> out = new LinkedHashMap<>();
        synchronized (dialogs) {
            for (Map.Entry<String, ArrayDeque<Turn>> e : dialogs.entrySet()) {
                int slash = e.getKey().indexOf('/');
                if (e.getKey().substring(slash + 1).equals(dialogId)) {
                    out.put(e.getKey().substring(0, slash), new ArrayList<>(e.getValue()));
                }
            }
        }
        return out;
    }

    /** How many dialogs are kept now. */
    public int size() {
        synchronized (dialogs) {
            return dialogs.size();
        }
    }

    /**
     * One turn.
     *
     * @param at     when it ended (the engine's clock)
     * @param event  the event name ({@code ONIMBOTMESSAGEADD}, {@code OLBOT.TIMEOUT})
     * @param text   what the client wrote, escaped and cut
     * @param route  the way through the bot and why ({@code keyword keywords [price] (score 1.00)}, {@code fallback (no intent matched)})
     * @param calls  the calls made, in order, each {@code method ok} or {@code method failed: reason}
     * @param owner  who owns the dialog after the turn
     * @param millis how long the turn took
     */
    public record Turn(Instant at, String event, String text, String route, List<String> calls, String owner, long millis) {
        public Turn {
            text = LogSafe.escape(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
            route = LogSafe.escape(route);
            calls = List.copyOf(calls.size() > MAX_CALLS ? calls.subList(0, MAX_CALLS) : calls);
        }
    }
}
