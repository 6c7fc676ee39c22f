package dev.olbot.testkit.scenario;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotEngine;
import dev.olbot.bot.Registrar;
import dev.olbot.event.ApiVersion;
import dev.olbot.event.Portal;
import dev.olbot.ingress.EventPoller;
import dev.olbot.ingress.ApplicationTokenVerifier;
import dev.olbot.ingress.Ingress;
import dev.olbot.ingress.InstallConfirmer;
import dev.olbot.ingress.InstallGate;
import dev.olbot.rest.OAuthServers;
import dev.olbot.rest.RestClient;
import dev.olbot.ingress.IngressServer;
import dev.olbot.ingress.InstallRegistry;
import dev.olbot.state.DialogStore;
import dev.olbot.state.InMemoryDialogStore;
import dev.olbot.testkit.Client;
import dev.olbot.testkit.Delivery;
import dev.olbot.testkit.FakeBitrix24;
import dev.olbot.testkit.FakePortal;
import dev.olbot.testkit.OpenLine;
import dev.olbot.testkit.RatePlan;
import dev.olbot.testkit.Operator;
import dev.olbot.testkit.VirtualClock;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A whole Open Lines setup in one object: a fake Bitrix24 account, your bot behind the real OLBot
 * ingress (in-process, or over HTTP on 127.0.0.1), the app installed and the bot registered, a
 * support line with the bot as its welcome bot and an operator in its queue, and one virtual clock
 * for both sides. Steps wait until the bot's turn is done — no sleeps.
 *
 * <pre>{@code
 * try (BotTestKit kit = BotTestKit.start(o -> o.bot(MyBot.create()))) {
 *     kit.run(Scenario.named("greets").clientSays("hi").expectReply(contains("Hello")).build()).assertPassed();
 * }
 * }</pre>
 */
public final class BotTestKit implements AutoCloseable {

    /** How the fake account reaches the bot. */
    public enum Transport { IN_PROCESS, HTTP }

    private static final String IN_PROCESS_URL = "http://olbot.test/bitrix/events";

    private final Options options;
    private final Vertx vertx;
    private final FakeBitrix24 fake;
    private final int operatorId;
    private final Map<String, OpenLine> lines = new LinkedHashMap<>();
    private Ingress ingress;
    private RestClient installRest;
    private volatile BotEngine engine;
    private DialogStore store;
    private IngressServer server;
    private String handlerUrl;
    /** Chatbots 2.0 fetch mode: polls the fake account from {@link #settle()}, never on a timer. */
    private EventPoller poller;
    private final EventPoller.OffsetStore offsets = EventPoller.OffsetStore.inMemory();
    private int pollerBotId;
    private int clients;

    private BotTestKit(Options o) throws Exception {
        this.options = o;
        this.vertx = Vertx.vertx();
        this.fake = FakeBitrix24.create(new VirtualClock(o.start), vertx).start();
        FakePortal portal = fake.portal();
        if (o.rateLimit != null) {
            portal.enforceRateLimit(o.rateLimit);
        }
        this.operatorId = portal.addUser(o.operatorName);
        while (o.employeesUpTo > operatorId && portal.user(o.employeesUpTo).isEmpty()) {
            portal.addUser("Employee");
        }
        this.store = o.store.get();
        boot();
        fake.installApp(handlerUrl);
        settle();
        int botId = portal.botId(o.bots.get(0).code())
                .orElseThrow(() -> new IllegalStateException("the bot did not register on install; see the log"));
        if (o.eventMode == Registrar.EventMode.FETCH) {
            pollerBotId = botId;
            poller = newPoller(botId);
            settle(); // the install's events, if any
        }
        lines.put("Support", portal.addLine("Support", l -> {
            l.welcomeBot(botId, o.welcomeBotSeconds).queue(operatorId);
            o.line.accept(l);
        }));
        for (String name : o.moreLines) {
            lines.put(name, portal.addLine(name, l -> l.queue(operatorId)));
        }
    }

    /** Starts a kit for one bot with defaults. */
    public static BotTestKit start(Bot bot) {
        return start(o -> o.bot(bot));
    }

    public static BotTestKit start(Consumer<Options> config) {
        Options o = new Options();
        config.accept(o);
        if (o.bots.isEmpty()) {
            throw new IllegalArgumentException("BotTestKit: add a bot with o.bot(...)");
        }
        try {
            return new BotTestKit(o);
        } catch (Exception e) {
            throw new IllegalStateException("BotTestKit did not start: " + e.getMessage(), e);
        }
    }

