package dev.olbot.examples.bench;

import dev.olbot.ingress.ApplicationTokenVerifier;
import dev.olbot.ingress.Ingress;
import dev.olbot.ingress.IngressServer;
import dev.olbot.ingress.InstallGate;
import dev.olbot.ingress.InstallRegistry;
import dev.olbot.metrics.MetricsRoute;
import dev.olbot.metrics.OlbotMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Ingress throughput and latency on loopback against a bare Vert.x route that reads the same body
 * and answers 200, and the same ingress with metrics on (OLBot's meters, Vert.x's HTTP metrics and
 * a Prometheus registry, as {@code BotServer} runs it) beside it, in one run: {@code olbot bench ingress}.
 */
public final class IngressBenchmark {

    private final double seconds;
    private final int inFlight;
    private final int rate;
    private final PrintStream out;
    private final int rounds;
    private final int eventLoops;

    /** @param eventLoops the event loops every server in the comparison listens on (OLBot's and the plain Vert.x routes alike) */
    /** The load both ingress benchmarks take, refused when it cannot be run (one line, for the command line). */
    static void checkLoad(double seconds, int inFlight, int rate, int rounds) {
        if (!(seconds > 0) || inFlight < 1 || rate < 1 || rounds < 1) {
            throw new IllegalArgumentException("seconds must be > 0, connections, rate and rounds >= 1");
        }
    }

    public IngressBenchmark(double seconds, int inFlight, int rate, int rounds, int eventLoops, PrintStream out) {
        checkLoad(seconds, inFlight, rate, rounds);
        this.rounds = rounds;
        this.eventLoops = eventLoops;
        this.seconds = seconds;
        this.inFlight = inFlight;
        this.rate = rate;
        this.out = out;
    }

