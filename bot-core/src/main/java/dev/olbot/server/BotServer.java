package dev.olbot.server;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotEngine;
import dev.olbot.bot.Registrar;
import dev.olbot.event.Portal;
import dev.olbot.ingress.ApplicationTokenVerifier;
import dev.olbot.ingress.EventPoller;
import dev.olbot.ingress.Inbox;
import dev.olbot.ingress.Ingress;
import dev.olbot.ingress.IngressServer;
import dev.olbot.ingress.InstallConfirmer;
import dev.olbot.ingress.InstallGate;
import dev.olbot.ingress.InstallRegistry;
import dev.olbot.rest.RestClient;
import dev.olbot.rest.TokenStore;
import dev.olbot.rest.WebhookCredentials;
import dev.olbot.metrics.MetricsRoute;
import dev.olbot.metrics.OlbotMetrics;
import dev.olbot.trace.TurnTrace;
import io.micrometer.core.instrument.MeterRegistry;
import dev.olbot.state.DialogStore;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs bots for a real portal: the ingress on an HTTP port (plus {@code GET /health}), the REST
 * client with the app's OAuth tokens or an inbound webhook, dialogs, tokens and installs kept in a
 * data folder, timeouts fired every second, bots registered on install (or at start for an
 * inbound webhook), and Chatbots 2.0 fetch-mode pollers.
 *
 * <pre>{@code
 * BotServer server = BotServer.start(List.of(bot), ServerConfig.load(Optional.empty(), System.getenv()));
 * server.selfCheck().forEach(System.out::println);
 * }</pre>
 */