    /** Binds the ingress to the fake account (in-process or on a port) and builds the first engine. */
    private void boot() throws Exception {
        // installs are confirmed exactly as BotServer confirms them: app.info on the trusted
        // authorisation server (here the fake account's own host), then the tokens are stored
        OAuthServers servers = OAuthServers.of(java.util.List.of(fake.baseUrl() + "/"));
        installRest = RestClient.create(vertx, o -> o.oauth(fake.clientId(), fake.clientSecret()).oauthServers(servers)
                .requestTimeout(java.time.Duration.ofSeconds(10)));
        ingress = Ingress.create(b -> b.verifier(ApplicationTokenVerifier.forApp(options.installs).trusting(servers))
                .installGate(InstallGate.of(options.installs, InstallConfirmer.oauthServer(installRest)))
                .sink(event -> engine.accept(event)).workerThreads(4));
        if (options.transport == Transport.HTTP) {
            server = IngressServer.start(vertx, ingress, IngressServer.Options.defaults().withHost("127.0.0.1").withPort(0))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            handlerUrl = "http://127.0.0.1:" + server.port() + "/bitrix/events";
        } else {
            handlerUrl = IN_PROCESS_URL;
            fake.mount("http://olbot.test/", (target, body) -> CompletableFuture.completedFuture(
                    ingress.receive("application/x-www-form-urlencoded", body, query(target)).status()));
        }
        engine = newEngine();
    }

    private BotEngine newEngine() {
        return BotEngine.create(e -> {
            options.bots.forEach(e::bot);
            e.rest(fake.inProcess()).store(store).clock(fake.clock()).handlerUrl(handlerUrl)
                    .lanes((lane, task) -> ingress.submit(lane, task));
            if (options.eventMode != null) {
                e.registerAs(ApiVersion.V2, options.eventMode);
            }
        });
    }

    /** A poller that is never started: {@link #settle()} drives {@link EventPoller#pollOnce()} itself. */
    private EventPoller newPoller(int botId) {
        FakePortal p = fake.portal();
        Portal portal = new Portal(p.domain(), p.memberId(), fake.clientEndpoint(), fake.serverEndpoint());
        return new EventPoller(fake.inProcess(), portal, botId, ingress, EventPoller.Options.defaults(), offsets);
    }

