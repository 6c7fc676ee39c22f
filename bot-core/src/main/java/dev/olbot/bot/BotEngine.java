package dev.olbot.bot;

import dev.olbot.event.ApiVersion;
import dev.olbot.event.AppInstalled;
import dev.olbot.event.AppUninstalled;
import dev.olbot.event.BotDeleted;
import dev.olbot.event.BotEvent;
import dev.olbot.event.BotJoined;
import dev.olbot.event.BotRef;
import dev.olbot.event.CommandInvoked;
import dev.olbot.event.Dialog;
import dev.olbot.event.MessageAdded;
import dev.olbot.event.MessageDeleted;
import dev.olbot.event.MessageUpdated;
import dev.olbot.event.SessionFinished;
import dev.olbot.event.User;
import dev.olbot.ingress.EventSink;
import dev.olbot.logging.TurnMdc;
import dev.olbot.metrics.OlbotMetrics;
import dev.olbot.metrics.OlbotMetrics.HandoffReason;
import dev.olbot.outbound.SentCalls;
import dev.olbot.rest.CallOutcomeUnknownException;
import dev.olbot.trace.TurnTrace;
import dev.olbot.rest.RestCaller;
import dev.olbot.state.DialogKey;
import dev.olbot.state.DialogState;
import dev.olbot.state.DialogStore;
import dev.olbot.state.InMemoryDialogStore;
import dev.olbot.state.Owner;
import dev.olbot.state.StoreUnavailableException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one or more {@link Bot}s: takes decoded events (it is the ingress's {@link EventSink}),
 * keeps each dialog's state and owner, routes client messages, sends each turn's effects in order
 * through the REST client, fires due timeouts, and registers the bots when the app is installed.
 * Transport-free: tests call {@link #handle(BotEvent)} directly or go through HTTP.
 *
 * <p>{@link #handle} must be called in dialog order, one event of a dialog at a time (the ingress
 * lanes guarantee it). It blocks until the turn's effects are sent.
 */
public final class BotEngine implements EventSink {

    private static final Logger log = LoggerFactory.getLogger(BotEngine.class);

    static final String MENU_VAR = "olbot.menu";
    static final String LINE_VAR = "olbot.line";
    static final String API_VAR = "olbot.api";
    static final String CLIENT_VAR = "olbot.client";

    private final Map<String, Bot> bots;
    private final RestCaller rest;
    private final DialogStore store;
    private final Clock clock;
    private final long callTimeoutMillis;
    private final java.time.Duration turnDeadline;
    private final BiConsumer<String, Runnable> lanes;
    private final FlowRunner flows = new FlowRunner();
    private final IntentRouter router = new IntentRouter(flows);
    private final Registrar registrar;
    private final Map<String, Long> botIds = new ConcurrentHashMap<>();
    private final OlbotMetrics metrics;
    private final TurnTrace trace;
    private final SentCalls sentCalls;

    private BotEngine(Options o) {
        if (o.bots.isEmpty()) {
            throw new IllegalStateException("BotEngine: add at least one bot");
        }
        this.bots = new LinkedHashMap<>();
        o.bots.forEach(b -> {
            if (bots.putIfAbsent(b.code(), b) != null) {
                throw new IllegalStateException("two bots with CODE '" + b.code() + "'");
            }
        });
        this.rest = Objects.requireNonNull(o.rest, "rest");
        this.store = o.store;
        this.clock = o.clock;
        this.callTimeoutMillis = o.callTimeoutMillis;
        this.turnDeadline = o.turnDeadline;
        this.lanes = o.lanes;
        this.botIds.putAll(o.knownBotIds);
        this.metrics = o.metrics;
        this.trace = o.trace;
        this.sentCalls = o.sentCalls;
        this.registrar = new Registrar(rest, o.handlerUrl, o.registerAs, o.eventMode, o.beforeRegister, botIds, o.botToken);
    }

    public static BotEngine create(Consumer<Options> config) {
        Options o = new Options();
        config.accept(o);
        return new BotEngine(o);
    }

    RestCaller rest() {
        return rest;
    }

    Clock clock() {
        return clock;
    }

    long callTimeoutMillis() {
        return callTimeoutMillis;
    }

    java.time.Duration turnDeadline() {
        return turnDeadline;
    }

    FlowRunner flows() {
        return flows;
    }

    OlbotMetrics metrics() {
        return metrics;
    }

    SentCalls sentCalls() {
        return sentCalls;
    }

    /** The last turns of recent dialogs ({@link TurnTrace#off()} unless configured). */
    public TurnTrace trace() {
        return trace;
    }

    public DialogStore store() {
        return store;
    }

    /** The id a bot has on a portal, once registered or seen in an event. */
    public Optional<Long> botId(String portal, String code) {
        return Optional.ofNullable(botIds.get(portal + "/" + code));
    }

    /** Every bot id known, keyed {@code portal/code}: what a server keeps so timers and pollers resume after a restart. */
    public Map<String, Long> botIds() {
        return Map.copyOf(botIds);
    }

    @Override
    public void accept(BotEvent event) {
        handle(event);
    }

    /**
     * Handles one event to the end of its turn and returns what the turn sent. When another
     * instance saved the dialog first (the store refused this turn's save, or the stored version
     * moved before the turn's first call left), the turn runs again on the fresh state, up to
     * 3 times — never last-writer-wins; while a shared store is
     * unreachable the turn waits in its lane until it answers.
     */
    public Turn handle(BotEvent event) {
        try {
            return ConcurrentTurns.run(() -> handleOnce(event), Turn.NONE,
                    event.meta().type() + " of portal " + event.meta().portal().key());
        } catch (CompletedTurns.AlreadyHandled done) {
            log.info("{} of portal {} was handled before (its turn saved the dialog); not handled again", event.meta().type(),
                    event.meta().portal().key());
            return Turn.NONE;
        }
    }

    private Turn handleOnce(BotEvent event) {
        String portal = event.meta().portal().key();
        if (event instanceof MessageAdded m) {
            return dialogTurn(event, m.bot(), m.dialog(), m.user(), Utterance.of(m.message().text()), m.message().system());
        }
        if (event instanceof CommandInvoked c) {
            return dialogTurn(event, c.bot(), c.dialog(), c.user(),
                    Utterance.command(c.command().command(), c.command().params(), c.command().context()), false);
        }
        if (event instanceof BotJoined j) {
            return joined(j);
        }
        if (event instanceof MessageUpdated u) {
            return simpleTurn(event, u.bot(), u.dialog(), u.user(), Bot.EDITED);
        }
        if (event instanceof MessageDeleted d) {
            return simpleTurn(event, d.bot(), d.dialog(), d.user(), Bot.DELETED);
        }
        if (event instanceof AppInstalled i) {
            return installed(i);
        }
        if (event instanceof AppUninstalled) {
            store.deletePortal(portal);
            botIds.keySet().removeIf(k -> k.startsWith(portal + "/"));
            bots.values().forEach(b -> b.on(Bot.UNINSTALLED).ifPresent(h -> runAppHandler(event, b, h)));
            return Turn.NONE;
        }
        if (event instanceof BotDeleted d) {
            botIds.values().removeIf(id -> id == d.botId());
            Optional.ofNullable(bots.get(d.botCode())).ifPresent(b -> b.on(Bot.BOT_DELETED)
                    .ifPresent(h -> runAppHandler(event, b, h)));
            return Turn.NONE;
        }
        if (event instanceof SessionFinished f) {
            return sessionFinished(f);
        }
        log.debug("{} has no handler in the bot model", event.meta().type());
        return Turn.NONE;
    }

    // ---- dialog turns

    private Turn dialogTurn(BotEvent event, BotRef ref, Dialog dialog, User user, Utterance utterance, boolean system) {
        Optional<Bot> bot = bot(ref);
        if (bot.isEmpty()) {
            return Turn.NONE;
        }
        TurnContext ctx = open(event, bot.get(), ref.id(), dialog, user, utterance);
        noteSession(ctx, dialog);
        Language.detect(utterance.text()).filter(l -> !ctx.var(Language.VAR).orElse("").equals(l))
                .ifPresent(l -> ctx.set(Language.VAR, l));
        if (system) {
            return close(ctx);
        }
        boolean openLine = dialog.isOpenLine();
        if (openLine && !user.connector() && user.id() != 0 && !user.bot()) {
            // an employee wrote in the open-line chat: an operator has the dialog now
            ctx.route("muted: an employee wrote, an operator has the dialog", HandoffReason.OTHER);
            ctx.state(ctx.state().withOwner(Owner.OPERATOR).withFlow(null).withoutTimeout());
            return muted(ctx);
        }
        if (openLine && "0".equals(utterance.text().strip())) {
            // the platform itself sends a client's "0" to an operator (REFERENCE §3.1)
            ctx.state(ctx.state().withOwner(Owner.WAITING_OPERATOR).withFlow(null).withoutTimeout());
            ctx.route("client sent 0: the platform calls an operator", HandoffReason.CLIENT_ZERO);
            metrics.handoff(ctx.bot().code(), HandoffReason.CLIENT_ZERO, "queue");
            return muted(ctx);
        }
        if (!ctx.owner().botMayAnswer()) {
            ctx.route("muted: the dialog is " + ctx.owner(), HandoffReason.OTHER);
            return muted(ctx);
        }
        run(ctx, () -> router.route(ctx));
        return close(ctx);
    }

    private Turn muted(TurnContext ctx) {
        ctx.bot().on(Bot.MUTED).ifPresent(h -> run(ctx, () -> h.handle(ctx)));
        return close(ctx);
    }

    private Turn joined(BotJoined j) {
        Optional<Bot> bot = bot(j.bot());
        if (bot.isEmpty()) {
            return Turn.NONE;
        }
        TurnContext ctx = open(j, bot.get(), j.bot().id(), j.dialog(), j.user(), Utterance.of(""));
        long session = j.dialog().openLine().flatMap(l -> l.sessionId()).orElse(ctx.state().sessionId());
        ctx.state(ctx.state().withOwner(Owner.BOT).withFlow(null).withoutTimeout().withFailures(0).withSession(session)
                .withVar(MENU_VAR, null));
        ctx.route("welcome", HandoffReason.OTHER);
        bot.get().on(Bot.WELCOME).ifPresent(h -> run(ctx, () -> h.handle(ctx)));
        return close(ctx);
    }

    private Turn simpleTurn(BotEvent event, BotRef ref, Dialog dialog, User user, String kind) {
        Optional<Bot> bot = bot(ref);
        if (bot.isEmpty() || bot.get().on(kind).isEmpty()) {
            return Turn.NONE;
        }
        TurnContext ctx = open(event, bot.get(), ref.id(), dialog, user, Utterance.of(""));
        ctx.route(kind + " handler", HandoffReason.OTHER);
        run(ctx, () -> bot.get().on(kind).get().handle(ctx));
        return close(ctx);
    }

    /** Called before a turn's first REST call leaves: a turn on a stale state sends nothing and is run again. */
    void checkFresh(TurnContext ctx) {
        DialogKey key = ctx.state().key();
        if (key.dialogId().isEmpty()) {
            return; // an app-level handler: no dialog state
        }
        long stored = store.get(key).map(DialogState::version).orElse(0L);
        if (stored != ctx.state().version()) {
            throw new ConcurrentTurns.StaleState(key);
        }
    }

    private Turn sessionFinished(SessionFinished f) {
        String portal = f.meta().portal().key();
        for (Bot bot : bots.values()) {
            Long botId = botIds.get(portal + "/" + bot.code());
            if (botId == null || f.dialogId().isEmpty()) {
                continue;
            }
            DialogKey key = new DialogKey(portal, botId, f.dialogId().get());
            store.get(key).ifPresent(s -> saveState(s.withOwner(Owner.FINISHED).withFlow(null).withoutTimeout()));
        }
        return Turn.NONE;
    }

    /** A new open-line session (a new session id) gives the dialog back to the bot. */
    private void noteSession(TurnContext ctx, Dialog dialog) {
        Optional<Long> session = dialog.openLine().flatMap(l -> l.sessionId());
        if (session.isPresent() && session.get() != ctx.state().sessionId()) {
            DialogState s = ctx.state().withSession(session.get());
            if (ctx.state().sessionId() != 0) {
                s = s.withOwner(Owner.BOT).withFlow(null).withoutTimeout().withFailures(0).withVar(MENU_VAR, null);
            }
            ctx.state(s);
        }
    }

    // ---- timeouts

    /**
     * Runs the handlers of every timeout due on the clock, each in its dialog's lane. Call it
     * periodically (the server does, every second) or after advancing a virtual clock.
     *
     * @return how many timeouts fired
     */
    public int fireDueTimeouts() {
        List<DialogState> due = store.dueTimeouts(clock.millis());
        for (DialogState s : due) {
            lanes.accept(s.key().portal() + "/" + s.key().dialogId(), () -> fireTimeoutRerunning(s.key()));
        }
        return due.size();
    }

    private void fireTimeoutRerunning(DialogKey key) {
        ConcurrentTurns.run(() -> {
            fireTimeout(key);
            return null;
        }, null, "the timeout of dialog " + key);
    }

    private void fireTimeout(DialogKey key) {
        Optional<DialogState> current = store.get(key);
        if (current.isEmpty() || current.get().timeoutAtMillis() == 0 || current.get().timeoutAtMillis() > clock.millis()) {
            return; // answered or re-armed meanwhile
        }
        DialogState s = current.get();
        Optional<Bot> bot = bots.values().stream()
                .filter(b -> Long.valueOf(key.botId()).equals(botIds.get(key.portal() + "/" + b.code())))
                .findFirst()
                .or(() -> bots.size() == 1 ? Optional.of(bots.values().iterator().next()) : Optional.empty());
        if (bot.isEmpty()) {
            log.warn("timeout '{}' of dialog {} belongs to no known bot", s.timeoutName(), key);
            return;
        }
        String name = s.timeoutName();
        TurnMdc.enter(key.portal(), key.botId(), key.dialogId(), s.sessionId());
        try {
            TurnContext ctx = TimeoutTurns.open(this, bot.get(), s);
            ctx.state(s.withoutTimeout());
            ctx.route("timeout " + name, HandoffReason.TIMEOUT);
            if (name.startsWith(FlowRunner.TIMEOUT_PREFIX)) {
                Optional<Flow> flow = bot.get().findFlow(name.substring(FlowRunner.TIMEOUT_PREFIX.length()));
                flow.ifPresent(f -> run(ctx, () -> flows.onTimeout(ctx, f)));
            } else {
                bot.get().timeoutHandler(name).ifPresent(h -> run(ctx, () -> h.handle(ctx)));
            }
            close(ctx);
        } finally {
            TurnMdc.leave();
        }
    }

    // ---- install

    private Turn installed(AppInstalled event) {
        String portal = event.meta().portal().key();
        for (Bot bot : bots.values()) {
            try {
                registrar.register(portal, bot, event);
            } catch (RuntimeException e) {
                log.error("could not register bot {} on portal {}: {}", bot.code(), event.meta().portal().domain(),
                        e.getMessage());
                continue;
            }
            bot.on(Bot.INSTALLED).ifPresent(h -> runAppHandler(event, bot, h));
        }
        return Turn.NONE;
    }

    /**
     * Registers every bot (and its commands) on a portal reached through an inbound webhook, where
     * no {@code ONAPPINSTALL} arrives. Idempotent: an existing bot with the same CODE is updated.
     */
    public void registerOn(String portal) {
        for (Bot bot : bots.values()) {
            registrar.register(portal, bot, null);
        }
    }

    private void runAppHandler(BotEvent event, Bot bot, Handler h) {
        String portal = event.meta().portal().key();
        TurnContext ctx = new TurnContext(this, bot, event, null, User.NOBODY, Utterance.of(""), portal,
                botIds.getOrDefault(portal + "/" + bot.code(), 0L), DialogState.fresh(new DialogKey(portal, 0, "")));
        try {
            h.handle(ctx);
            ctx.flush();
        } catch (Exception e) {
            log.error("{} handler of bot {} failed on portal {}", event.meta().type(), bot.code(),
                    event.meta().portal().domain(), e);
        }
    }

    // ---- turn plumbing

    private Optional<Bot> bot(BotRef ref) {
        Bot bot = bots.get(ref.code());
        if (bot == null && bots.size() == 1) {
            bot = bots.values().iterator().next();
        }
        if (bot == null) {
            log.warn("event for bot {} ({}) which this app does not define; ignored", ref.id(), ref.code());
        }
        return Optional.ofNullable(bot);
    }

    TurnContext open(BotEvent event, Bot bot, long botId, Dialog dialog, User user, Utterance utterance) {
        String portal = event.meta().portal().key();
        botIds.put(portal + "/" + bot.code(), botId);
        DialogKey key = new DialogKey(portal, botId, dialog.dialogId());
        DialogState state = store.get(key).orElseGet(() -> DialogState.fresh(key));
        Optional<String> eventKey = event.dedupeKey().filter(k -> sentCalls.enabled());
        if (eventKey.isPresent() && CompletedTurns.done(state, eventKey.get())) {
            throw new CompletedTurns.AlreadyHandled(eventKey.get());
        }
        state = state.withVar(API_VAR, event.meta().version() == ApiVersion.V2 ? "2" : null)
                .withVar(LINE_VAR, dialog.openLine().map(l -> l.userCode()).orElse(state.vars().get(LINE_VAR)));
        if (user.connector()) {
            state = state.withVar(CLIENT_VAR, user.firstName().filter(n -> !n.isBlank()).orElse(user.name()));
        }
        return new TurnContext(this, bot, event, dialog, user, utterance, portal, botId, state);
    }

    /** Runs a piece of the turn under the middleware chain and the error policy. */
    private void run(TurnContext ctx, Middleware.Next body) {
        try {
            chain(ctx, 0, body).proceed();
            boolean finishing = ctx.owner() == Owner.FINISHED;
            ctx.flush();
            ctx.state(ctx.state().withFailures(0));
            if (finishing) {
                Optional<Handler> h = ctx.bot().on(Bot.SESSION_FINISHED);
                if (h.isPresent()) {
                    h.get().handle(ctx);
                    ctx.flush();
                }
            }
        } catch (ConcurrentTurns.StaleState | StoreUnavailableException notTheHandlers) {
            throw notTheHandlers; // not the handler's failure: the whole turn runs again
        } catch (Exception e) {
            ctx.discardUnsent();
            if (e instanceof CallOutcomeUnknownException unknown) {
                // the platform may have done it: no apology, and it does not count toward a handoff
                log.warn("turn in dialog {} of portal {} (bot {}) stopped: {}", ctx.state().key().dialogId(), ctx.portal(),
                        ctx.bot().code(), dev.olbot.wire.LogSafe.escape(unknown.getMessage()));
                return;
            }
            ctx.renewDeadline();
            int failures = ctx.state().failures() + 1;
            ctx.state(ctx.state().withFailures(failures));
            log.error("turn failed in dialog {} of portal {} (bot {}, failure {} in a row)", ctx.state().key().dialogId(),
                    ctx.portal(), ctx.bot().code(), failures, e);
            ctx.route("error " + failures + " in a row: " + e.getClass().getSimpleName() + ": " + e.getMessage(), HandoffReason.ERRORS);
            try {
                ctx.bot().errorPolicy().onError(ctx, e, failures);
                ctx.flush();
            } catch (Exception policyFailure) {
                ctx.discardUnsent();
                log.error("the error policy itself failed in dialog {} of portal {}", ctx.state().key().dialogId(),
                        ctx.portal(), policyFailure);
            }
        }
    }

    private Middleware.Next chain(TurnContext ctx, int index, Middleware.Next body) {
        List<Middleware> mw = ctx.bot().middleware();
        if (index >= mw.size()) {
            return body;
        }
        return () -> mw.get(index).handle(ctx, chain(ctx, index + 1, body));
    }

    private Turn close(TurnContext ctx) {
        Optional<String> eventKey = ctx.event().dedupeKey().filter(k -> sentCalls.enabled());
        if (eventKey.isPresent()) {
            ctx.state(CompletedTurns.markDone(ctx.state(), eventKey.get()));
        }
        saveState(ctx.state());
        if (trace.enabled()) {
            TurnTraces.record(trace, ctx, clock);
        }
        return new Turn(ctx.sent(), ctx.state());
    }

    /** Compare-and-set: a refused save means another instance saved first, and the turn runs again. */
    private void saveState(DialogState state) {
        if (store.save(state).isEmpty()) {
            throw new ConcurrentTurns.StaleState(state.key());
        }
    }

    /** What one turn sent, and the dialog state it left. */
    public record Turn(List<Action> sent, DialogState state) {
        static final Turn NONE = new Turn(List.of(), null);
    }

    /** Configuration of an engine. {@link #rest} and at least one {@link #bot} are required. */
    public static final class Options {
        private final List<Bot> bots = new ArrayList<>();
        private RestCaller rest;
        private DialogStore store = new InMemoryDialogStore();
        private Clock clock = Clock.systemUTC();
        private long callTimeoutMillis = 65_000;
        private java.time.Duration turnDeadline = java.time.Duration.ofSeconds(60);
        private BiConsumer<String, Runnable> lanes = (lane, task) -> task.run();
        private java.util.function.Supplier<String> handlerUrl = () -> "";
        private ApiVersion registerAs = ApiVersion.V1;
        private Registrar.EventMode eventMode = Registrar.EventMode.WEBHOOK;
        private Consumer<AppInstalled> beforeRegister = e -> {};
        private String botToken = "";
        private final Map<String, Long> knownBotIds = new LinkedHashMap<>();
        private OlbotMetrics metrics = OlbotMetrics.noop();
        private TurnTrace trace = TurnTrace.off();
        private SentCalls sentCalls = SentCalls.none();

        private Options() {}

        /**
         * Where the calls a turn's platform confirmed are recorded (default {@link SentCalls#none()}):
         * with a store, a turn that runs again (its event handled again after a crash or a take-over,
         * or re-run on fresh state) sends none of them twice, and an event whose turn already saved the
         * dialog is not handled again (the dialog's state keeps the last few such events).
         */
        public Options sentCalls(SentCalls sentCalls) {
            this.sentCalls = Objects.requireNonNull(sentCalls);
            return this;
        }

        /** Where intents, fallbacks, handoffs by reason, flows and sessions the bot finished are counted (default: nowhere). */
        public Options metrics(OlbotMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics);
            return this;
        }

        /** Keeps the last turns of recent dialogs for {@code /debug/dialogs/{id}} (default {@link TurnTrace#off()}). */
        public Options trace(TurnTrace trace) {
            this.trace = Objects.requireNonNull(trace);
            return this;
        }

        public Options bot(Bot bot) {
            bots.add(Objects.requireNonNull(bot));
            return this;
        }

        /** How REST calls leave (usually the RestClient). */
        public Options rest(RestCaller rest) {
            this.rest = rest;
            return this;
        }

        public Options store(DialogStore store) {
            this.store = Objects.requireNonNull(store);
            return this;
        }

        /** The clock every timeout reads (the testkit's virtual clock in tests). */
        public Options clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * How long past a call's deadline the turn still waits for its answer (default 65 s, above the
         * REST client's request timeout); a call still unanswered then is recorded as unknown.
         */
        public Options callTimeoutMillis(long millis) {
            this.callTimeoutMillis = millis;
            return this;
        }

        /**
         * How long (on the engine's clock) a turn's calls stay wanted (default 60 s): a call not sent
         * by then is dropped by the REST client and never arrives, retries after rate limits stop at
         * it, and the error policy's apology gets a deadline of its own. Must be positive.
         */
        public Options turnDeadline(java.time.Duration deadline) {
            if (deadline == null || deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("turnDeadline must be positive, was " + deadline);
            }
            this.turnDeadline = deadline;
            return this;
        }

        /** Where timeout turns run: the ingress's lanes, so they never race the dialog's events. */
        public Options lanes(BiConsumer<String, Runnable> lanes) {
            this.lanes = Objects.requireNonNull(lanes);
            return this;
        }

        /** The public URL Bitrix24 posts events to; used when registering the bots. */
        public Options handlerUrl(String url) {
            Objects.requireNonNull(url);
            this.handlerUrl = () -> url;
            return this;
        }

        /** The handler URL, when it is known only once the server listens (a port chosen at start). */
        public Options handlerUrl(java.util.function.Supplier<String> url) {
            this.handlerUrl = Objects.requireNonNull(url);
            return this;
        }

        /** Register through {@code imbot.register} (V1, default) or {@code imbot.v2.Bot.register} (V2). */
        public Options registerAs(ApiVersion version, Registrar.EventMode mode) {
            this.registerAs = Objects.requireNonNull(version);
            this.eventMode = Objects.requireNonNull(mode);
            return this;
        }

        /**
         * The {@code botToken} a Chatbots 2.0 bot registered through an inbound webhook is given
         * ({@code fields.botToken} of {@code imbot.v2.Bot.register}, at most 40 characters).
         */
        public Options botToken(String token) {
            this.botToken = Objects.requireNonNull(token);
            return this;
        }

        /** Runs on {@code ONAPPINSTALL} before registration, e.g. to hand the install's tokens to the REST client. */
        /** Bot ids known from an earlier run ({@link BotEngine#botIds()}), keyed {@code portal/code}. */
        public Options knownBotIds(Map<String, Long> ids) {
            this.knownBotIds.putAll(ids);
            return this;
        }

        public Options beforeRegister(Consumer<AppInstalled> hook) {
            this.beforeRegister = Objects.requireNonNull(hook);
            return this;
        }
    }
}
