package dev.olbot.examples.bench;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.olbot.ingress.ApplicationTokenVerifier;
import dev.olbot.ingress.Ingress;
import dev.olbot.ingress.IngressServer;
import dev.olbot.ingress.InstallGate;
import dev.olbot.ingress.InstallRegistry;
import dev.olbot.rest.InstallNotConfirmedException;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * {@code olbot bench hostile}: sends a seeded stream of hostile requests ({@link HostileRequests})
 * over real HTTP to the ingress and reports what came back — status counts, 5xx, hangs, how fast
 * {@code /health} answered meanwhile, heap after, and log lines per bad request — while genuine
 * events keep being answered 200 and handled.
 */
public final class HostileBenchmark {

    /** What one run saw. */
    public record Result(long requests, Map<String, Map<String, Long>> statusByKind, long serverErrors, long hangs,
                         long validSent, long validHandled, long logLines, long badRequests, double healthP50Ms,
                         double healthP99Ms, double healthMaxMs, long heapAfterBytes, double seconds) {

        public boolean targetsMet() {
            return serverErrors == 0 && hangs == 0 && validHandled == validSent && healthP99Ms < 50;
        }
    }

    private final int requests;
    private final int concurrency;
    private final long seed;

    public HostileBenchmark(int requests, int concurrency, long seed) {
        if (requests < 1 || concurrency < 1) {
            throw new IllegalArgumentException("requests and connections must be >= 1");
        }
        this.requests = requests;
        this.concurrency = concurrency;
        this.seed = seed;
    }

