package dev.olbot.examples.bench;

import dev.olbot.ingress.ApplicationTokenVerifier;
import dev.olbot.ingress.Ingress;
import dev.olbot.ingress.IngressServer;
import dev.olbot.ingress.InstallRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Ingress throughput and latency on loopback against a bare Vert.x route that reads the same body
 * and answers 200, in one run: {@code olbot bench ingress}.
 */
public final class IngressBenchmark {

    private final double seconds;
    private final int inFlight;
    private final int rate;
    private final PrintStream out;
    private final int rounds;

    public IngressBenchmark(double seconds, int inFlight, int rate, int rounds, PrintStream out) {
        this.rounds = rounds;
        this.seconds = seconds;
        this.inFlight = inFlight;
        this.rate = rate;
        this.out = out;
    }

    /** Runs both targets; returns true when the targets (70% of bare throughput, p99 < 5 ms) are met. */
    public boolean run() throws Exception {
        SampleEvents events = new SampleEvents();
        int dialogs = 1000;
        LongFunction<Buffer> body = seq -> Buffer.buffer(events.openLineMessage(1000 + seq % dialogs, seq));
        out.printf("body: realistic open-line ONIMBOTMESSAGEADD, %d bytes; %d dialogs%n",
                events.openLineMessage(1000, 1).length(), dialogs);
        Vertx serverVertx = Vertx.vertx();
        AtomicLong handled = new AtomicLong();
        Ingress ingress = Ingress.create(b -> b
                .verifier(ApplicationTokenVerifier.forApp(InstallRegistry.inMemory()))
                .sink(e -> handled.incrementAndGet()));
        IngressServer olbot = await(IngressServer.start(serverVertx, ingress,
                IngressServer.Options.defaults().withHost("127.0.0.1").withPort(0)));
        HttpServer bare = await(bareRoute(serverVertx));
        try (LoadGenerator load = new LoadGenerator(inFlight)) {
            // install so every event verifies against a real token, then warm both up
            if (ingress.receive("application/x-www-form-urlencoded", SampleEvents.install(), java.util.Map.of()).status() != 200) {
                throw new IllegalStateException("benchmark install was not accepted");
            }
            load.closedLoop(bare.actualPort(), "/bare", body, inFlight, Math.max(2, seconds / 3));
            load.closedLoop(olbot.port(), "/bitrix/events", body, inFlight, Math.max(2, seconds / 3));

            // alternate the two targets over several rounds and take medians: on a shared 2-core
            // machine one run of either can be off by a third
            List<LoadResult> bareMax = new ArrayList<>();
            List<LoadResult> olbotMax = new ArrayList<>();
            List<LoadResult> bareFixed = new ArrayList<>();
            List<LoadResult> olbotFixed = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                bareMax.add(load.closedLoop(bare.actualPort(), "/bare", body, inFlight, seconds));
                olbotMax.add(load.closedLoop(olbot.port(), "/bitrix/events", body, inFlight, seconds));
                bareFixed.add(load.openLoop(bare.actualPort(), "/bare", body, rate, seconds));
                olbotFixed.add(load.openLoop(olbot.port(), "/bitrix/events", body, rate, seconds));
            }
            out.printf("%-22s %12s %8s %12s %10s %10s%n", "target", "events/s", "errors", "@" + rate + "/s", "p50 ms", "p99 ms");
            for (int round = 0; round < rounds; round++) {
                line("bare Vert.x route #" + (round + 1), bareMax.get(round), bareFixed.get(round));
                line("OLBot ingress #" + (round + 1), olbotMax.get(round), olbotFixed.get(round));
            }
            double bareRate = median(bareMax.stream().mapToDouble(LoadResult::perSecond).toArray());
            double olbotRate = median(olbotMax.stream().mapToDouble(LoadResult::perSecond).toArray());
            double olbotP99 = median(olbotFixed.stream().mapToDouble(r -> r.percentileMillis(99)).toArray());
            double bareP99 = median(bareFixed.stream().mapToDouble(r -> r.percentileMillis(99)).toArray());
            long errors = olbotMax.stream().mapToLong(LoadResult::errors).sum() + olbotFixed.stream().mapToLong(LoadResult::errors).sum();
            double ratio = olbotRate / bareRate;
            out.printf("medians of %d rounds: bare %.0f events/s, OLBot %.0f events/s = %.0f%% (target >= 70%%);"
                    + " p99 at %d events/s: OLBot %.2f ms (target < 5 ms), bare %.2f ms; %d errors%n",
                    rounds, bareRate, olbotRate, ratio * 100, rate, olbotP99, bareP99, errors);
            ingress.drain(30_000);
            out.printf("handled %d events, rejected %d, duplicates %d%n", ingress.stats().handled(),
                    ingress.stats().rejected(), ingress.stats().duplicates());
            return ratio >= 0.7 && olbotP99 < 5.0 && errors == 0;
        } finally {
            ingress.close();
            serverVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private void line(String name, LoadResult max, LoadResult fixed) {
        out.printf("%-22s %12.0f %8d %12s %10.2f %10.2f%n", name, max.perSecond(), max.errors() + fixed.errors(),
                fixed.completed() + " ok", fixed.percentileMillis(50), fixed.percentileMillis(99));
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static io.vertx.core.Future<HttpServer> bareRoute(Vertx vertx) {
        Router router = Router.router(vertx);
        router.post("/bare").handler(BodyHandler.create(false).setBodyLimit(256 * 1024)).handler(ctx -> {
            ctx.body().asString("UTF-8");
            ctx.response().setStatusCode(200).putHeader("Content-Type", "text/plain; charset=utf-8").end("OK");
        });
        return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1");
    }

    private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