    private static Map<String, String> query(String url) {
        String q = URI.create(url).getRawQuery();
        Map<String, String> out = new HashMap<>();
        if (q != null) {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                out.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return out;
    }

    // ---- what tests use

    public FakeBitrix24 fake() {
        return fake;
    }

    public BotEngine engine() {
        return engine;
    }

    public Ingress ingress() {
        return ingress;
    }

    public VirtualClock clock() {
        return fake.clock();
    }

    /** The line with the bot ("Support"), or another line created with {@code o.line(name)}. */
    public OpenLine line(String name) {
        OpenLine l = lines.get(name);
        if (l == null) {
            throw new IllegalArgumentException("no line '" + name + "'; lines: " + lines.keySet());
        }
        return l;
    }

    public int operatorId() {
        return operatorId;
    }

    public Operator operator() {
        return fake.portal().operator(operatorId);
    }

    /** A new client writing into the bot's line. */
    public Client newClient(String name) {
        clients++;
        return fake.portal().client(line("Support").id(), name);
    }

    public Client newClient() {
        return newClient("Client " + (clients + 1));
    }

    /** Runs a scenario with a new client. */
    public ScenarioResult run(Scenario scenario) {
        return new ScenarioRunner(this).run(scenario);
    }

    /**
     * Waits until everything in flight is done: every event the fake account sent was answered and
     * every turn the bot started has finished (including turns those turns caused).
     */
    public void settle() {
        try {
            for (int round = 0; round < 1000; round++) {
                List<CompletableFuture<Delivery>> open = new ArrayList<>();
                for (CompletableFuture<Delivery> d : fake.deliveries()) {
                    if (!d.isDone()) {
                        open.add(d);
                    }
                }
                CompletableFuture.allOf(open.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
                if (!ingress.awaitIdle(20_000)) {
                    throw new IllegalStateException("the bot's turns did not finish within 20 s");
                }
                if (fetchPending()) {
                    poller.pollOnce(); // returns once every fetched event was handled
                    continue;
                }
                if (fake.deliveries().stream().allMatch(CompletableFuture::isDone) && ingress.stats().queued() == 0) {
                    return;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("settling failed: " + e.getMessage(), e);
        }
    }

    /**
     * Moves the shared virtual clock forward, firing the platform's timers (e.g. WELCOME_BOT_TIME)
     * and the bot's timeouts in time order, and waits for every turn they cause.
     */
    public void advance(Duration d) {
        Duration step = d.compareTo(Duration.ofHours(1)) <= 0 ? Duration.ofSeconds(1) : d.dividedBy(3600);
        Instant end = fake.clock().instant().plus(d);
        while (fake.clock().instant().isBefore(end)) {
            Duration left = Duration.between(fake.clock().instant(), end);
            fake.clock().advance(left.compareTo(step) < 0 ? left : step);
            if (engine.fireDueTimeouts() > 0 || fake.deliveries().stream().anyMatch(f -> !f.isDone()) || fetchPending()) {
                settle();
            }
        }
        settle();
    }

    /** In fetch mode: whether the platform queued events the bot has not fetched yet (e.g. after WELCOME_BOT_TIME). */
    private boolean fetchPending() {
        // the fake queues event ids 1, 2, ...; the offset store holds the next id to fetch (0 before the first poll)
        return poller != null && fake.portal().lastQueuedEventId(pollerBotId) >= Math.max(1, offsets.load());
    }

    /**
     * Simulates a restart of the bot process: the engine is built again over a store from the
     * store supplier (only a persistent store, e.g. a file store on the same path, keeps the dialogs).
     */
    public void restartBot() {
        settle();
        if (store instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        store = options.store.get();
        engine = newEngine();
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.close();
        }
        ingress.close();
        if (server != null) {
            server.close();
        }
        if (store instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing
            }
        }
        installRest.close();
        fake.close();
        vertx.close();
    }

    /** Kit settings; also what a {@link dev.olbot.bot.BotProvider} prepares ({@code provider.prepare(options)}). */
    public static final class Options implements dev.olbot.bot.BotProvider.TestAccount {
        private final List<Bot> bots = new ArrayList<>();
        private Transport transport = Transport.IN_PROCESS;
        private Supplier<DialogStore> store = InMemoryDialogStore::new;
        private int welcomeBotSeconds = 0;
        private Consumer<OpenLine> line = l -> {};
        private final List<String> moreLines = new ArrayList<>();
        private String operatorName = "Olga Operator";
        private int employeesUpTo;
        private Instant start = Instant.parse("2026-03-02T09:00:00Z");
        private final InstallRegistry installs = InstallRegistry.inMemory();
        private Registrar.EventMode eventMode;
        private RatePlan rateLimit = RatePlan.STANDARD;

        public Options bot(Bot bot) {
            bots.add(bot);
            return this;
        }

        public Options transport(Transport transport) {
            this.transport = transport;
            return this;
        }

        /** Where dialog state lives; called again on {@link #restartBot()} (use a file store to survive it). */
        public Options store(Supplier<DialogStore> store) {
            this.store = store;
            return this;
        }

        /** The line's WELCOME_BOT_TIME: seconds until the platform moves a dialog from the bot to the queue (0 = never). */
        public Options welcomeBotSeconds(int seconds) {
            this.welcomeBotSeconds = seconds;
            return this;
        }

        /** More settings of the bot's line ({@code imopenlines.config.get} keys). */
        public Options supportLine(Consumer<OpenLine> settings) {
            this.line = settings;
            return this;
        }

        /** Another line (ids follow the support line's: 2, 3, ...), with the operator in its queue. */
        @Override
        public Options line(String name) {
            moreLines.add(name);
            return this;
        }

        /** Adds employees until user {@code id} exists (for bots configured to transfer to a given user). */
        @Override
        public Options employeesUpTo(int id) {
            this.employeesUpTo = id;
            return this;
        }

        /**
         * Runs the bot as a Chatbots 2.0 bot: registered with {@code imbot.v2.Bot.register} and answering with
         * {@code imbot.v2.Chat.Message.send}. {@code WEBHOOK}: the fake account posts {@code ONIMBOTV2*} form bodies
         * to the kit's ingress. {@code FETCH}: the kit polls {@code imbot.v2.Event.get} with an {@link EventPoller}
         * from {@link #settle()} and {@link #advance(Duration)} — no real-time polling, no sleeping.
         */
        public Options chatbots2(Registrar.EventMode mode) {
            this.eventMode = java.util.Objects.requireNonNull(mode);
            return this;
        }

        public Options operatorName(String name) {
            this.operatorName = name;
            return this;
        }

        /**
         * The leaky bucket the fake portal enforces from the start (default {@link RatePlan#STANDARD}: 2 requests a
         * second, burst 50, as on a live portal; the virtual clock drains it when time passes in a scenario), or
         * {@code null} for no limit.
         */
        public Options rateLimit(RatePlan plan) {
            this.rateLimit = plan;
            return this;
        }

        /** When the virtual clock starts (default Monday 2026-03-02 09:00 UTC). */
        public Options startAt(Instant start) {
            this.start = start;
            return this;
        }
    }
}
