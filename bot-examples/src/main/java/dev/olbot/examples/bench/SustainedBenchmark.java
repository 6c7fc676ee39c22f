package dev.olbot.examples.bench;

import dev.olbot.bot.Bot;
import dev.olbot.server.BotServer;
import dev.olbot.server.ServerConfig;
import dev.olbot.testkit.ChatMessage;
import dev.olbot.testkit.Client;
import dev.olbot.testkit.FakeBitrix24;
import dev.olbot.testkit.FakePortal;
import dev.olbot.testkit.OpenLine;
import dev.olbot.testkit.RatePlan;
import dev.olbot.testkit.VirtualClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code olbot bench sustained}: what clients feel at the platform's ceiling. {@code dialogs}
 * open-line clients of the embedded fake account (HTTP on 127.0.0.1, the standard limit of 2
 * requests/s with a burst of 50 enforced on a clock that follows real time) write to a bot that
 * answers every message once. The bot is a real {@link BotServer}: events arrive over HTTP at its
 * ingress, are kept in its inbox journal, run in dialog lanes, and the replies leave through its
 * coalescing REST client.
 *
 * <p>First every client writes once at 80 messages/s (not measured): the dialogs are open and the
 * JVM warm before the first measured rate. For each rate the clients send messages at that fixed rate for {@code seconds} (round robin
 * over the dialogs), then the bench waits until every reply arrived, sampling the inbox depth gauge
 * meanwhile, and checks each dialog: every message answered once, in order. Between two rates it
 * waits until the buckets are empty again. The portal's ceiling is 100 replies/s (2 batches of 50).
 */
public final class SustainedBenchmark {

    /** Messages per second that open the dialogs before the measured rates. */
    private static final int OPEN_RATE = 80;

    private final int dialogs;
    private final double seconds;
    private final double sampleSeconds;
    private final double settleSeconds;

    /**
     * @param settleSeconds pause before each rate so the portal's and the client's buckets start empty
     *                      (25 s drains a full standard burst; a test with a low rate may pass 0)
     */
    public SustainedBenchmark(int dialogs, double seconds, double sampleSeconds, double settleSeconds) {
        if (dialogs < 1 || !(seconds > 0) || !(sampleSeconds > 0) || !(settleSeconds >= 0)) {
            throw new IllegalArgumentException("dialogs must be >= 1, seconds and sample seconds > 0, settle seconds >= 0");
        }
        this.dialogs = dialogs;
        this.seconds = seconds;
        this.sampleSeconds = sampleSeconds;
        this.settleSeconds = settleSeconds;
    }

    /** The bot under load: one reply per client message. */
    static Bot bot() {
        return Bot.builder("sustained_bot").name("Sustained")
                .fallback(ctx -> ctx.reply(replyTo(ctx.utterance().text())))
                .build();
    }

    static String replyTo(String text) {
        return "answer to " + text;
    }

