package dev.olbot.state;

import java.util.Map;
import java.util.Optional;

/**
 * Everything OLBot keeps about one dialog: owner, the open-line session it belongs to, the flow
 * position, user variables, failure count, a pending timeout, and a version for optimistic updates.
 * Immutable; {@code with*} methods return a copy with the version unchanged (the store bumps it).
 *
 * @param timeoutAtMillis when the pending timeout fires (epoch millis of the bot's clock), or 0
 * @param timeoutName     which timeout: a flow's name, or a name given to {@code ctx.timeout(...)}
 */
public record DialogState(
        DialogKey key,
        long version,
        Owner owner,
        long sessionId,
        FlowPosition flow,
        Map<String, String> vars,
        int failures,
        long timeoutAtMillis,
        String timeoutName) {

    public DialogState {
        vars = OrderedPairs.copyOf(vars); // compact: a dialog carries a handful of variables
        timeoutName = timeoutName == null ? "" : timeoutName;
    }

    /** A new dialog: owned by the bot, no flow, no variables. */
    public static DialogState fresh(DialogKey key) {
        return new DialogState(key, 0, Owner.BOT, 0, null, Map.of(), 0, 0, "");
    }

    public Optional<FlowPosition> flowPosition() {
        return Optional.ofNullable(flow);
    }

    public DialogState withOwner(Owner owner) {
        return new DialogState(key, version, owner, sessionId, flow, vars, failures, timeoutAtMillis, timeoutName);
    }

    public DialogState withSession(long sessionId) {
        return new DialogState(key, version, owner, sessionId, flow, vars, failures, timeoutAtMillis, timeoutName);
    }

    public DialogState withFlow(FlowPosition flow) {
        return new DialogState(key, version, owner, sessionId, flow, vars, failures, timeoutAtMillis, timeoutName);
    }

    public DialogState withVar(String name, String value) {
        Map<String, String> next;
        if (value == null) {
            next = new java.util.LinkedHashMap<>(vars);
            next.remove(name);
        } else {
            next = OrderedPairs.with(vars, name, value);
        }
        return new DialogState(key, version, owner, sessionId, flow, next, failures, timeoutAtMillis, timeoutName);
    }

    public DialogState withVars(Map<String, String> vars) {
        return new DialogState(key, version, owner, sessionId, flow, vars, failures, timeoutAtMillis, timeoutName);
    }

    public DialogState withFailures(int failures) {
        return new DialogState(key, version, owner, sessionId, flow, vars, failures, timeoutAtMillis, timeoutName);
    }

    public DialogState withTimeout(long atMillis, String name) {
        return new DialogState(key, version, owner, sessionId, flow, vars, failures, atMillis, name);
    }

    public DialogState withoutTimeout() {
        return withTimeout(0, "");
    }

    public DialogState withVersion(long version) {
        return new DialogState(key, version, owner, sessionId, flow, vars, failures, timeoutAtMillis, timeoutName);
    }
}
