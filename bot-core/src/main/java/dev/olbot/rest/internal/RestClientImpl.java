package dev.olbot.rest.internal;

import dev.olbot.event.Portal;
import dev.olbot.rest.BatchResult;
import dev.olbot.rest.Call;
import dev.olbot.rest.CallOptions;
import dev.olbot.rest.CallOutcomeUnknownException;
import dev.olbot.rest.PortalCredentials;
import dev.olbot.rest.RestClient;
import dev.olbot.rest.RestClientOptions;
import dev.olbot.rest.RestClock;
import dev.olbot.rest.RestException;
import dev.olbot.rest.RestResponse;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The {@link RestClient} behind {@link RestClient#create}. */
public final class RestClientImpl implements RestClient {

    private final RestClientOptions options;
    private final RestClock clock;
    private final HttpTransport transport;
    private final Auth auth;
    private final OAuthTokens tokens;
    private final Sender sender;
    private final IdempotencyRegistry idempotency;
    private final ConcurrentHashMap<String, PortalLane> lanes = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean closed;

    public RestClientImpl(Vertx vertx, RestClientOptions options) {
        if (options.oauth().isPresent() == options.webhook().isPresent()) {
            throw new IllegalArgumentException("configure exactly one of oauth(clientId, clientSecret) and webhook(credentials)");
        }
        this.options = options;
        this.clock = options.clock().orElseGet(() -> RestClock.system(vertx));
        this.transport = new HttpTransport(vertx, options.maxConnectionsPerHost(), options.userAgent());
        long timeoutMs = options.requestTimeout().toMillis();
        if (options.oauth().isPresent()) {
            this.tokens = new OAuthTokens(vertx, options.tokenStore(), options.oauth().get(), options.oauthServers(), transport, clock, timeoutMs);
            this.auth = tokens;
        } else {
            this.tokens = null;
            this.auth = new WebhookAuth(options.webhook().get());
        }
        this.sender = new Sender(transport, auth, new Sender.Policy(timeoutMs, options.retries(), options.backoffBase().toMillis(), options.limitRetries()));
        this.idempotency = new IdempotencyRegistry(options.idempotencyCapacity());
    }

    @Override
    public Future<RestResponse> call(String portal, String method, Map<String, ?> params, CallOptions callOptions) {
        Objects.requireNonNull(portal, "portal");
        Objects.requireNonNull(method, "method");
        CallOptions opts = callOptions == null ? CallOptions.NONE : callOptions;
        if (opts.idempotencyKey().isPresent()) {
            return idempotency.run(portal + "\u0000" + opts.idempotencyKey().get(), method, () -> enqueue(portal, method, params, opts));
        }
        return enqueue(portal, method, params, opts);
    }

    private Future<RestResponse> enqueue(String portal, String method, Map<String, ?> params, CallOptions opts) {
        if (closed) {
            return Future.failedFuture(new RestException(method, 0, "CLIENT_CLOSED", "the REST client is closed"));
        }
        Promise<RestResponse> promise = Promise.promise();
        lane(portal).submit(new Job(sequence.incrementAndGet(), portal, method, params, opts, promise));
        return promise.future();
    }

    private PortalLane lane(String portal) {
        return lanes.computeIfAbsent(portal, p -> new PortalLane(p, clock, options.rateLimit(), options.coalescing(), sender));
    }

    @Override
    public Future<BatchResult> batch(String portal, Map<String, Call> commands, boolean halt) {
        List<Map<String, Call>> chunks = new ArrayList<>();
        Map<String, Call> chunk = new LinkedHashMap<>();
        for (Map.Entry<String, Call> e : commands.entrySet()) {
            chunk.put(e.getKey(), e.getValue());
            if (chunk.size() == PortalLane.MAX_BATCH) {
                chunks.add(chunk);
                chunk = new LinkedHashMap<>();
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        Map<String, RestResponse> results = new LinkedHashMap<>();
        Map<String, RestException> errors = new LinkedHashMap<>();
        Future<Void> chain = Future.succeededFuture();
        for (Map<String, Call> c : chunks) {
            chain = chain.compose(x -> {
                if (halt && !errors.isEmpty()) {
                    c.forEach((key, call) -> errors.put(key, new RestException(call.method(), 0, BatchCodec.NOT_EXECUTED,
                            "not sent: an earlier command of the halted batch failed")));
                    return Future.succeededFuture();
                }
                Map<String, Call> decorated = new LinkedHashMap<>();
                c.forEach((key, call) -> decorated.put(key, Call.of(call.method(), auth.decorate(call.method(), call.params()))));
                return call(portal, "batch", BatchCodec.params(decorated, halt)).transform(ar -> {
                    if (ar.succeeded()) {
                        BatchCodec.split(ar.result().result(), c, 200).forEach((key, outcome) -> {
                            outcome.response().ifPresent(r -> results.put(key, r));
                            outcome.error().ifPresent(e -> errors.put(key, e));
                        });
                    } else {
                        c.forEach((key, call) -> errors.put(key, commandError(call.method(), key, ar.cause())));
                    }
                    return Future.succeededFuture();
                });
            });
        }
        return chain.map(x -> new BatchResult(results, errors));
    }

    /** A command's share of a failed {@code batch} request: unknown stays unknown, anything else keeps its code. */
    private static RestException commandError(String method, String key, Throwable cause) {
        if (cause instanceof CallOutcomeUnknownException) {
            return new CallOutcomeUnknownException(method, "command '" + key + "' was in a batch whose outcome is unknown ("
                    + cause.getMessage() + "); it may or may not have run", cause);
        }
        if (cause instanceof RestException e) {
            return new RestException(method, e.httpStatus(), e.error(), "command '" + key + "' was not run: the batch failed ("
                    + e.errorDescription() + ")", e);
        }
        return new RestException(method, 0, "BATCH_FAILED", "command '" + key + "': " + cause, cause);
    }

    @Override
    public Future<Void> registerInstall(Portal portal, String accessToken, String refreshToken, long expiresInSeconds, String applicationToken) {
        if (tokens == null) {
            return Future.failedFuture(new IllegalStateException("registerInstall needs an OAuth client; this one uses a webhook"));
        }
        return tokens.register(PortalCredentials.of(portal, accessToken, refreshToken, clock.now().plusSeconds(expiresInSeconds), applicationToken));
    }

    @Override
    public Future<PortalCredentials> confirmInstall(Portal portal, dev.olbot.event.Credentials credentials) {
        if (tokens == null) {
            return Future.failedFuture(new IllegalStateException("confirmInstall needs an OAuth client; this one uses a webhook"));
        }
        return tokens.confirm(portal, credentials.accessToken().orElse(""), credentials.refreshToken().orElse(""),
                credentials.expiresIn().orElse(3600), credentials.applicationToken().orElse(""));
    }

    @Override
    public void forgetIdempotencyKey(String portal, String key) {
        idempotency.forget(portal + "\u0000" + key);
    }

    @Override
    public Optional<Double> operatingTime(String portal, String method) {
        PortalLane lane = lanes.get(portal);
        return lane == null ? Optional.empty() : lane.operating(method);
    }

    @Override
    public Future<Void> close() {
        closed = true;
        for (PortalLane lane : lanes.values()) {
            for (Job job : lane.drain()) {
                job.promise().tryFail(new RestException(job.method(), 0, "CLIENT_CLOSED", "the REST client was closed before the call was sent"));
            }
        }
        return transport.close();
    }
}
