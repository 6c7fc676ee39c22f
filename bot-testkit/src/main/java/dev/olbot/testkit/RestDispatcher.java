package dev.olbot.testkit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The transport-free REST pipeline: method lookup, auth, rate limit, operating limit, faults,
 * execution under the account lock, recording, and the platform's envelopes.
 */
final class RestDispatcher {

    private final FakeBitrix24 fake;
    private final Map<String, MethodSpec> methods = new LinkedHashMap<>();
    private final AtomicLong seq = new AtomicLong();
    /** Batch commands are recorded after the batch call itself, so calls read in arrival order. */
    private final ThreadLocal<java.util.List<Runnable>> deferred = ThreadLocal.withInitial(java.util.ArrayList::new);

    RestDispatcher(FakeBitrix24 fake) {
        this.fake = fake;
    }

    MethodSpec define(String name) {
        MethodSpec spec = new MethodSpec(name);
        methods.put(spec.name, spec);
        return spec;
    }

    /** Every method this fake serves, in definition order. */
    java.util.Collection<MethodSpec> specs() {
        return java.util.Collections.unmodifiableCollection(methods.values());
    }

    boolean knows(String method) {
        return methods.containsKey(method.toLowerCase(Locale.ROOT));
    }

    /** Who is calling, resolved from the credentials. */
    record Caller(FakePortal portal, AuthKind kind, int userId) {}

    Outcome dispatch(String rawMethod, Map<String, Object> params, CallAuth auth) {
        String method = rawMethod.toLowerCase(Locale.ROOT);
        Instant at = fake.clock().instant();
        Caller caller = null;
        try {
            MethodSpec spec = methods.get(method);
            if (spec == null) {
                throw BitrixError.methodNotFound();
            }
            caller = resolve(auth);
            caller.portal().limits().admit();
            caller.portal().limits().checkOperating(method);
            Faults.Fault fault = fake.faults().take(method);
            if (fault != null && !fault.kind().executes()) {
                BitrixError e = refusal(fault.kind(), at);
                int status = fault.kind() == Faults.Kind.DROP_CONNECTION ? 0 : e.status();
                long call = record(method, params, auth.kind(), caller.portal(), at, status, e.code(), "");
                fake.faults().logInjected(method, fault.kind(), call);
                return new Outcome(status, e.body(), fault.kind(), new java.util.concurrent.CompletableFuture<>());
            }
            Object result = execute(spec, method, params, caller);
            Map<String, Object> body = envelope(result, at);
            if (fault == null) {
                record(method, params, auth.kind(), caller.portal(), at, 200, "", "");
                return Outcome.answer(200, body);
            }
            java.util.concurrent.CompletableFuture<Void> released = new java.util.concurrent.CompletableFuture<>();
            if (fault.kind() == Faults.Kind.DELAY) {
                // scheduled before the call is recorded, so a test that saw the call can advance past it
                fake.clock().schedule(fault.delay(), () -> released.complete(null));
            }
            if (fault.kind() == Faults.Kind.INTERNAL_ERROR_AFTER_EXECUTING) {
                BitrixError e = refusal(fault.kind(), at);
                long call = record(method, params, auth.kind(), caller.portal(), at, 500, e.code(), "");
                fake.faults().logInjected(method, fault.kind(), call);
                return new Outcome(500, e.body(), fault.kind(), released);
            }
            long call = record(method, params, auth.kind(), caller.portal(), at, fault.kind() == Faults.Kind.DELAY ? 200 : 0, "", "");
            fake.faults().logInjected(method, fault.kind(), call);
            return new Outcome(200, body, fault.kind(), released);
        } catch (BitrixError e) {
            record(method, params, auth.kind(), caller == null ? null : caller.portal(), at, e.status(), e.code(), "");
            return Outcome.answer(e.status(), e.body());
        }
    }

    /** Runs one batch command: no rate-limit charge (the batch was charged), own operating check. */
    Object executeInBatch(String key, String rawMethod, Map<String, Object> params, Caller caller) {
        String method = rawMethod.toLowerCase(Locale.ROOT);
        Instant at = fake.clock().instant();
        try {
            MethodSpec spec = methods.get(method);
            if (spec == null) {
                throw BitrixError.methodNotFound();
            }
            caller.portal().limits().checkOperating(method);
            Object result = execute(spec, method, params, caller);
            deferred.get().add(() -> record(method, params, caller.kind(), caller.portal(), at, 200, "", key));
            return result;
        } catch (BitrixError e) {
            deferred.get().add(() -> record(method, params, caller.kind(), caller.portal(), at, e.status(), e.code(), key));
            throw e;
        }
    }

