package dev.olbot.bot;

import dev.olbot.bot.flow.FlowRunner;
import dev.olbot.bot.routing.Utterance;
import dev.olbot.bot.turn.ConcurrentTurns;
import dev.olbot.bot.turn.Turn;
import dev.olbot.bot.turn.TurnPipeline;
import dev.olbot.bot.turn.TurnServices;
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
import dev.olbot.metrics.OlbotMetrics;
import dev.olbot.outbound.SentCalls;
import dev.olbot.rest.RestCaller;
import dev.olbot.state.DialogKey;
import dev.olbot.state.DialogState;
import dev.olbot.state.DialogStore;
import dev.olbot.state.InMemoryDialogStore;
import dev.olbot.trace.TurnTrace;
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
 * Runs one or more {@link Bot}s: takes decoded events (it is the ingress's {@link EventSink}), finds
 * the bot each is for and hands its turn to the {@link TurnPipeline} (load state → ownership → route
 * → run → flush → save), schedules due timeouts into the dialogs' lanes, and registers the bots when
 * the app is installed.
 * Transport-free: tests call {@link #handle(BotEvent)} directly or go through HTTP.
 *
 * <p>{@link #handle} must be called in dialog order, one event of a dialog at a time (the ingress
 * lanes guarantee it). It blocks until the turn's effects are sent.
 */
public final class BotEngine implements EventSink {

    private static final Logger log = LoggerFactory.getLogger(BotEngine.class);


    private final Map<String, Bot> bots;
    private final DialogStore store;
    private final Clock clock;
    private final BiConsumer<String, Runnable> lanes;
    private final Registrar registrar;
    private final Map<String, Long> botIds = new ConcurrentHashMap<>();
    private final TurnTrace trace;
    private final TurnPipeline turns;

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
        RestCaller rest = Objects.requireNonNull(o.rest, "rest");
        this.store = o.store;
        this.clock = o.clock;
        this.lanes = o.lanes;
        this.botIds.putAll(o.knownBotIds);
        this.trace = o.trace;
        this.turns = new TurnPipeline(new TurnServices(rest, store, clock, o.callTimeoutMillis, o.turnDeadline, o.metrics,
                new FlowRunner(), o.sentCalls), trace);
        this.registrar = new Registrar(rest, o.handlerUrl, o.registerAs, o.eventMode, o.beforeRegister, botIds, o.botToken);
    }

    public static BotEngine create(Consumer<Options> config) {
        Options o = new Options();
        config.accept(o);
        return new BotEngine(o);
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

    /**
     * Learns bot ids registered elsewhere (another instance of a cluster received the install), keyed
     * {@code portal/code}; ids already known are kept.
     */
    public void learnBotIds(Map<String, Long> ids) {
        ids.forEach(botIds::putIfAbsent);
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
        return ConcurrentTurns.run(() -> handleOnce(event), Turn.NONE,
                event.meta().type() + " of portal " + event.meta().portal().key());
    }

    private Turn handleOnce(BotEvent event) {
        String portal = event.meta().portal().key();
        if (event instanceof MessageAdded m) {
            return bot(event, m.bot()).map(b -> turns.message(event, b, m.bot().id(), m.dialog(), m.user(),
                    Utterance.of(m.message().text()), m.message().system())).orElse(Turn.NONE);
        }
        if (event instanceof CommandInvoked c) {
            Utterance command = Utterance.command(c.command().command(), c.command().params(), c.command().context());
            return bot(event, c.bot()).map(b -> turns.message(event, b, c.bot().id(), c.dialog(), c.user(), command, false))
                    .orElse(Turn.NONE);
        }
        if (event instanceof BotJoined j) {
            return bot(event, j.bot()).map(b -> turns.welcome(event, b, j.bot().id(), j.dialog(), j.user())).orElse(Turn.NONE);
        }
        if (event instanceof MessageUpdated u) {
            return other(event, u.bot(), u.dialog(), u.user(), Bot.EDITED);
        }
        if (event instanceof MessageDeleted d) {
            return other(event, d.bot(), d.dialog(), d.user(), Bot.DELETED);
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

    private Turn other(BotEvent event, BotRef ref, Dialog dialog, User user, String kind) {
        return bot(event, ref).flatMap(b -> b.on(kind).map(h -> turns.other(event, b, ref.id(), dialog, user, kind, h)))
                .orElse(Turn.NONE);
    }

    private Turn sessionFinished(SessionFinished f) {
        String portal = f.meta().portal().key();
        for (Bot bot : bots.values()) {
            Long botId = botIds.get(portal + "/" + bot.code());
            if (botId == null || f.dialogId().isEmpty()) {
                continue;
            }
            turns.sessionFinished(new DialogKey(portal, botId, f.dialogId().get()));
        }
        return Turn.NONE;
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
        try (DialogStore.Claim claim = store.holdTimeoutClaim(key)) { // a long turn is not fired again elsewhere
            ConcurrentTurns.run(() -> {
                fireTimeout(key);
                return null;
            }, null, "the timeout of dialog " + key);
        }
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
        turns.timeout(bot.get(), s);
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
        turns.app(event, bot, botIds.getOrDefault(portal + "/" + bot.code(), 0L), h);
    }

    // ---- which bot

    /** The bot an event is for; notes its id on the event's portal. */
    private Optional<Bot> bot(BotEvent event, BotRef ref) {
        Bot bot = bots.get(ref.code());
        if (bot == null && bots.size() == 1) {
            bot = bots.values().iterator().next();
        }
        if (bot == null) {
            log.warn("event for bot {} ({}) which this app does not define; ignored", ref.id(), ref.code());
            return Optional.empty();
        }
        botIds.put(event.meta().portal().key() + "/" + bot.code(), ref.id());
        return Optional.of(bot);
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
