package dev.olbot.examples.bench;

import dev.olbot.ingress.ApplicationTokenVerifier;
import dev.olbot.ingress.FileInbox;
import dev.olbot.ingress.Inbox;
import dev.olbot.ingress.Ingress;
import dev.olbot.ingress.IngressServer;
import dev.olbot.ingress.InstallGate;
import dev.olbot.ingress.InstallRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * {@code olbot bench journal}: what "accepted means on disk" costs. The same ingress with the
 * in-memory inbox and with the {@link FileInbox} journal (group commit, fdatasync before the 200),
 * beside a raw Vert.x handler, in alternating rounds: events/s with {@code inFlight} requests in
 * flight, and p99 time-to-200 at a fixed rate.
 */
public final class JournalBenchmark {

    /**
     * How long each target is loaded before the measured rounds. Two seconds were too few: a run of
     * the ingress alone measured its first 5 s round at half its later rounds (9,360 against about
     * 21,000 events/s with the journal; 12,662 against about 35,000 in memory) while the JIT was still
     * compiling; from the third round on they stayed within noise. Twice a round, at most this long.
     */
    static final int WARM_UP_SECONDS = 10;

    private double warmUp() {
        return Math.min(WARM_UP_SECONDS, 2 * seconds);
    }

    private final double seconds;
    private final int inFlight;
    private final int rate;
    private final int rounds;
    private final PrintStream out;
    private final int eventLoops;
    private FileInbox.Sync journalSync = FileInbox.Sync.LOOP;

    /** @param eventLoops the event loops every server in the comparison listens on (OLBot's and the raw handler alike) */
    public JournalBenchmark(double seconds, int inFlight, int rate, int rounds, int eventLoops, PrintStream out) {
        IngressBenchmark.checkLoad(seconds, inFlight, rate, rounds);
        this.eventLoops = eventLoops;
        this.seconds = seconds;
        this.inFlight = inFlight;
        this.rate = rate;
        this.rounds = rounds;
        this.out = out;
    }

    /** Who writes and syncs the deliveries appended on the event loops ({@link FileInbox.Sync}). */
    public JournalBenchmark journalSync(FileInbox.Sync sync) {
        this.journalSync = sync;
        return this;
    }

