package dev.olbot.bot;

import dev.olbot.rest.RestCaller;
import dev.olbot.rest.RestException;
import dev.olbot.rest.RestResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The ordered effects of one turn. {@link #flush()} sends them one after another (each waits for
 * the previous, so a dialog's messages reach the client in the order they were made) through the
 * REST client — which paces them and may coalesce many dialogs' calls into one {@code batch}.
 */
final class Outbox {

    private final RestCaller rest;
    private final String portal;
    private final long timeoutMillis;
    private final ArrayDeque<Action> queue = new ArrayDeque<>();
    private final List<Action> sent = new ArrayList<>();
    private final Runnable beforeFirstCall;
    private boolean called;

    /** @param beforeFirstCall runs once, before the turn's first call leaves (may throw to stop the turn sending anything) */
    Outbox(RestCaller rest, String portal, long timeoutMillis, Runnable beforeFirstCall) {
        this.rest = rest;
        this.portal = portal;
        this.timeoutMillis = timeoutMillis;
        this.beforeFirstCall = beforeFirstCall;
    }

    void add(Action action) {
        queue.add(action);
    }

    /** Sends everything queued; stops at and throws the first failure (the rest stays queued). */
    void flush() {
        while (!queue.isEmpty()) {
            Action action = queue.peek();
            RestResponse response = call(action);
            queue.poll();
            sent.add(action);
            if (response != null) {
                action.onSuccess().accept(response);
            }
        }
    }

    /** Sends one call now, after everything queued before it. */
    RestResponse callNow(Action action) {
        flush();
        RestResponse response = call(action);
        sent.add(action);
        if (response != null) {
            action.onSuccess().accept(response);
        }
        return response;
    }

    /** Drops what was not sent (after a failure the error policy starts a clean outbox). */
    void discard() {
        queue.clear();
    }

    List<Action> sent() {
        return List.copyOf(sent);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    private RestResponse call(Action action) {
        if (!called) {
            beforeFirstCall.run();
            called = true;
        }
        try {
            return rest.call(portal, action.method(), action.params()).toCompletionStage().toCompletableFuture()
                    .get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RestException re && action.alreadyDone().test(re)) {
                return null;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(action.method() + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new RestException(action.method(), 0, "OUTCOME_UNKNOWN",
                    "no answer within " + timeoutMillis + " ms; the call may or may not have been executed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + action.method(), e);
        }
    }
}
