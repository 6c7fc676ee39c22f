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

    public IngressBenchmark(double seconds, int inFlight, int rate, PrintStream out) {
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

            LoadResult bareMax = load.closedLoop(bare.actualPort(), "/bare", body, inFlight, seconds);
            LoadResult olbotMax = load.closedLoop(olbot.port(), "/bitrix/events", body, inFlight, seconds);
            LoadResult bareFixed = load.openLoop(bare.actualPort(), "/bare", body, rate, seconds);
            LoadResult olbotFixed = load.openLoop(olbot.port(), "/bitrix/events", body, rate, seconds);

            double ratio = olbotMax.perSecond() / bareMax.perSecond();
            out.printf("%-22s %12s %8s %12s %10s %10s%n", "target", "events/s", "errors", "@" + rate + "/s", "p50 ms", "p99 ms");
            line("bare Vert.x route", bareMax, bareFixed);
            line("OLBot ingress", olbotMax, olbotFixed);
            out.printf("ingress throughput = %.0f%% of the bare route (target >= 70%%); p99 at %d events/s = %.2f ms (target < 5 ms)%n",
                    ratio * 100, rate, olbotFixed.percentileMillis(99));
            ingress.drain(30_000);
            out.printf("handled %d events, rejected %d, duplicates %d%n", ingress.stats().handled(),
                    ingress.stats().rejected(), ingress.stats().duplicates());
            return ratio >= 0.7 && olbotFixed.percentileMillis(99) < 5.0 && olbotMax.errors() == 0 && olbotFixed.errors() == 0;
        } finally {
            ingress.close();
            serverVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private void line(String name, LoadResult max, LoadResult fixed) {
        out.printf("%-22s %12.0f %8d %12s %10.2f %10.2f%n", name, max.perSecond(), max.errors() + fixed.errors(),
                fixed.completed() + " ok", fixed.percentileMillis(50), fixed.percentileMillis(99));
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
