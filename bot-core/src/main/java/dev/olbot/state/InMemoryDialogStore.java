package dev.olbot.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/** Dialog states in this process's memory, with an index of pending timeouts. Thread-safe. */
public class InMemoryDialogStore implements DialogStore {

    private final Map<DialogKey, DialogState> states = new ConcurrentHashMap<>();
    /**
     * Pending timeouts: the states themselves, by due time then key (no extra object per dialog). A
     * state with a {@code null} key sorts after every key of its time (a search bound).
     */
    private final ConcurrentSkipListSet<DialogState> timeouts = new ConcurrentSkipListSet<>(InMemoryDialogStore::byDue);

    private static int byDue(DialogState a, DialogState b) {
        int c = Long.compare(a.timeoutAtMillis(), b.timeoutAtMillis());
        DialogKey x = a.key();
        DialogKey y = b.key();
        if (c != 0 || x == y) {
            return c;
        }
        if (x == null || y == null) {
            return x == null ? 1 : -1;
        }
        c = x.portal().compareTo(y.portal());
        if (c == 0) {
            c = Long.compare(x.botId(), y.botId());
        }
        return c != 0 ? c : x.dialogId().compareTo(y.dialogId());
    }

    @Override
    public Optional<DialogState> get(DialogKey key) {
        return Optional.ofNullable(states.get(key));
    }

    @Override
    public Optional<DialogState> save(DialogState next) {
        DialogState[] stored = new DialogState[1];
        DialogState[] previous = new DialogState[1];
        states.compute(next.key(), (k, current) -> {
            long currentVersion = current == null ? 0 : current.version();
            if (currentVersion != next.version()) {
                return current;
            }
            previous[0] = current;
            stored[0] = next.withVersion(currentVersion + 1);
            return stored[0];
        });
        if (stored[0] == null) {
            return Optional.empty();
        }
        reindex(previous[0], stored[0]);
        saved(stored[0]);
        return Optional.of(stored[0]);
    }

    /** Hook for persistent subclasses: called after a successful save, outside the map lock. */
    protected void saved(DialogState state) {}

    /** Hook for persistent subclasses: called after a delete. */
    protected void deleted(DialogKey key) {}

    /** Puts a state as loaded from storage, keeping its version. */
    protected void load(DialogState state) {
        DialogState previous = states.put(state.key(), state);
        reindex(previous, state);
    }

    private void reindex(DialogState previous, DialogState next) {
        if (previous != null && previous.timeoutAtMillis() > 0) {
            timeouts.remove(previous);
        }
        if (next != null && next.timeoutAtMillis() > 0) {
            timeouts.add(next);
        }
    }

    @Override
    public void delete(DialogKey key) {
        DialogState previous = states.remove(key);
        reindex(previous, null);
        if (previous != null) {
            deleted(key);
        }
    }

    @Override
    public List<DialogState> dueTimeouts(long nowMillis) {
        List<DialogState> due = new ArrayList<>();
        DialogState bound = new DialogState(null, 0, Owner.BOT, 0, null, Map.of(), 0, nowMillis, "");
        for (DialogState d : timeouts.headSet(bound, true)) {
            DialogState s = states.get(d.key());
            if (s != null && s.timeoutAtMillis() == d.timeoutAtMillis()) {
                due.add(s);
            } else {
                timeouts.remove(d);
            }
        }
        return due;
    }

    @Override
    public void deletePortal(String portal) {
        for (DialogKey key : List.copyOf(states.keySet())) {
            if (key.portal().equals(portal)) {
                delete(key);
            }
        }
    }

    @Override
    public int size() {
        return states.size();
    }

    /** All states, for persistence. */
    protected Iterable<DialogState> all() {
        return states.values();
    }
}