    /**
     * Loads one target only ({@code memory}, {@code journal} or {@code raw}), closed-loop, for
     * {@code rounds × seconds} after a warm-up, so a profiler's recording holds that mode alone.
     */
    public void runOnly(String target) throws Exception {
        SampleEvents events = new SampleEvents();
        LongFunction<Buffer> body = seq -> Buffer.buffer(events.openLineMessageBytes(1000 + seq % 1000, seq));
        Path dir = Files.createTempDirectory("olbot-journal-bench");
        Vertx vertx = Vertx.vertx();
        FileInbox journal = openJournal(dir);
        Ingress ingress = ingress("journal".equals(target) ? journal : Inbox.inMemory());
        try (LoadGenerator load = new LoadGenerator(inFlight)) {
            int port;
            String path;
            if ("raw".equals(target)) {
                port = IngressBenchmark.await(IngressBenchmark.bareRoute(vertx, eventLoops));
                path = "/bare";
            } else {
                port = IngressBenchmark.await(IngressServer.start(vertx, ingress,
                        IngressServer.Options.defaults().withHost("127.0.0.1").withPort(0).withEventLoops(eventLoops))).port();
                path = "/bitrix/events";
            }
            load.closedLoop(port, path, body, inFlight, warmUp());
            for (int round = 0; round < rounds; round++) {
                ServerCpu cpu = ServerCpu.start(load.threads());
                LoadResult result = load.closedLoop(port, path, body, inFlight, seconds);
                Map<String, Double> byKind = cpu.byKind(result.completed());
                out.printf(java.util.Locale.ROOT, "%s only, round %d: %.0f/s, server CPU per event %.1f µs (%s) (load average %s)%n",
                        target, round + 1, result.perSecond(), byKind.values().stream().mapToDouble(Double::doubleValue).sum(),
                        byKind.entrySet().stream().map(e -> String.format(java.util.Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                                .collect(java.util.stream.Collectors.joining(", ")), loadAverage());
            }
            out.printf("%s only: p99 time-to-200 at %d/s: %.2f ms%n", target, rate,
                    load.openLoop(port, path, body, rate, seconds).percentileMillis(99));
            if ("journal".equals(target)) {
                printWriterStats(journal);
            }
        } finally {
            ingress.drain(30_000);
            ingress.close();
            journal.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            delete(dir);
        }
    }

    /** Runs it; true when the journalled ingress reaches 0.6 of the raw handler and p99 < 2 ms at the fixed rate. */
    public boolean run() throws Exception {
        SampleEvents events = new SampleEvents();
        LongFunction<Buffer> body = seq -> Buffer.buffer(events.openLineMessageBytes(1000 + seq % 1000, seq));
        Path dir = Files.createTempDirectory("olbot-journal-bench");
        Vertx vertx = Vertx.vertx();
        FileInbox journal = openJournal(dir);
        Ingress memory = ingress(Inbox.inMemory());
        Ingress durable = ingress(journal);
        IngressServer memoryServer = IngressBenchmark.await(IngressServer.start(vertx, memory,
                IngressServer.Options.defaults().withHost("127.0.0.1").withPort(0).withEventLoops(eventLoops)));
        IngressServer durableServer = IngressBenchmark.await(IngressServer.start(vertx, durable,
                IngressServer.Options.defaults().withHost("127.0.0.1").withPort(0).withEventLoops(eventLoops)));
        int raw = IngressBenchmark.await(IngressBenchmark.bareRoute(vertx, eventLoops));
        FileInbox bareJournal = openJournal(dir, "bare.journal");
        bareJournal.recover(); // an empty folder: nothing to read, but a journal is read before its first append
        int rawJournal = IngressBenchmark.await(IngressBenchmark.journalledBareRoute(vertx, eventLoops, bareJournal));
        try (LoadGenerator load = new LoadGenerator(inFlight)) {
            load.closedLoop(raw, "/bare", body, inFlight, warmUp());
            load.closedLoop(rawJournal, "/bare", body, inFlight, warmUp());
            load.closedLoop(memoryServer.port(), "/bitrix/events", body, inFlight, warmUp());
            load.closedLoop(durableServer.port(), "/bitrix/events", body, inFlight, warmUp());
            List<double[]> rows = new ArrayList<>(); // raw/s, memory/s, journal/s, memory p99, journal p99, raw p99, CPU µs: raw, memory, journal
            for (int round = 0; round < rounds; round++) {
                double[] r = measured(load, raw, "/bare", body);
                double[] rj = measured(load, rawJournal, "/bare", body);
                double[] m;
                double[] j;
                if (round % 2 == 0) {
                    m = measured(load, memoryServer.port(), "/bitrix/events", body);
                    j = measured(load, durableServer.port(), "/bitrix/events", body);
                } else {
                    j = measured(load, durableServer.port(), "/bitrix/events", body);
                    m = measured(load, memoryServer.port(), "/bitrix/events", body);
                }
                double rp = load.openLoop(raw, "/bare", body, rate, seconds).percentileMillis(99);
                double mp = load.openLoop(memoryServer.port(), "/bitrix/events", body, rate, seconds).percentileMillis(99);
                double jp = load.openLoop(durableServer.port(), "/bitrix/events", body, rate, seconds).percentileMillis(99);
                rows.add(new double[] {r[0], m[0], j[0], mp, jp, rp, r[1], m[1], j[1], rj[0], rj[1]});
                out.printf("round %d: raw %.0f/s, in-memory inbox %.0f/s, journal %.0f/s, raw handler + journal %.0f/s; p99 at %d/s:"
                        + " %.2f ms vs %.2f ms (raw handler %.2f ms); server CPU per event %.1f / %.1f / %.1f / %.1f µs (load average %s)%n",
                        round + 1, r[0], m[0], j[0], rj[0], rate, mp, jp, rp, r[1], m[1], j[1], rj[1], loadAverage());
            }
            double raw50 = IngressBenchmark.median(rows.stream().mapToDouble(x -> x[0]).toArray());
            double mem50 = IngressBenchmark.median(rows.stream().mapToDouble(x -> x[1]).toArray());
            double jou50 = IngressBenchmark.median(rows.stream().mapToDouble(x -> x[2]).toArray());
            double jRatio = IngressBenchmark.median(rows.stream().mapToDouble(x -> x[2] / x[0]).toArray());
            double mRatio = IngressBenchmark.median(rows.stream().mapToDouble(x -> x[1] / x[0]).toArray());
            double jp99 = IngressBenchmark.median(rows.stream().mapToDouble(x -> x[4]).toArray());
            double mp99 = IngressBenchmark.median(rows.stream().mapToDouble(x -> x[3]).toArray());
            double rp99 = IngressBenchmark.median(rows.stream().mapToDouble(x -> x[5]).toArray());
            out.printf("server CPU per event (all its Java threads: event loop, journal writer, workers), medians: raw handler %.1f µs,"
                    + " in-memory inbox %.1f µs, journal %.1f µs%n", IngressBenchmark.median(rows.stream().mapToDouble(x -> x[6]).toArray()),
                    IngressBenchmark.median(rows.stream().mapToDouble(x -> x[7]).toArray()),
                    IngressBenchmark.median(rows.stream().mapToDouble(x -> x[8]).toArray()));
            out.printf("medians of %d rounds: raw %.0f/s; in-memory inbox %.0f/s (%.2f× raw); journal %.0f/s (%.2f× raw); "
                    + "p99 time-to-200 at %d/s: %.2f ms in memory, %.2f ms with the journal (the raw handler: %.2f ms)%n",
                    rounds, raw50, mem50, mRatio, jou50, jRatio, rate, mp99, jp99, rp99);
            out.printf("raw handler + journal (each body appended and synced before the 200, nothing decoded, verified or handed to a"
                    + " turn): %.0f/s (%.2f× raw), server CPU per event %.1f µs — what durability alone costs on this machine%n",
                    IngressBenchmark.median(rows.stream().mapToDouble(x -> x[9]).toArray()),
                    IngressBenchmark.median(rows.stream().mapToDouble(x -> x[9] / x[0]).toArray()),
                    IngressBenchmark.median(rows.stream().mapToDouble(x -> x[10]).toArray()));
            memory.drain(30_000);
            durable.drain(30_000);
            out.printf("journal: %d events handled, %d still pending%n", durable.stats().handled(), journal.pendingCount());
            printWriterStats(journal);
            return jRatio >= 0.6 && jp99 < 2.0;
        } finally {
            memory.close();
            durable.close();
            journal.close();
            bareJournal.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            delete(dir);
        }
    }

    /** The journal writer's groups, records per group, its syncs' mean, median, p99 and longest, and time spent reserving space ahead. */
    private void printWriterStats(FileInbox journal) {
        FileInbox.WriterStats w = journal.writerStats();
        out.printf("journal writer: %d synced groups and %d of handled marks alone (written, not synced), %.1f records per group"
                + " (deliveries and handled marks), mean fdatasync %.2f ms (a closed loop of %d in flight cannot go faster than %d per sync)%n",
                w.groups(), w.unsyncedGroups(), w.recordsPerGroup(), w.meanSyncMillis(), inFlight, inFlight);
        out.printf("journal fdatasync (the disk's flush, which each delivery waits for before its 200): median %.2f ms,"
                + " p99 %.2f ms, longest %.1f ms%n", w.syncP50Nanos() / 1e6, w.syncP99Nanos() / 1e6, w.longestSyncNanos() / 1e6);
        if (w.syncP99Nanos() >= 2_000_000) {
            out.printf("journal: the disk's own p99 flush (%.2f ms) is above the 2 ms target of the time-to-200: no journal that syncs"
                    + " before answering can meet it on this disk%n", w.syncP99Nanos() / 1e6);
        }
        out.printf("journal: %.0f ms reserving space ahead in zeros (its own thread, beside the groups), the longest %.1f ms%n",
                w.reserveNanos() / 1e6, w.longestReserveNanos() / 1e6);
    }

    /** The journal under test, in {@code dir}: a dedupe window of an hour, synced as {@link #journalSync} says. */
    private FileInbox openJournal(Path dir) {
        return openJournal(dir, "inbox.journal");
    }

    private FileInbox openJournal(Path dir, String name) {
        return FileInbox.open(dir.resolve(name), Duration.ofHours(1), java.time.Clock.systemUTC(), 10_000, journalSync);
    }

    /** One closed-loop run: events/s and the server's CPU microseconds per event. */
    private double[] measured(LoadGenerator load, int port, String path, LongFunction<Buffer> body) throws Exception {
        ServerCpu cpu = ServerCpu.start(load.threads());
        LoadResult result = load.closedLoop(port, path, body, inFlight, seconds);
        return new double[] {result.perSecond(), cpu.microsPer(result.completed())};
    }

    /** The 1-minute load average, or "?" where the system does not tell. */
    static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "?" : String.format(java.util.Locale.ROOT, "%.1f", load);
    }

    private static void delete(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Ingress ingress(Inbox inbox) throws Exception {
        InstallRegistry installs = InstallRegistry.inMemory();
        Ingress ingress = Ingress.create(b -> b.verifier(ApplicationTokenVerifier.forApp(installs))
                .installGate(InstallGate.of(installs, install -> {})) // no authorisation server here: the sample install counts as confirmed
                .inbox(inbox).sink(e -> { }));
        SampleEvents.installOn(ingress);
        return ingress;
    }
}
