package dev.olbot.testkit;

import dev.olbot.rest.RestCaller;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A stateful fake Bitrix24 account: one or more portals served over HTTP on 127.0.0.1 (port 0) or
 * in-process, with OAuth (rotating refresh tokens on {@code /oauth/token/}), the leaky bucket,
 * injected faults, event delivery in the real wire format, and every call recorded.
 *
 * <pre>{@code
 * try (FakeBitrix24 fake = FakeBitrix24.create().start()) {
 *     Installation install = fake.installApp("http://127.0.0.1:8080/install");   // ONAPPINSTALL
 *     ...the bot registers itself with imbot.register...
 *     Client anna = fake.portal().client(line.id(), "Anna Petrova");
 *     anna.says("hello").await();                                                 // join + message
 *     fake.verify(exactly(1), call("imbot.message.add").with("DIALOG_ID", anna.chat().dialogId()));
 * }
 * }</pre>
 *
 * <p>All time on the fake side (token expiry, rate-limit drain, line timers, delayed responses)
 * runs on {@link #clock()}, a {@link VirtualClock}.
 */
public final class FakeBitrix24 implements AutoCloseable {

    private final Object lock = new Object();
    private final VirtualClock clock;
    private final Vertx vertx;
    private final boolean ownsVertx;
    private volatile String clientId = "local." + Tokens.hex(7) + "." + Tokens.hex(4);
    private volatile String clientSecret = Tokens.hex(25);
    private volatile int savedPort;
    private final Tokens tokens = new Tokens(this);
    private final Faults faults = new Faults();
    private final Transcript transcript;
    private final Calls calls;
    private final Deliverer deliverer;
    private final RestDispatcher dispatcher = new RestDispatcher(this);
    private final Map<String, FakePortal> portals = new LinkedHashMap<>();
    private HttpFront front;
    private String baseUrl = "http://fake-bitrix24.invalid";

    private FakeBitrix24(VirtualClock clock, Vertx vertx, boolean ownsVertx) {
        this.clock = clock;
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.transcript = new Transcript(clock);
        this.calls = new Calls(transcript);
        this.deliverer = new Deliverer(vertx, transcript);
        BotMethods.register(dispatcher);
        MessageMethods.register(dispatcher);
        DialogMessagesMethod.register(dispatcher);
        SessionMethods.register(dispatcher);
        OpenLineMethods.register(dispatcher);
        OperatorMethods.register(dispatcher);
        SessionControlMethods.register(dispatcher);
        SessionModeMethods.register(dispatcher);
        LineConfigMethods.register(dispatcher);
        CrmChatMethods.register(dispatcher);
        ConnectorMethods.register(dispatcher);
        V2Methods.register(dispatcher);
        V2ChatMethods.register(dispatcher);
        BatchMethod.register(dispatcher);
        AppMethods.register(dispatcher);
        portal("portal");
    }

    /** An account with a virtual clock at 2026-03-01T10:00:00Z and its own Vert.x instance. */
    public static FakeBitrix24 create() {
        return new FakeBitrix24(VirtualClock.startingAtDefault(), Vertx.vertx(), true);
    }

    /** An account on the given clock and Vert.x (which the caller closes). */
    public static FakeBitrix24 create(VirtualClock clock, Vertx vertx) {
        return new FakeBitrix24(clock, vertx, false);
    }

    /** Starts listening on 127.0.0.1, a free port; blocks until bound. */
    public FakeBitrix24 start() {
        return start(0);
    }

    /** Starts listening on 127.0.0.1:{@code port} (0 = a free one); blocks until bound. */
    public FakeBitrix24 start(int port) {
        HttpFront f = new HttpFront(this, vertx);
        port = f.listen(port);
        synchronized (lock) {
            front = f;
            baseUrl = "http://127.0.0.1:" + port;
        }
        return this;
    }

    /**
     * Writes the account's state to {@code file} as JSON ({@code "format": 1}): the clock, the app's credentials,
     * the port, OAuth tokens, and per portal its install (application token, member_id), users, open lines and
     * their settings, bots and their handler URLs, commands, chats with their messages and sessions (owner,
     * operator, a pending WELCOME_BOT_TIME), Chatbots 2.0 fetch queues and event ids, connectors and their
     * activation, {@code event.bind} handlers, and the id counters. Not saved: the call log and transcript,
     * injected faults, rate-limit levels and method blocks, mounted sinks. The file is replaced atomically.
     */
    public void saveState(Path file) {
        StateSnapshot.Account account;
        synchronized (lock) {
            account = StateCapture.of(this, port());
        }
        StateFile.write(file, account);
    }

    /**
     * Replaces this account's state with the one {@link #saveState} wrote to {@code file}. Call it on a fresh account,
     * before {@link #start} and before anything was added; start it then on {@link #savedPort()} so the domain the
     * installed app knows (127.0.0.1:port) stays the same. The clock moves forward to the saved instant if it is
     * behind (it never moves back: time that passed since the save counts, as on a portal that was down).
     *
     * @throws StateFileException one line naming the file and the field, for a format other than 1, a missing,
     *                            unknown or mistyped field, or an id that refers to nothing
     */
    public FakeBitrix24 loadState(Path file) {
        StateSnapshot.Account account = StateFile.read(file);
        synchronized (lock) {
            if (front != null || portals.size() != 1 || !portal("portal").untouched()) {
                throw new IllegalStateException("loadState needs a fresh account: call it before start() and before adding anything");
            }
            Duration behind = Duration.between(clock.instant(), account.clock());
            if (behind.isNegative() || behind.isZero()) {
                behind = Duration.ZERO;
            }
            clock.advance(behind);
            clientId = account.clientId();
            clientSecret = account.clientSecret();
            savedPort = account.port();
            portals.clear();
            for (FakePortal p : StateRestore.portals(this, account)) {
                portals.put(p.name(), p);
            }
        }
        transcript.add("platform", "state loaded from " + file.getFileName());
        return this;
    }

    /** The port the state loaded by {@link #loadState} was served on (0 when none was loaded, or it was never started). */
    public int savedPort() {
        return savedPort;
    }

    private int port() {
        return baseUrl.startsWith("http://127.0.0.1:") ? Integer.parseInt(baseUrl.substring("http://127.0.0.1:".length())) : savedPort;
    }

    /** {@code http://127.0.0.1:<port>} once started. */
    public String baseUrl() {
        synchronized (lock) {
            return baseUrl;
        }
    }

    /** What events carry as {@code client_endpoint}: {@code <baseUrl>/rest/}. */
    public String clientEndpoint() {
        return baseUrl() + "/rest/";
    }

    /** What tokens and events carry as {@code server_endpoint}; the token endpoint is {@code <host>/oauth/token/}. */
    public String serverEndpoint() {
        return baseUrl() + "/rest/";
    }

    String oauthDomain() {
        return baseUrl().replaceFirst("^https?://", "");
    }

    public VirtualClock clock() {
        return clock;
    }

    /** The application's {@code client_id} (for the token endpoint). */
    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The first portal ("portal"). */
    public FakePortal portal() {
        return portal("portal");
    }

    /** The portal called {@code name}, created on first use. */
    public FakePortal portal(String name) {
        synchronized (lock) {
            return portals.computeIfAbsent(name, n -> new FakePortal(this, n));
        }
    }

    List<FakePortal> portals() {
        synchronized (lock) {
            return new ArrayList<>(portals.values());
        }
    }

    /** Installs the app on the first portal; ONAPPINSTALL goes to {@code handlerUrl}. */
    public Installation installApp(String handlerUrl) {
        return installApp(portal(), handlerUrl);
    }

    /** Installs the app: issues the admin's tokens and the application token, posts ONAPPINSTALL. */
    public Installation installApp(FakePortal portal, String handlerUrl) {
        synchronized (lock) {
            String appToken = Tokens.hex(16);
            Tokens.Grant g = tokens.issue(portal, 1);
            portal.installed(appToken, g.accessToken(), g.refreshToken());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("VERSION", "1");
            data.put("ACTIVE", "Y");
            data.put("INSTALLED", "Y");
            data.put("LANGUAGE_ID", "en");
            Map<String, Object> auth = new LinkedHashMap<>();
            auth.put("domain", portal.domain());
            auth.put("scope", Tokens.SCOPE);
            auth.put("access_token", g.accessToken());
            auth.put("refresh_token", g.refreshToken());
            auth.put("expires_in", "3600");
            auth.put("server_endpoint", serverEndpoint());
            auth.put("status", "L");
            auth.put("client_endpoint", clientEndpoint());
            auth.put("member_id", portal.memberId());
            auth.put("application_token", appToken);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("event", "ONAPPINSTALL");
            payload.put("data", data);
            payload.put("ts", String.valueOf(clock.epochSecond()));
            payload.put("auth", auth);
            transcript.add("platform", "app installed on " + portal.domain() + ", ONAPPINSTALL to " + handlerUrl);
            return new Installation(portal, g.accessToken(), g.refreshToken(), appToken, deliverer.deliver(handlerUrl, payload));
        }
    }

    /**
     * Calls a REST method in-process, exactly as over HTTP (auth, limits, faults, recording), and
     * returns the HTTP status and JSON body. A held (delayed) response completes when the clock
     * advances; a dropped or never-answered one never completes.
     */
    /** The fake's own method definitions (for the cross-check against the client's catalogue). */
    java.util.Collection<MethodSpec> methodSpecs() {
        return dispatcher.specs();
    }

    public CompletableFuture<Map.Entry<Integer, Map<String, Object>>> handle(String method, Map<String, Object> params, CallAuth auth) {
        Outcome o = dispatcher.dispatch(method, params, auth);
        CompletableFuture<Map.Entry<Integer, Map<String, Object>>> f = new CompletableFuture<>();
        switch (o.fault() == null ? Outcome.Action.ANSWER : o.action()) {
            case ANSWER -> f.complete(Map.entry(o.status(), o.body()));
            case ANSWER_LATER -> o.released().thenRun(() -> f.complete(Map.entry(o.status(), o.body())));
            case DROP -> f.completeExceptionally(new java.io.IOException("connection closed by the fake (injected fault)"));
            case NEVER -> { }
        }
        return f;
    }

    /** A {@link RestCaller} that calls in-process as the installed app (current OAuth token of the portal key). */
    public RestCaller inProcess() {
        return new InProcessCaller(this, null);
    }

    /** A {@link RestCaller} that calls in-process with fixed credentials. */
    public RestCaller inProcess(CallAuth auth) {
        return new InProcessCaller(this, auth);
    }

    /** Delivers events whose handler URL starts with {@code urlPrefix} to {@code sink}, without HTTP. */
    public void mount(String urlPrefix, EventSink sink) {
        deliverer.mount(urlPrefix, sink);
    }

    public Faults faults() {
        return faults;
    }

    public Calls calls() {
        return calls;
    }

    public Transcript transcript() {
        return transcript;
    }

    /** Every event delivery so far, in order. */
    public List<CompletableFuture<Delivery>> deliveries() {
        return deliverer.all();
    }

    /** The next REST call not yet taken (waits up to 10 real seconds). */
    public RecordedCall takeCall() {
        return calls.takeCall();
    }

    /** The next REST call not yet taken, or null after {@code timeout}. */
    public RecordedCall takeCall(Duration timeout) {
        return calls.takeCall(timeout);
    }

    public void assertNoMoreCalls() {
        calls.assertNoMoreCalls();
    }

    /** {@code verify(exactly(1), call("imbot.message.add").with("DIALOG_ID", "chat5"))}. */
    public void verify(CallCount count, CallPattern pattern) {
        calls.verify(count, pattern);
    }

    Object lock() {
        return lock;
    }

    Tokens tokens() {
        return tokens;
    }

    Deliverer deliverer() {
        return deliverer;
    }

    RestDispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public void close() {
        HttpFront f;
        synchronized (lock) {
            f = front;
            front = null;
        }
        if (f != null) {
            f.close();
        }
        deliverer.close();
        if (ownsVertx) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("closing Vert.x failed", e);
            }
        }
    }
}
