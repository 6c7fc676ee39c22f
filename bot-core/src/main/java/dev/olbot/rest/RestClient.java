package dev.olbot.rest;

import dev.olbot.event.Portal;
import dev.olbot.rest.internal.RestClientImpl;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The Bitrix24 REST client: any method by name, per-portal pacing, OAuth refresh, safe retries,
 * batching and coalescing.
 *
 * <p><b>Threading.</b> Every method may be called from any thread. Futures complete on a Vert.x
 * thread: do not block in their callbacks. {@link #callBlocking} is for handler code that runs off
 * the event loop (worker or virtual thread) and refuses to run on an event-loop thread.
 *
 * <p><b>What is retried.</b> A call the portal rejected before running it (rate limit), a call
 * that never reached it (connection refused), a held method ({@code OPERATION_TIME_LIMIT}) and a
 * call with an expired token (once, after one shared refresh) are sent again without the caller
 * noticing — but never past the call's {@link CallOptions#deadline() deadline}, which fails it with
 * {@link DeadlineExceededException} (not executed). A read with no answer (or a 500) is sent again.
 * A write with no answer, or answered by a 500 or a body that is not the platform's envelope —
 * each command of a coalesced {@code batch} alike — fails with {@link CallOutcomeUnknownException}
 * and is never sent again by the client (see the package documentation for why).
 */
public interface RestClient extends RestCaller {

    static RestClient create(Vertx vertx, Consumer<RestClientOptions> configure) {
        RestClientOptions options = new RestClientOptions();
        configure.accept(options);
        return new RestClientImpl(vertx, options);
    }

    /** {@link #call(String, String, Map, CallOptions)} without options. */
    @Override
    default Future<RestResponse> call(String portal, String method, Map<String, ?> params) {
        return call(portal, method, params, CallOptions.NONE);
    }

    /**
     * Calls a method on one portal. The call waits in the portal's queue while the bucket is full.
     *
     * <p><b>Idempotency key.</b> Within this client instance and for its last
     * {@link RestClientOptions#idempotencyCapacity} keys: a second call with the key of a call that
     * is in flight or succeeded gets that call's result and sends nothing; a second call with the
     * key of a call whose outcome is unknown fails with {@link CallOutcomeUnknownException} and
     * sends nothing (check the portal, then {@link #forgetIdempotencyKey} to send anyway); a key
     * whose call failed with a platform error is forgotten, so it may be sent again. Nothing is
     * guaranteed across processes or restarts, and the portal itself does not deduplicate.
     */
    Future<RestResponse> call(String portal, String method, Map<String, ?> params, CallOptions options);

    default CompletionStage<RestResponse> callAsync(String portal, String method, Map<String, ?> params) {
        return call(portal, method, params).toCompletionStage();
    }

    default CompletionStage<RestResponse> callAsync(String portal, String method, Map<String, ?> params, CallOptions options) {
        return call(portal, method, params, options).toCompletionStage();
    }

    /**
     * Calls and waits. Throws {@link RestException} (or a subclass) as the future would fail.
     *
     * @throws IllegalStateException on a Vert.x event-loop thread, where blocking would stall every
     *                               other event of that loop
     */
    default RestResponse callBlocking(String portal, String method, Map<String, ?> params, CallOptions options) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("callBlocking(" + method + ") on a Vert.x event-loop thread would block it; "
                    + "use call(...) or run handler code on a worker or virtual thread");
        }
        try {
            return call(portal, method, params, options).toCompletionStage().toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    default RestResponse callBlocking(String portal, String method, Map<String, ?> params) {
        return callBlocking(portal, method, params, CallOptions.NONE);
    }

    /**
     * Sends the commands as {@code batch} requests of at most 50 (in order, one after the other).
     * Each command's result or error is reported under its key. With {@code halt}, commands after a
     * failed one are reported as {@code NOT_EXECUTED}. {@code $result[key]} references only work
     * within one chunk of 50.
     */
    Future<BatchResult> batch(String portal, Map<String, Call> commands, boolean halt);

    /**
     * Confirms an {@code ONAPPINSTALL} through the trusted authorisation server ({@code app.info}
     * with the install's access token) and, only then, stores its tokens. Fails with
     * {@link InstallNotConfirmedException} when the server does not vouch for this application on
     * the portal and endpoints the event names; nothing is stored then.
     */
    Future<PortalCredentials> confirmInstall(Portal portal, dev.olbot.event.Credentials credentials);

    /**
     * Stores tokens the caller already trusts (e.g. from its own OAuth flow) before the first call
     * for that portal. An event's tokens go through {@link #confirmInstall} instead.
     */
    Future<Void> registerInstall(Portal portal, String accessToken, String refreshToken, long expiresInSeconds, String applicationToken);

    /**
     * Stores the tokens an install or app event carried ({@code auth[...]}); fails when the event
     * carried none (webhook-registered bots, automation).
     */
    default Future<Void> registerInstall(Portal portal, dev.olbot.event.Credentials credentials) {
        if (!credentials.hasTokens()) {
            return Future.failedFuture(new IllegalArgumentException("the event for portal " + portal.key() + " carries no OAuth tokens"));
        }
        return registerInstall(portal, credentials.accessToken().get(), credentials.refreshToken().orElse(""),
                credentials.expiresIn().orElse(3600), credentials.applicationToken().orElse(""));
    }

    /** Lets a call with {@code key} be sent again, e.g. after checking that the earlier one did not run. */
    void forgetIdempotencyKey(String portal, String key);

    /** The last {@code time.operating} (seconds) the portal reported for {@code method}. */
    Optional<Double> operatingTime(String portal, String method);

    /** Helpers that walk list methods page by page through this client. */
    default RestPages pages() {
        return new RestPages(this);
    }

    /** Closes the HTTP connections; calls waiting in queues are failed. */
    Future<Void> close();
}
