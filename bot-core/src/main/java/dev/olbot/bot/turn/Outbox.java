package dev.olbot.bot.turn;

import dev.olbot.bot.Action;
import dev.olbot.bot.CallOutcome;
import com.fasterxml.jackson.databind.node.LongNode;
import dev.olbot.outbound.SentCalls;
import dev.olbot.rest.CallOptions;
import dev.olbot.rest.CallOutcomeUnknownException;
import dev.olbot.rest.RestCaller;
import dev.olbot.rest.RestException;
import dev.olbot.rest.RestResponse;
import dev.olbot.wire.LogSafe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ordered effects of one turn. {@link #flush()} sends them one after another (each waits for
 * the previous, so a dialog's messages reach the client in the order they were made) through the
 * REST client — which paces them and may coalesce many dialogs' calls into one {@code batch}.
 *
 * <p><b>Delivery semantics.</b> Every call carries the turn's deadline and the dialog as its order
 * key: the client drops a call not sent by the deadline (it did not run) and never lets a later
 * call of the dialog leave before an earlier one finished. Each call ends {@link CallOutcome.Kind
 * DELIVERED}, {@link CallOutcome.Kind#REFUSED REFUSED} or {@link CallOutcome.Kind#UNKNOWN UNKNOWN}:
 * <ul>
 *   <li>an answer, or an error the action tolerates, is delivered;</li>
 *   <li>a platform error, or a deadline that passed before sending, is refused — {@link #flush()}
 *       throws it and the turn's error policy runs (the client is told);</li>
 *   <li>no answer (a 500, a dropped connection, a timeout — a {@code batch} runs its commands one
 *       after another in one request, so one such fault leaves every command in it open) is
 *       resolved before anything else happens: a bot message is looked for in the dialog
 *       ({@link ReplyLookup}); found is delivered, absent is sent again (up to
 *       {@value #ATTEMPTS} attempts, never when the lost request may still be running), and
 *       a lookup that cannot tell leaves the outcome unknown. Calls whose repetition is harmless
 *       (typing, {@code imopenlines.bot.session.operator}, which answers {@code WRONG_CHAT} when
 *       already done) are simply sent again. An unknown outcome is recorded, never apologised
 *       for, and the turn goes on.</li>
 * </ul>
 */
final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    static final int ATTEMPTS = 3;
    private static final Set<String> REPEATABLE = Set.of("imbot.chat.sendTyping", "imbot.v2.Chat.InputAction.notify",
            "imopenlines.bot.session.operator");

    private final RestCaller rest;
    private final String portal;
    private final Optional<String> orderKey;
    private final Clock clock;
    private final Duration turnDeadline;
    private final long waitMillis;
    private final ReplyLookup lookup;
    private final ArrayDeque<Action> queue = new ArrayDeque<>();
    private final List<Action> sent = new ArrayList<>();
    private final List<CallOutcome> outcomes = new ArrayList<>();
    private Instant deadline;
    private Runnable beforeFirstCall = () -> {};
    private boolean called;
    private SentCalls sentCalls = SentCalls.none();
    private String turnKey;
    private int ordinal;

    /**
     * @param waitMillis how long past the deadline the turn waits for one call's answer before it
     *                   records the call as unknown without looking (the call may still be in flight)
     */
    Outbox(RestCaller rest, String portal, Optional<String> orderKey, Clock clock, Duration turnDeadline, long waitMillis,
           ReplyLookup lookup) {
        this.rest = rest;
        this.portal = portal;
        this.orderKey = orderKey;
        this.clock = clock;
        this.turnDeadline = turnDeadline;
        this.waitMillis = waitMillis;
        this.lookup = lookup;
        this.deadline = clock.instant().plus(turnDeadline);
    }

    void add(Action action) {
        queue.add(action);
    }

    /** A fresh deadline from now (the error policy's words are a new piece of the turn). */
    void renewDeadline() {
        deadline = clock.instant().plus(turnDeadline);
    }

    /** Runs once, before the turn's first call leaves (the engine checks there that no other instance saved the dialog). */
    void beforeFirstCall(Runnable check) {
        this.beforeFirstCall = check;
    }

    /**
     * Gives each call of the turn the idempotency key {@code <turnKey>#<n>}: a call confirmed in an
     * earlier run of this turn (recorded in {@code calls}) is not sent again, its recorded result stands in.
     */
    void idempotent(SentCalls calls, String turnKey) {
        this.sentCalls = calls;
        this.turnKey = turnKey;
    }

    /** Sends everything queued; stops at and throws the first refused call (the rest stays queued). */
    void flush() {
        while (!queue.isEmpty()) {
            Action action = queue.peek();
            CallOutcome outcome = deliver(action);
            queue.poll();
            if (outcome.kind() == CallOutcome.Kind.REFUSED) {
                throw outcome.error().orElseThrow();
            }
        }
    }

    /** Sends one call now, after everything queued before it; throws unless it was delivered. */
    RestResponse callNow(Action action) {
        flush();
        CallOutcome outcome = deliver(action);
        if (outcome.kind() != CallOutcome.Kind.DELIVERED) {
            throw outcome.error().orElseThrow();
        }
        return outcome.response().orElse(null);
    }

    /** Drops what was not sent (after a failure the error policy starts a clean outbox). */
    void discard() {
        queue.clear();
    }

    List<Action> sent() {
        return List.copyOf(sent);
    }

    List<CallOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    private CallOutcome deliver(Action action) {
        if (!called) {
            beforeFirstCall.run(); // may throw: the turn then sends nothing
            called = true;
        }
        String key = turnKey == null ? null : turnKey + "#" + (++ordinal);
        String fingerprint = key == null ? null : SentCalls.fingerprint(action.params());
        Optional<SentCalls.Sent> earlier = key == null ? Optional.empty()
                : sentCalls.find(key).filter(s -> s.sameCall(action.method(), fingerprint));
        CallOutcome outcome;
        if (earlier.isPresent()) {
            LOG.info("{} in dialog {} of portal {} was confirmed in an earlier run of this turn: not sent again", action.method(),
                    orderKey.orElse("-"), portal);
            outcome = CallOutcome.delivered(action, recorded(action, earlier.get()));
        } else {
            outcome = attempt(action);
            if (key != null && outcome.kind() == CallOutcome.Kind.DELIVERED) {
                sentCalls.record(key, new SentCalls.Sent(action.method(), fingerprint,
                        outcome.response().map(r -> String.valueOf(r.result())).orElse(null)));
            }
        }
        outcomes.add(outcome);
        if (outcome.kind() != CallOutcome.Kind.REFUSED) {
            sent.add(action);
        }
        if (outcome.kind() == CallOutcome.Kind.UNKNOWN) {
            LOG.warn("{} in dialog {} of portal {}: outcome unknown, not repeated and not apologised for: {}", action.method(),
                    orderKey.orElse("-"), portal, LogSafe.escape(outcome.error().map(Throwable::getMessage).orElse("")));
        }
        if (outcome.kind() == CallOutcome.Kind.DELIVERED && outcome.response().isPresent()) {
            action.onSuccess().accept(outcome.response().get());
        }
        return outcome;
    }

    private static RestResponse recorded(Action action, SentCalls.Sent sent) {
        if (sent.result() == null) {
            return null;
        }
        try {
            return new RestResponse(action.method(), JSON.readTree(sent.result()), Optional.empty(), Optional.empty(), Optional.empty());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private CallOutcome attempt(Action action) {
        RestException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant at = deadline;
            try {
                RestResponse response = rest.call(portal, action.method(), action.params(),
                                CallOptions.NONE.withDeadline(at).withOrderKey(orderKey.orElse(null)))
                        .toCompletionStage().toCompletableFuture().get(waitFor(at), TimeUnit.MILLISECONDS);
                return CallOutcome.delivered(action, response);
            } catch (ExecutionException e) {
                RestException error = asRestException(action, e.getCause());
                if (action.alreadyDone().test(error)) {
                    return CallOutcome.delivered(action, null);
                }
                if (!(error instanceof CallOutcomeUnknownException unknown)) {
                    return CallOutcome.refused(action, error);
                }
                last = error;
                if (REPEATABLE.contains(action.method())) {
                    continue;
                }
                if (!ReplyLookup.checks(action) || lookup == null) {
                    return CallOutcome.unknown(action, error);
                }
                ReplyLookup.Result found = lookup.find(action, earlierCopies(action), clock.instant().plus(turnDeadline));
                if (found.state() == ReplyLookup.State.FOUND) {
                    return CallOutcome.delivered(action, new RestResponse(action.method(), LongNode.valueOf(found.messageId()),
                            Optional.empty(), Optional.empty(), Optional.empty()));
                }
                if (found.state() == ReplyLookup.State.UNRESOLVED || unknown.mayStillRun()) {
                    return CallOutcome.unknown(action, new CallOutcomeUnknownException(action.method(), error.errorDescription()
                            + (found.state() == ReplyLookup.State.UNRESOLVED ? "; checking the dialog did not tell: " + found.why()
                            : "; the reply is not in the dialog yet, but the request may still be running, so it is not sent again"),
                            error, unknown.mayStillRun()));
                }
                // absent and the request is over: it did not run; send it again
            } catch (TimeoutException e) {
                return CallOutcome.unknown(action, new CallOutcomeUnknownException(action.method(),
                        "no answer within the turn's wait; the call may still be queued or in flight", e, true));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while calling " + action.method(), e);
            }
        }
        if (REPEATABLE.contains(action.method())) {
            return CallOutcome.unknown(action, last);
        }
        return CallOutcome.refused(action, new RestException(action.method(), 0, "NOT_DELIVERED", "sent " + ATTEMPTS
                + " times without an answer and not found in the dialog after any of them", last));
    }

    /** How many copies of the same reply this turn already delivered (so an identical text is not mistaken for it). */
    private int earlierCopies(Action action) {
        int n = 0;
        for (CallOutcome o : outcomes) {
            if (o.kind() == CallOutcome.Kind.DELIVERED && ReplyLookup.sameReply(o.action(), action)) {
                n++;
            }
        }
        return n;
    }

    private long waitFor(Instant at) {
        long untilDeadline = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        return untilDeadline + waitMillis;
    }

    /** The call's error; anything else (a bug in a caller, a bad argument) is thrown as it is. */
    private static RestException asRestException(Action action, Throwable cause) {
        if (cause instanceof RestException re) {
            return re;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        throw new IllegalStateException(action.method() + " failed: " + cause, cause);
    }
}