public final class BotServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BotServer.class);
    /** The portal label of an inbound-webhook setup (its calls go to one portal). */
    public static final String WEBHOOK_PORTAL = "webhook";

    private final ServerConfig config;
    private final Vertx vertx;
    private final RestClient rest;
    private final InstallRegistry installs;
    private final DialogStore dialogs;
    private final ServerStores stores;
    private final Inbox inbox;
    /** How long dedupe keys are kept: Bitrix24's duplicate deliveries arrive within minutes. */
    static final java.time.Duration DEDUPE_WINDOW = java.time.Duration.ofHours(1);
    /** With OLBOT_DEBUG_TOKEN: the last 20 turns of the 1,000 most recently active dialogs. */
    static final int TRACE_DIALOGS = 1000;
    static final int TRACE_TURNS = 20;
    private final TokenStore tokens;
    private final BotEngine engine;
    private final Ingress ingress;
    private final IngressServer server;
    private final List<Bot> bots;
    private final Map<String, EventPoller> pollers = new ConcurrentHashMap<>();
    private final long timer;
    /** Refreshes the cluster backlog gauge (cluster mode only; -1 otherwise). */
    private final long backlogTimer;
    /** Reads the bot ids other instances learned (cluster fetch mode only; -1 otherwise). */
    private final long botIdTimer;
    private static final long BOT_IDS_EVERY_MILLIS = 10_000;
    private final String publicUrl;
    /** What the constructor opened so far, to close if it fails before the server listens. */
    private final java.util.ArrayDeque<AutoCloseable> opened = new java.util.ArrayDeque<>();

    private BotServer(List<Bot> bots, ServerConfig config, MeterRegistry teamRegistry,
            io.micrometer.observation.ObservationRegistry observations) throws Exception {
        List<String> problems = config.problems().stream().filter(p -> !p.contains("not https")).toList();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot start: " + String.join("; ", problems));
        }
        this.config = config;
        this.bots = List.copyOf(bots);
        try {
            Files.createDirectories(config.dataDir());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot create the data folder " + config.dataDir() + " (OLBOT_DATA_DIR): "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        MetricsRoute.Registries registries = config.metrics() ? MetricsRoute.Registries.forTeam(teamRegistry) : null;
        OlbotMetrics counted = registries == null ? OlbotMetrics.noop() : OlbotMetrics.of(registries.recordInto());
        OlbotMetrics metrics = observations == null ? counted : counted.withObservations(observations);
        TurnTrace trace = config.debugToken().isEmpty() ? TurnTrace.off() : TurnTrace.create(TRACE_DIALOGS, TRACE_TURNS);
        this.vertx = registries == null ? Vertx.vertx() : Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registries.recordInto())).build();
        try {
            this.stores = ServerStores.open(config, vertx, DEDUPE_WINDOW);
            opened.push(stores);
            this.tokens = stores.tokens;
            this.rest = RestClient.create(vertx, o -> {
                o.rateLimit(config.rateLimit()).metrics(metrics);
                stores.configure(o);
                if (config.oauthApp()) {
                    o.oauth(config.clientId(), config.clientSecret()).oauthServers(config.oauthServers());
                } else {
                    WebhookCredentials w = new WebhookCredentials(config.webhookUrl());
                    if (!config.botClientId().isEmpty()) {
                        w = w.withClientId(config.botClientId());
                    }
                    if (!config.botToken().isEmpty()) {
                        w = w.withBotToken(config.botToken());
                    }
                    o.webhook(w);
                }
            });
            opened.push(rest::close);
            this.installs = stores.installs;
            this.dialogs = stores.dialogs;
            this.inbox = stores.openInbox(config, DEDUPE_WINDOW);
            opened.push(inbox);
            BotIdFile botIdFile = new BotIdFile(config.dataDir().resolve("bots.json"));
            Ingress[] lanes = new Ingress[1];
            String[] url = {config.publicUrl()};
            this.engine = BotEngine.create(e -> {
                bots.forEach(e::bot);
                e.rest(rest).store(dialogs).handlerUrl(() -> url[0]).botToken(config.inboundWebhook() ? config.botToken() : "")
                        .registerAs(config.api(), config.fetchMode() ? Registrar.EventMode.FETCH : Registrar.EventMode.WEBHOOK)
                        .lanes((lane, task) -> lanes[0].submit(lane, task)).knownBotIds(stores.withSharedBotIds(botIdFile.load()))
                        .metrics(metrics).trace(trace).sentCalls(stores.sentCalls);
            });
            List<String> webhookClients = new ArrayList<>();
            if (config.inboundWebhook()) {
                if (!config.botClientId().isEmpty()) {
                    webhookClients.add(config.botClientId());
                }
                if (!config.botToken().isEmpty()) {
                    webhookClients.add(config.botToken());
                }
            }
            InstallGate gate = config.oauthApp() ? InstallGate.of(installs, InstallConfirmer.oauthServer(rest)) : null;
            this.ingress = Ingress.create(b -> b.verifier(ApplicationTokenVerifier.of(installs, webhookClients).trusting(config.oauthServers()))
                    .installGate(gate).inbox(inbox).workerThreads(config.handlerThreads()).backlogWarning(config.backlogWarning()).metrics(metrics)
                    .dedupe(stores.dedupe)
                    .sink(event -> {
                        engine.accept(event);
                        Map<String, Long> ids = engine.botIds();
                        botIdFile.saveIfChanged(ids);
                        stores.shareBotIds(ids);
                        if (event instanceof dev.olbot.event.AppInstalled && config.fetchMode()) {
                            startPollers(event.meta().portal());
                        }
                    }));
            lanes[0] = ingress;
            opened.push(ingress);
            ingress.resume(); // what an earlier run accepted and did not handle, before anything new
            if (config.fetchMode() && tokens != null) {
                for (String portal : installs.portals()) { // pollers resume for every installed portal
                    tokens.load(portal).ifPresent(c -> startPollers(new Portal(c.domain(), c.memberId(), c.clientEndpoint(), c.serverEndpoint())));
                }
            }
            this.server = IngressServer.start(vertx, ingress, IngressServer.Options.defaults().withHost(config.host())
                    .withPort(config.port()).withPath(config.path()).withEventLoops(config.eventLoops()), router -> {
                        if (registries != null) {
                            MetricsRoute.mount(router, "/metrics", registries.serve());
                        }
                        DebugRoute.mount(router, trace, config.debugToken());
                    }).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            // local testing: a public URL on a loopback host with port 0 means "the port the server got"
            if (url[0].matches("https?://(127\\.0\\.0\\.1|localhost):0/.*")) {
                url[0] = url[0].replaceFirst(":0/", ":" + server.port() + "/");
            }
            this.publicUrl = url[0];
            // off the event loop: a shared (Redis) dialog store blocks; ordered, so runs never overlap
            this.timer = vertx.setPeriodic(1000, t -> vertx.executeBlocking(engine::fireDueTimeouts));
            this.backlogTimer = ingress.sharesInbox() && metrics.registry().isPresent() ? watchClusterBacklog(vertx, ingress, metrics) : -1;
            // a fetch-mode install received by another instance: learn its bot id and poll it too (to take over the lease)
            this.botIdTimer = config.fetchMode() && tokens != null && stores.sharesBotIds()
                    ? vertx.setPeriodic(BOT_IDS_EVERY_MILLIS, t -> vertx.executeBlocking(() -> {
                        learnSharedBotIds();
                        return null;
                    }, false))
                    : -1;
            if (config.inboundWebhook()) {
                ingress.submit(WEBHOOK_PORTAL, () -> {
                    try {
                        engine.registerOn(WEBHOOK_PORTAL);
                        if (config.fetchMode()) {
                            startPollers(new Portal(URI.create(config.webhookUrl()).getHost(), WEBHOOK_PORTAL, "", ""));
                        }
                    } catch (RuntimeException e) {
                        log.error("registering the bot through the inbound webhook failed: {}", e.getMessage());
                    }
                });
            }
            log.info("OLBot listening on {}:{}{} ({})", config.host(), server.port(), config.path(), config);
        } catch (Exception | Error e) {
            closeHalfOpened(e);
            throw e;
        }
    }

    /** A start that failed half-way (a port in use, a store that cannot open) closes what it had opened, newest first. */
    private void closeHalfOpened(Throwable cause) {
        pollers.values().forEach(EventPoller::close);
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
        try {
            // waited for, so a failed start returns with its threads gone (a caller retrying, or a test counting threads)
            vertx.close().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            cause.addSuppressed(e);
        }
    }

    /**
     * Starts the server; throws {@link IllegalArgumentException} naming what the configuration lacks, and
     * {@link IllegalStateException} when it cannot listen (a port in use names {@code OLBOT_PORT}).
     */
    public static BotServer start(List<Bot> bots, ServerConfig config) {
        return start(bots, config, null);
    }

    /**
     * Like {@link #start(List, ServerConfig)}, recording metrics into a team's own registry too: a
     * Prometheus registry (alone or in a composite) is also what {@code /metrics} serves; any other is
     * joined with one, so {@code /metrics} still answers. {@code null}: a registry of its own.
     */
    public static BotServer start(List<Bot> bots, ServerConfig config, MeterRegistry registry) {
        return start(bots, config, registry, null);
    }

    /**
     * Like {@link #start(List, ServerConfig, MeterRegistry)}, with an {@code olbot.turn} observation around
     * every turn in {@code observations} (a span per turn when Micrometer Tracing bridges it to OpenTelemetry).
     */
    public static BotServer start(List<Bot> bots, ServerConfig config, MeterRegistry registry,
            io.micrometer.observation.ObservationRegistry observations) {
        try {
            return new BotServer(bots, config, registry, observations);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            if (portInUse(e)) {
                throw new IllegalStateException("port " + config.port() + " on " + config.host()
                        + " is already in use: set OLBOT_PORT to a free port (0 picks any)", e);
            }
            throw new IllegalStateException("the server did not start: " + e.getMessage(), e);
        }
    }

    private static boolean portInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    /** Cluster fetch mode: bot ids registered by other instances since this one started, and their pollers. */
    private void learnSharedBotIds() {
        Map<String, Long> known = engine.botIds();
        Map<String, Long> all = stores.withSharedBotIds(known);
        if (all.equals(known)) {
            return;
        }
        engine.learnBotIds(all);
        for (String portal : installs.portals()) {
            tokens.load(portal).ifPresent(c -> startPollers(new Portal(c.domain(), c.memberId(), c.clientEndpoint(), c.serverEndpoint())));
        }
    }

    private void startPollers(Portal portal) {
        for (Bot bot : bots) {
            engine.botId(portal.key(), bot.code()).ifPresent(id -> pollers.computeIfAbsent(portal.key() + "/" + id,
                    k -> new EventPoller(rest, portal, id, ingress, EventPoller.Options.defaults(),
                            stores.pollLease(config.dataDir(), portal.key(), id)).start()));
        }
    }

    public int port() {
        return server.port();
    }

    /** The URL events are expected at (the configured one, with the real port for a loopback port 0). */
    public String publicUrl() {
        return publicUrl;
    }

    /** Waits until every event accepted so far was handled; for tests and graceful shutdown. */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        return ingress.awaitIdle(timeoutMillis);
    }

    public BotEngine engine() {
        return engine;
    }

    /**
     * What stands between this server and a working bot, in plain words: configuration warnings,
     * no install received yet, a handler URL that cannot be reached. Blocks for up to 5 s.
     */
    public List<String> selfCheck() {
        List<String> out = new ArrayList<>(config.problems());
        if (config.oauthApp() && installs.portals().isEmpty()) {
            out.add("no install received yet: install the app on your portal with its handler (and install) URL set to "
                    + publicUrl + "; events are verified against the application_token of that install");
        }
        if (!publicUrl.isEmpty()) {
            String health = healthUrl(publicUrl);
            WebClient client = WebClient.create(vertx);
            try {
                int status = client.getAbs(health).timeout(5000).send().toCompletionStage().toCompletableFuture()
                        .get(6, TimeUnit.SECONDS).statusCode();
                if (status != 200) {
                    out.add("handler URL answers HTTP " + status + " at " + health + ": does it reach this server?");
                }
            } catch (Exception e) {
                out.add("handler URL not reachable from here (" + health + "): " + rootMessage(e)
                        + " — Bitrix24 must be able to reach " + publicUrl);
            } finally {
                client.close();
            }
        }
        return out;
    }

    private static String healthUrl(String publicUrl) {
        URI u = URI.create(publicUrl);
        return u.getScheme() + "://" + u.getRawAuthority() + "/health";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The cluster's backlog as a gauge, read from Redis every 5 s on a worker (a scrape never waits for Redis). */
    private static long watchClusterBacklog(Vertx vertx, Ingress ingress, OlbotMetrics metrics) {
        java.util.concurrent.atomic.AtomicReference<Double> last = new java.util.concurrent.atomic.AtomicReference<>(Double.NaN);
        metrics.watchClusterBacklog(last::get);
        return vertx.setPeriodic(1, 5000, t -> vertx.executeBlocking(() -> {
            try {
                last.set((double) ingress.sharedBacklog().orElse(0));
            } catch (RuntimeException e) {
                last.set(Double.NaN);
                log.warn("cannot read the cluster's backlog for the metrics: {}", e.toString());
            }
            return null;
        }, false));
    }

    /**
     * Stops cleanly: {@code /health/ready} goes DOWN first, then the listener stops (no new
     * deliveries), then up to 10 s for queued events to be handled — what is not handled by then
     * stays in the inbox journal for the next start — and the stores close last.
     */
    @Override
    public void close() {
        ingress.markNotReady();
        try {
            server.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("stopping the listener: {}", e.getMessage());
        }
        vertx.cancelTimer(timer);
        vertx.cancelTimer(backlogTimer);
        vertx.cancelTimer(botIdTimer);
        pollers.values().forEach(EventPoller::close);
        try {
            if (!ingress.drain(10_000)) {
                log.warn("{} event(s) were not handled within 10 s; they stay in the inbox for the next start", ingress.stats().queued());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ingress.close();
        inbox.close();
        try {
            stores.close();
        } catch (Exception e) {
            log.warn("closing the stores failed: {}", e.getMessage());
        }
        rest.close();
        vertx.close();
    }
}