    /**
     * Runs the three targets; returns true when OLBot reaches 70% of the Vert.x Web + BodyHandler
     * route's throughput and p99 < 5 ms at the fixed rate.
     */
    public boolean run() throws Exception {
        SampleEvents events = new SampleEvents();
        int dialogs = 1000;
        LongFunction<Buffer> body = seq -> Buffer.buffer(events.openLineMessageBytes(1000 + seq % dialogs, seq));
        out.printf("body: realistic open-line ONIMBOTMESSAGEADD, %d bytes; %d dialogs; every server on %d event loop(s)%n",
                events.openLineMessage(1000, 1).length(), dialogs, eventLoops);
        Vertx serverVertx = Vertx.vertx();
        Vertx olbotVertx = Vertx.vertx();
        AtomicLong handled = new AtomicLong();
        InstallRegistry installs = InstallRegistry.inMemory();
        Ingress ingress = Ingress.create(b -> b
                .verifier(ApplicationTokenVerifier.forApp(installs))
                .installGate(InstallGate.of(installs, install -> {})) // no authorisation server here: the sample install counts as confirmed
                .sink(e -> handled.incrementAndGet()));
        IngressServer olbot = await(IngressServer.start(olbotVertx, ingress,
                IngressServer.Options.defaults().withHost("127.0.0.1").withPort(0).withEventLoops(eventLoops)));
        // the same ingress with metrics on, as BotServer runs it: OLBot's meters and Vert.x's HTTP metrics in a Prometheus registry
        PrometheusMeterRegistry registry = MetricsRoute.prometheus();
        Vertx meteredVertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry)).build();
        Ingress metered = Ingress.create(b -> b.verifier(ApplicationTokenVerifier.forApp(installs))
                .installGate(InstallGate.of(installs, install -> {})).sink(e -> handled.incrementAndGet())
                .metrics(OlbotMetrics.of(registry)));
        IngressServer meteredServer = await(IngressServer.start(meteredVertx, metered,
                IngressServer.Options.defaults().withHost("127.0.0.1").withPort(0).withEventLoops(eventLoops), r -> MetricsRoute.mount(r, "/metrics", registry)));
        int bare = await(bareRoute(serverVertx, eventLoops));
        int web = await(bodyHandlerRoute(serverVertx, eventLoops));
        try (LoadGenerator load = new LoadGenerator(inFlight)) {
            // install so every event verifies against a real token, then warm both up
            SampleEvents.installOn(ingress);
            if (installs.applicationToken(SampleEvents.MEMBER_ID).isEmpty()) {
                throw new IllegalStateException("benchmark install was not accepted");
            }
            load.closedLoop(bare, "/bare", body, inFlight, Math.max(2, seconds / 3));
            load.closedLoop(olbot.port(), "/bitrix/events", body, inFlight, Math.max(2, seconds / 3));
            load.closedLoop(meteredServer.port(), "/bitrix/events", body, inFlight, Math.max(2, seconds / 3));

            // alternate the two targets over several rounds and take medians: on a shared 2-core
            // machine one run of either can be off by a third
            List<LoadResult> bareMax = new ArrayList<>();
            List<LoadResult> webMax = new ArrayList<>();
            List<LoadResult> olbotMax = new ArrayList<>();
            List<LoadResult> bareFixed = new ArrayList<>();
            List<LoadResult> webFixed = new ArrayList<>();
            List<LoadResult> olbotFixed = new ArrayList<>();
            List<LoadResult> meteredMax = new ArrayList<>();
            List<LoadResult> meteredFixed = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                // metrics on and off one after the other, in alternating order, so drift hits both alike
                boolean meteredFirst = round % 2 == 1;
                if (meteredFirst) {
                    meteredMax.add(load.closedLoop(meteredServer.port(), "/bitrix/events", body, inFlight, seconds));
                }
                bareMax.add(load.closedLoop(bare, "/bare", body, inFlight, seconds));
                webMax.add(load.closedLoop(web, "/bare", body, inFlight, seconds));
                olbotMax.add(load.closedLoop(olbot.port(), "/bitrix/events", body, inFlight, seconds));
                if (!meteredFirst) {
                    meteredMax.add(load.closedLoop(meteredServer.port(), "/bitrix/events", body, inFlight, seconds));
                }
                bareFixed.add(load.openLoop(bare, "/bare", body, rate, seconds));
                webFixed.add(load.openLoop(web, "/bare", body, rate, seconds));
                olbotFixed.add(load.openLoop(olbot.port(), "/bitrix/events", body, rate, seconds));
                meteredFixed.add(load.openLoop(meteredServer.port(), "/bitrix/events", body, rate, seconds));
            }
            out.printf("%-30s %12s %8s %12s %10s %10s%n", "target", "events/s", "errors", "@" + rate + "/s", "p50 ms", "p99 ms");
            for (int round = 0; round < rounds; round++) {
                line("raw Vert.x handler #" + (round + 1), bareMax.get(round), bareFixed.get(round));
                line("Vert.x Web + BodyHandler #" + (round + 1), webMax.get(round), webFixed.get(round));
                line("OLBot ingress #" + (round + 1), olbotMax.get(round), olbotFixed.get(round));
                line("OLBot ingress, metrics on #" + (round + 1), meteredMax.get(round), meteredFixed.get(round));
            }
            double bareRate = median(bareMax.stream().mapToDouble(LoadResult::perSecond).toArray());
            double webRate = median(webMax.stream().mapToDouble(LoadResult::perSecond).toArray());
            double olbotRate = median(olbotMax.stream().mapToDouble(LoadResult::perSecond).toArray());
            double olbotP99 = median(olbotFixed.stream().mapToDouble(r -> r.percentileMillis(99)).toArray());
            long errors = olbotMax.stream().mapToLong(LoadResult::errors).sum() + olbotFixed.stream().mapToLong(LoadResult::errors).sum();
            double ratio = olbotRate / webRate;
            out.printf("medians of %d rounds: OLBot %.0f events/s = %.0f%% of Vert.x Web + BodyHandler (%.0f/s), %.0f%% of a raw"
                    + " handler that only reads the bytes (%.0f/s); p99 at %d events/s: OLBot %.2f ms (target < 5 ms); %d errors%n",
                    rounds, olbotRate, ratio * 100, webRate, olbotRate / bareRate * 100, bareRate, rate, olbotP99, errors);
            double meteredRate = median(meteredMax.stream().mapToDouble(LoadResult::perSecond).toArray());
            double meteredP99 = median(meteredFixed.stream().mapToDouble(r -> r.percentileMillis(99)).toArray());
            errors += meteredMax.stream().mapToLong(LoadResult::errors).sum() + meteredFixed.stream().mapToLong(LoadResult::errors).sum();
            // each round ran both back to back: the median of the rounds' own ratios is steadier than a ratio of medians
            double[] paired = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                paired[round] = 1 - meteredMax.get(round).perSecond() / olbotMax.get(round).perSecond();
            }
            double cost = median(paired);
            out.printf("metrics on vs off: %.0f vs %.0f events/s (medians); cost per round %s; median cost %.1f%% %s"
                    + " (target: at most 5%% lower); p99 at %d events/s %.2f ms vs %.2f ms%n", meteredRate, olbotRate,
                    java.util.Arrays.stream(paired).mapToObj(c -> String.format(java.util.Locale.ROOT, "%+.1f%%", -c * 100))
                            .collect(java.util.stream.Collectors.joining(", ")),
                    Math.abs(cost) * 100, cost >= 0 ? "lower" : "higher", rate, meteredP99, olbotP99);
            metered.drain(30_000);
            out.printf("the metered ingress counted %.0f accepted events (olbot_events_received_total)%n",
                    registry.find("olbot.events.received").tags("outcome", "accepted").counters().stream()
                            .mapToDouble(io.micrometer.core.instrument.Counter::count).sum());
            ingress.drain(30_000);
            out.printf("handled %d events, rejected %d, duplicates %d%n", ingress.stats().handled(),
                    ingress.stats().rejected(), ingress.stats().duplicates());
            return ratio >= 0.7 && olbotP99 < 5.0 && errors == 0 && cost <= 0.05;
        } finally {
            ingress.close();
            metered.close();
            meteredVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            olbotVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            serverVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private void line(String name, LoadResult max, LoadResult fixed) {
        out.printf("%-30s %12.0f %8d %12s %10.2f %10.2f%n", name, max.perSecond(), max.errors() + fixed.errors(),
                fixed.completed() + " ok", fixed.percentileMillis(50), fixed.percentileMillis(99));
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The idiomatic Vert.x Web route: {@code BodyHandler} reads the body (and, for a form, decodes its fields). */
    private static io.vertx.core.Future<Integer> bodyHandlerRoute(Vertx vertx, int loops) {
        return LoopServers.listen(vertx, loops, v -> {
            Router router = Router.router(v);
            router.post("/bare").handler(io.vertx.ext.web.handler.BodyHandler.create(false).setBodyLimit(256 * 1024)).handler(ctx -> {
                ctx.body().asString("UTF-8");
                ctx.response().setStatusCode(200).putHeader("Content-Type", "text/plain; charset=utf-8").end("OK");
            });
            return router;
        });
    }

    /**
     * The floor: a raw handler that reads the whole body as a string, the cheapest way Vert.x offers, and answers 200;
     * served on {@code loops} event loops like the ingress it is compared with. Completes with its port.
     */
    static io.vertx.core.Future<Integer> bareRoute(Vertx vertx, int loops) {
        return bodyRoute(vertx, loops, (ctx, body) -> ok(ctx, 200));
    }

    /**
     * The raw handler that also keeps each body in {@code inbox} and answers once it is durable (then
     * marks it handled, as a turn that does nothing would): what the journal alone costs, with nothing
     * decoded, verified or handed to a turn — the upper bound of a durable ingress on this machine.
     */
    static io.vertx.core.Future<Integer> journalledBareRoute(Vertx vertx, int loops, dev.olbot.ingress.Inbox inbox) {
        java.util.concurrent.atomic.AtomicLong seq = new java.util.concurrent.atomic.AtomicLong();
        return bodyRoute(vertx, loops, (ctx, body) -> {
            io.vertx.core.Context loop = Vertx.currentContext();
            inbox.append(new dev.olbot.ingress.Inbox.Delivery("bare-" + seq.incrementAndGet(), "application/x-www-form-urlencoded",
                    body, java.util.Map.of())).whenComplete((id, failed) -> {
                        Runnable answer = () -> {
                            ok(ctx, failed == null ? 200 : 503);
                            if (failed == null) {
                                inbox.handled(id);
                            }
                        };
                        if (Vertx.currentContext() == loop) {
                            answer.run();
                        } else {
                            loop.runOnContext(x -> answer.run());
                        }
                    });
        });
    }

    /** {@code POST /bare} on {@code loops} event loops: reads the whole body as a string and hands it to {@code onBody} on the loop. */
    private static io.vertx.core.Future<Integer> bodyRoute(Vertx vertx, int loops,
            java.util.function.BiConsumer<io.vertx.ext.web.RoutingContext, String> onBody) {
        return LoopServers.listen(vertx, loops, v -> {
            Router router = Router.router(v);
            router.post("/bare").handler(ctx -> {
                Buffer body = Buffer.buffer();
                ctx.request().handler(body::appendBuffer);
                ctx.request().endHandler(e -> onBody.accept(ctx, body.toString(java.nio.charset.StandardCharsets.UTF_8)));
                ctx.request().resume();
            });
            return router;
        });
    }

    private static void ok(io.vertx.ext.web.RoutingContext ctx, int status) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end("OK");
    }

    static <T> T await(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