    private Object execute(MethodSpec spec, String method, Map<String, Object> params, Caller caller) {
        if (spec.refusesSession && caller.kind() == AuthKind.SESSION) {
            throw BitrixError.wrongAuthType();
        }
        Map<String, Object> upper = Params.upper(params);
        Map<String, Object> effective = spec.raw ? params : upper;
        String appId = switch (caller.kind()) {
            case OAUTH -> fake.clientId();
            case WEBHOOK -> {
                String clientId = Params.str(upper, "CLIENT_ID");
                if (clientId.isEmpty()) {
                    clientId = Params.str(params, "botToken");
                }
                yield clientId.isEmpty() ? "" : "custom" + clientId;
            }
            default -> "";
        };
        synchronized (fake.lock()) {
            spec.validate(effective);
            return spec.handler.handle(new MethodCall(fake, caller.portal(), method, effective, params, caller.kind(), appId,
                    caller.userId()));
        }
    }

    Caller resolve(CallAuth auth) {
        switch (auth.kind()) {
            case OAUTH -> {
                Tokens.Grant g = fake.tokens().authenticate(auth.token());
                return new Caller(g.portal(), AuthKind.OAUTH, g.userId());
            }
            case WEBHOOK -> {
                for (FakePortal p : fake.portals()) {
                    Integer user = p.webhookUser(auth.token());
                    if (user != null && user == auth.webhookUserId()) {
                        return new Caller(p, AuthKind.WEBHOOK, user);
                    }
                }
                throw new BitrixError(401, "NO_AUTH_FOUND", "Wrong authorization data");
            }
            case SESSION -> {
                for (FakePortal p : fake.portals()) {
                    Integer user = p.sessionUser(auth.token());
                    if (user != null) {
                        return new Caller(p, AuthKind.SESSION, user);
                    }
                }
                throw new BitrixError(401, "NO_AUTH_FOUND", "Wrong authorization data");
            }
            default -> throw new BitrixError(401, "NO_AUTH_FOUND", "Wrong authorization data");
        }
    }

    /** Records the call (and, for a top-level call, the batch commands it ran); returns its sequence number. */
    long record(String method, Map<String, Object> params, AuthKind kind, FakePortal portal, Instant at, int status,
                String error, String viaBatch) {
        long n = recordNow(method, params, kind, portal, at, status, error, viaBatch);
        if (viaBatch.isEmpty()) {
            java.util.List<Runnable> pending = new java.util.ArrayList<>(deferred.get());
            deferred.get().clear();
            pending.forEach(Runnable::run);
        }
        return n;
    }

    /** The error answer of a fault that answers with one. */
    private static BitrixError refusal(Faults.Kind kind, Instant at) {
        return switch (kind) {
            case QUERY_LIMIT_EXCEEDED -> new BitrixError(503, "QUERY_LIMIT_EXCEEDED", "Too many requests");
            case OPERATION_TIME_LIMIT -> new BitrixError(429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit",
                    Map.of("operating_reset_at", at.getEpochSecond() + OPERATING_FAULT_SECONDS));
            default -> new BitrixError(500, "INTERNAL_SERVER_ERROR", "Internal server error");
        };
    }

    /** How far ahead an injected {@code OPERATION_TIME_LIMIT} puts {@code operating_reset_at}. */
    static final long OPERATING_FAULT_SECONDS = 10;

    private long recordNow(String method, Map<String, Object> params, AuthKind kind, FakePortal portal, Instant at, int status,
                String error, String viaBatch) {
        long n = seq.incrementAndGet();
        fake.calls().record(new RecordedCall(n, method, Params.freeze(params), kind,
                portal == null ? "" : portal.memberId(), at, status, error, viaBatch));
        return n;
    }

    Map<String, Object> envelope(Object result, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (result instanceof ListResult list) {
            body.put("result", list.items());
            if (list.next() != null) {
                body.put("next", list.next());
            }
            body.put("total", list.total());
        } else {
            body.put("result", result);
        }
        body.put("time", timeBlock(at));
        return body;
    }

    Map<String, Object> timeBlock(Instant at) {
        double start = at.getEpochSecond() + at.getNano() / 1e9;
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("start", start);
        t.put("finish", start);
        t.put("duration", 0.0);
        t.put("processing", 0.0);
        t.put("date_start", EventPayloads.iso(at.getEpochSecond()));
        t.put("date_finish", EventPayloads.iso(at.getEpochSecond()));
        t.put("operating_reset_at", at.getEpochSecond() + 600);
        t.put("operating", 0);
        return t;
    }
}