    public Result run(PrintStream out) throws Exception {
        Vertx serverVertx = Vertx.vertx();
        Vertx clientVertx = Vertx.vertx();
        InstallRegistry installs = InstallRegistry.inMemory();
        AtomicLong handled = new AtomicLong();
        // the authorisation server's stand-in: it knows the benchmark's own install only
        Ingress ingress = Ingress.create(b -> b.verifier(ApplicationTokenVerifier.forApp(installs))
                .installGate(InstallGate.of(installs, install -> {
                    if (!install.meta().auth().applicationToken().orElse("").equals(SampleEvents.APP_TOKEN)) {
                        throw new InstallNotConfirmedException(install.meta().portal().key(), "unknown access token");
                    }
                }, 1_000_000))
                .sink(e -> {
                    if (e instanceof dev.olbot.event.MessageAdded m && m.message().id() >= HostileRequests.GENUINE) {
                        handled.incrementAndGet();
                    }
                }));
        IngressServer server = IngressServer.start(serverVertx, ingress, IngressServer.Options.defaults().withHost("127.0.0.1")
                .withPort(0).withTimeouts(2_000, 2_000, 10_000)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        SampleEvents.installOn(ingress);
        LogCounter logs = LogCounter.attach();
        NetClient net = clientVertx.createNetClient(new NetClientOptions().setConnectTimeout(5_000));
        List<Long> healthNanos = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        pollHealth(server.port(), healthNanos, running);

        HostileRequests generator = new HostileRequests(seed);
        Map<String, Map<String, Long>> byKind = new ConcurrentHashMap<>();
        AtomicLong serverErrors = new AtomicLong();
        AtomicLong hangs = new AtomicLong();
        AtomicLong validSent = new AtomicLong();
        AtomicLong next = new AtomicLong();
        CountDownLatch done = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            clientVertx.runOnContext(v -> worker(net, clientVertx, server.port(), generator, next, byKind, serverErrors, hangs, validSent, done));
        }
        if (!done.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the hostile run did not finish");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        ingress.awaitIdle(30_000);
        logs.detach();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heap = rt.totalMemory() - rt.freeMemory();
        List<Long> h;
        synchronized (healthNanos) {
            h = new ArrayList<>(healthNanos);
        }
        Collections.sort(h);
        long bad = requests - validSent.get();
        Result r = new Result(requests, new TreeMap<>(byKind), serverErrors.get(), hangs.get(), validSent.get(), handled.get(),
                logs.count(), bad, pct(h, 50), pct(h, 99), h.isEmpty() ? 0 : h.get(h.size() - 1) / 1e6, heap, seconds);
        net.close();
        server.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ingress.close();
        clientVertx.close();
        serverVertx.close();
        print(r, out);
        return r;
    }

    private void worker(NetClient net, Vertx vertx, int port, HostileRequests generator, AtomicLong next,
            Map<String, Map<String, Long>> byKind, AtomicLong serverErrors, AtomicLong hangs, AtomicLong validSent, CountDownLatch done) {
        long seq = next.getAndIncrement();
        if (seq >= requests) {
            done.countDown();
            return;
        }
        HostileRequests.Request req;
        synchronized (generator) {
            req = generator.next(seq);
        }
        if (req.kind().equals("valid event")) {
            validSent.incrementAndGet();
        }
        // a request left half-way must be cut off by the server's header/body timeout (2 s here);
        // anything else must be answered: no close within 15 s is a hang
        long limitMs = 15_000;
        Promise<String> outcome = Promise.promise();
        net.connect(port, "127.0.0.1").onComplete(ar -> {
            if (ar.failed()) {
                outcome.tryComplete("connect failed");
                return;
            }
            var socket = ar.result();
            Buffer got = Buffer.buffer();
            long timer = vertx.setTimer(limitMs, t -> {
                outcome.tryComplete("hang");
                socket.close();
            });
            socket.handler(got::appendBuffer);
            socket.exceptionHandler(e -> { });
            socket.closeHandler(v -> {
                vertx.cancelTimer(timer);
                outcome.tryComplete(status(got));
            });
            socket.write(Buffer.buffer(req.bytes()));
        });
        outcome.future().onComplete(ar -> {
            String status = ar.result();
            byKind.computeIfAbsent(req.kind(), k -> new ConcurrentHashMap<>()).merge(status, 1L, Long::sum);
            if (status.startsWith("5")) {
                serverErrors.incrementAndGet();
            }
            if (status.equals("hang")) {
                hangs.incrementAndGet();
            }
            worker(net, vertx, port, generator, next, byKind, serverErrors, hangs, validSent, done);
        });
    }

    private static String status(Buffer got) {
        if (got.length() == 0) {
            return "closed";
        }
        String head = got.getString(0, Math.min(got.length(), 12), StandardCharsets.ISO_8859_1.name());
        return head.startsWith("HTTP/1.1 ") && head.length() >= 12 ? head.substring(9, 12) : "garbage";
    }

    /** GET /health every 20 ms from a thread of its own (not the load generator's event loop), timing each answer. */
    private static void pollHealth(int port, List<Long> nanos, AtomicBoolean running) {
        Thread t = new Thread(() -> {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpRequest get = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(java.time.Duration.ofSeconds(30)).build();
            while (running.get()) {
                long t0 = System.nanoTime();
                try {
                    client.send(get, java.net.http.HttpResponse.BodyHandlers.discarding());
                    nanos.add(System.nanoTime() - t0);
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                } catch (java.io.IOException e) {
                    nanos.add(System.nanoTime() - t0);
                }
            }
        }, "health-poller");
        t.setDaemon(true);
        t.start();
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static void print(Result r, PrintStream out) {
        out.printf("%,d hostile requests in %.1f s (%,.0f/s), seed-reproducible%n", r.requests(), r.seconds(), r.requests() / r.seconds());
        out.printf("%-26s %s%n", "kind", "answers (status: count)");
        r.statusByKind().forEach((kind, statuses) -> out.printf("%-26s %s%n", kind, new TreeMap<>(statuses)));
        out.printf("5xx: %d   hangs: %d   genuine events handled: %d of %d%n", r.serverErrors(), r.hangs(), r.validHandled(), r.validSent());
        out.printf("/health during the run: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", r.healthP50Ms(), r.healthP99Ms(), r.healthMaxMs());
        out.printf("heap after (post-GC): %.1f MB%n", r.heapAfterBytes() / 1e6);
        out.printf("log lines: %d for %,d bad requests (%.4f per bad request)%n", r.logLines(), r.badRequests(),
                r.badRequests() == 0 ? 0 : (double) r.logLines() / r.badRequests());
    }

    /** Counts every log event of the process while attached. */
    private static final class LogCounter extends AppenderBase<ILoggingEvent> {
        private final AtomicLong count = new AtomicLong();

        static LogCounter attach() {
            LogCounter c = new LogCounter();
            LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
            c.setContext(ctx);
            c.start();
            ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(c);
            return c;
        }

        void detach() {
            ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
        }

        long count() {
            return count.get();
        }

        @Override
        protected void append(ILoggingEvent event) {
            count.incrementAndGet();
        }
    }
}