    /** Runs every rate on one server and account and prints a line per rate (and its depth samples). */
    public List<SustainedRun> run(List<Integer> rates, PrintStream out) throws Exception {
        Vertx vertx = Vertx.vertx();
        VirtualClock clock = new VirtualClock(Instant.now());
        FakeBitrix24 fake = FakeBitrix24.create(clock, vertx).start();
        ClockFollower follower = new ClockFollower(clock, 1.0);
        Path data = Files.createTempDirectory("olbot-sustained");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BotServer server = null;
        try (ReplyWatcher watcher = new ReplyWatcher(fake)) {
            server = BotServer.start(List.of(bot()), config(fake, data), registry);
            FakePortal portal = fake.portal();
            fake.installApp(server.publicUrl()).delivery().get(30, TimeUnit.SECONDS);
            int botId = waitForBot(portal);
            int operator = portal.addUser("Olga Operator");
            OpenLine line = portal.addLine("Sustained", l -> l.welcomeBot(botId, 0).queue(operator));
            List<Client> clients = new ArrayList<>(dialogs);
            for (int i = 0; i < dialogs; i++) {
                clients.add(portal.client(line.id(), "Client " + (i + 1)));
            }
            portal.enforceRateLimit(RatePlan.STANDARD);
            Gauge depth = registry.get("olbot.inbox.queued").gauge();
            // every dialog opened (its session, the bot's join) and the JIT warm, at a rate below the ceiling; not a measured rate
            int openRate = Math.min(OPEN_RATE, dialogs);
            SustainedRun opening = new Phase(openRate, (double) dialogs / openRate, "open-", clients, botId, watcher, depth, server).run();
            out.println("opening " + dialogs + " dialogs (not measured): " + opening.line().strip());
            List<SustainedRun> runs = new ArrayList<>();
            for (int rate : rates) {
                Thread.sleep((long) (settleSeconds * 1000));
                SustainedRun r = new Phase(rate, seconds, "r" + rate + "-", clients, botId, watcher, depth, server).run();
                out.println(r.line());
                out.println(r.harnessLine());
                out.println(r.depthLine());
                runs.add(r);
            }
            return runs;
        } finally {
            if (server != null) {
                server.close();
            }
            follower.close();
            fake.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static ServerConfig config(FakeBitrix24 fake, Path data) {
        return ServerConfig.load(java.util.Optional.empty(), java.util.Map.of(
                "OLBOT_PUBLIC_URL", "http://127.0.0.1:0/bitrix/events", "OLBOT_HOST", "127.0.0.1", "OLBOT_PORT", "0",
                "OLBOT_CLIENT_ID", fake.clientId(), "OLBOT_CLIENT_SECRET", fake.clientSecret(),
                "OLBOT_OAUTH_SERVER", fake.baseUrl() + "/", "OLBOT_DATA_DIR", data.toString()));
    }

    private static int waitForBot(FakePortal portal) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            var id = portal.botId("sustained_bot");
            if (id.isPresent()) {
                return id.get();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the bot did not register within 30 s");
    }

    /** One rate: send, drain, judge. */
    private final class Phase {
        private final int rate;
        private final double seconds;
        private final List<Client> clients;
        private final int botId;
        private final ReplyWatcher watcher;
        private final Gauge depth;
        private final BotServer server;
        private final String tag;
        private final List<Integer> depths = new ArrayList<>();
        /** p99 of the client's send lag (the fake's lock), p50 and p99 from the scheduled send to the ingress's 200, ms. */
        private double[] harness = new double[3];

        Phase(int rate, double seconds, String tag, List<Client> clients, int botId, ReplyWatcher watcher, Gauge depth,
              BotServer server) {
            this.rate = rate;
            this.seconds = seconds;
            this.clients = clients;
            this.botId = botId;
            this.watcher = watcher;
            this.depth = depth;
            this.server = server;
            this.tag = tag;
        }

        SustainedRun run() throws Exception {
            int total = (int) Math.round(rate * seconds);
            String[] texts = new String[total];
            long[] due = new long[total];
            long[] sentAt = new long[total];
            java.util.concurrent.atomic.AtomicLongArray acceptedAt = new java.util.concurrent.atomic.AtomicLongArray(total);
            int[] perDialog = new int[clients.size()];
            int repliesBefore = watcher.replies();
            int requestsBefore = watcher.requests();
            int refusedBefore = watcher.refused();
            int otherBefore = otherBotMessages();
            long start = System.nanoTime();
            long nextSample = start;
            for (int n = 0; n < total; n++) {
                due[n] = start + (long) (n * 1e9 / rate);
                while (System.nanoTime() < due[n]) {
                    LockSupport.parkNanos(Math.min(due[n] - System.nanoTime(), 1_000_000));
                }
                if (System.nanoTime() >= nextSample) {
                    depths.add((int) depth.value());
                    nextSample += (long) (sampleSeconds * 1e9);
                }
                int d = n % clients.size();
                texts[n] = tag + "d" + d + "-" + perDialog[d]++;
                List<java.util.concurrent.CompletableFuture<dev.olbot.testkit.Delivery>> deliveries =
                        clients.get(d).says(texts[n]).deliveries();
                sentAt[n] = System.nanoTime();
                int index = n;
                java.util.concurrent.CompletableFuture.allOf(deliveries.toArray(java.util.concurrent.CompletableFuture[]::new))
                        .thenRun(() -> acceptedAt.set(index, System.nanoTime()));
            }
            long windowEnd = System.nanoTime();
            double window = (windowEnd - start) / 1e9;
            double repliesPerSecond = (watcher.replies() - repliesBefore) / window;
            double requestsPerSecond = (watcher.requests() - requestsBefore) / window;
            long lastSeen = drain(texts, nextSample);
            double[] latencies = new double[total];
            int seen = 0;
            for (int n = 0; n < total; n++) {
                Long at = watcher.seenAt(replyTo(texts[n]));
                if (at != null) {
                    latencies[seen++] = (at - due[n]) / 1e6;
                }
            }
            double[] sorted = Arrays.copyOf(latencies, seen);
            Arrays.sort(sorted);
            double[] lag = new double[total];
            double[] accepted = new double[total];
            int acceptedCount = 0;
            for (int n = 0; n < total; n++) {
                lag[n] = (sentAt[n] - due[n]) / 1e6;
                if (acceptedAt.get(n) != 0) {
                    accepted[acceptedCount++] = (acceptedAt.get(n) - due[n]) / 1e6;
                }
            }
            Arrays.sort(lag);
            double[] acceptedSorted = Arrays.copyOf(accepted, acceptedCount);
            Arrays.sort(acceptedSorted);
            harness = new double[] {percentile(lag, 99), percentile(acceptedSorted, 50), percentile(acceptedSorted, 99)};
            return judge(total, perDialog, otherBefore, sorted, repliesPerSecond, requestsPerSecond, watcher.refused() - refusedBefore,
                    Math.max(0, lastSeen - windowEnd) / 1e9);
        }

        /** Waits until every reply arrived (or nothing moved for 60 s) and the bot is idle; returns when the last one came. */
        private long drain(String[] texts, long nextSample) throws InterruptedException {
            int missing = texts.length;
            long lastProgress = System.nanoTime();
            long lastSeen = 0;
            int from = 0;
            while (missing > 0 && System.nanoTime() - lastProgress < 60_000_000_000L) {
                Thread.sleep(20);
                if (System.nanoTime() >= nextSample) {
                    depths.add((int) depth.value());
                    nextSample += (long) (sampleSeconds * 1e9);
                }
                while (from < texts.length && watcher.seenAt(replyTo(texts[from])) != null) {
                    from++;
                }
                int now = 0;
                for (int n = from; n < texts.length; n++) {
                    if (watcher.seenAt(replyTo(texts[n])) == null) {
                        now++;
                    }
                }
                if (now < missing) {
                    lastProgress = System.nanoTime();
                    missing = now;
                }
            }
            for (String t : texts) {
                Long at = watcher.seenAt(replyTo(t));
                lastSeen = at == null ? lastSeen : Math.max(lastSeen, at);
            }
            server.awaitIdle(30_000);
            depths.add((int) depth.value());
            return lastSeen;
        }

        private SustainedRun judge(int total, int[] perDialog, int otherBefore, double[] sorted, double repliesPerSecond,
                                   double requestsPerSecond, int refused, double drainSeconds) {
            int delivered = 0, lost = 0, twice = 0, disordered = 0;
            for (int d = 0; d < clients.size(); d++) {
                String prefix = replyTo(tag + "d" + d + "-");
                List<Integer> got = new ArrayList<>();
                for (ChatMessage m : messages(clients.get(d))) {
                    if (m.authorId() == botId && m.text().startsWith(prefix)) {
                        got.add(Integer.parseInt(m.text().substring(prefix.length())));
                    }
                }
                long distinct = got.stream().distinct().count();
                delivered += (int) distinct;
                twice += got.size() - (int) distinct;
                lost += perDialog[d] - (int) distinct;
                for (int i = 1; i < got.size(); i++) {
                    if (got.get(i) <= got.get(i - 1)) {
                        disordered++;
                        break;
                    }
                }
            }
            return new SustainedRun(rate, total, delivered, lost, twice, disordered, otherBotMessages() - otherBefore,
                    percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), repliesPerSecond, requestsPerSecond,
                    refused, List.copyOf(depths), sampleSeconds, drainSeconds, harness[0], harness[1], harness[2]);
        }

        /** The error policy's apologies and handoff messages in all chats. */
        private int otherBotMessages() {
            int n = 0;
            for (Client c : clients) {
                for (ChatMessage m : messages(c)) {
                    if (m.authorId() == botId && (FaultsBenchmark.SORRY.contains(m.text()) || FaultsBenchmark.HANDOFF.contains(m.text()))) {
                        n++;
                    }
                }
            }
            return n;
        }
    }

    private static List<ChatMessage> messages(Client client) {
        try {
            return client.chat().messages();
        } catch (IllegalStateException notWrittenYet) {
            return List.of();
        }
    }

    private static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }
}
