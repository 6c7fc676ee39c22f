package dev.olbot.examples.bench;

import dev.olbot.examples.portal.LocalPortal;
import dev.olbot.testkit.Client;
import dev.olbot.testkit.Delivery;
import dev.olbot.testkit.FakeBitrix24;
import dev.olbot.testkit.FakePortal;
import dev.olbot.testkit.RatePlan;
import dev.olbot.testkit.RecordedCall;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code olbot bench cluster}: several {@code olbot serve} processes of one bot behind one handler URL, against
 * the fake account {@code olbot portal} runs (HTTP on 127.0.0.1, 2 requests/s burst 50 per portal, a clock that
 * follows real time). Three runs:
 * <ol>
 *   <li><b>cluster</b>: N instances on a Redis the harness starts; D open-line dialogs × M client messages,
 *       each message sent once the previous one of its dialog was accepted; one instance {@code kill -9}ed
 *       mid-run and started again; the portal's access tokens expire right after the kill;</li>
 *   <li><b>journal</b>: one instance on the embedded journal (no Redis), killed the same way;</li>
 *   <li><b>outage</b>: N instances on Redis, and Redis stops answering (SIGSTOP, as in a network partition)
 *       for 5 s while a round of messages arrives: each instance keeps what it cannot hand to Redis in its
 *       spill journal and moves it there when Redis answers again;</li>
 *   <li><b>throughput</b>: many portals, one instance and then two on Redis, events/s side by side.</li>
 * </ol>
 * The bot answers every message once with its ordinal, so each dialog's replies show what was lost, sent
 * twice or answered out of order. Nothing here asserts timing.
 */
public final class ClusterBenchmark {

    /** Sizes; {@code phases} any of cluster, journal, outage, throughput. */
    public record Options(int dialogs, int messages, int instances, int portals, int portalDialogs, int portalMessages,
            List<String> phases, Path workDir) {
        public Options {
            if (dialogs < 1 || messages < 2 || instances < 1 || portals < 1 || portalDialogs < 1 || portalMessages < 1) {
                throw new IllegalArgumentException("--dialogs, --instances, --portals, --portal-dialogs and --portal-messages must be >= 1, "
                        + "--messages >= 2 (one before the kill, one after)");
            }
            for (String p : phases) {
                if (!List.of("cluster", "journal", "outage", "throughput").contains(p)) {
                    throw new IllegalArgumentException("unknown phase '" + p + "': cluster, journal, outage or throughput");
                }
            }
        }
    }

    /** What one run of dialogs measured. */
    public record Tally(String label, int instances, long expected, long delivered, long duplicates, long outOfOrder,
            long deliveriesNotAccepted, long limitRefusals, long limitErrorsLogged, long refreshes, int expiries, double seconds,
            String disorderExample, double instanceCpuMillisPerEvent) {

        public long lost() {
            return expected - delivered;
        }

        public double eventsPerSecond() {
            return expected / seconds;
        }

        String line() {
            return String.format(Locale.ROOT, "%s: %d instance(s), replies expected %d, delivered %d, lost %d, duplicates %d, "
                    + "dialogs out of order %d, deliveries not accepted %d, QUERY_LIMIT_EXCEEDED at the portal %d (in the "
                    + "instances' logs %d), token refreshes %d for %d expiries, %.1f s", label, instances, expected, delivered,
                    lost(), duplicates, outOfOrder, deliveriesNotAccepted, limitRefusals, limitErrorsLogged, refreshes, expiries, seconds)
                    + (disorderExample.isEmpty() ? "" : "\n  e.g. one dialog's replies in chat order: " + disorderExample);
        }
    }

    /** Everything the run printed, for a test. */
    public record Result(List<Tally> tallies, double throughputRatio) {}

    /** What happens mid-run: nothing, the last instance is killed (and the tokens expire), or Redis stops answering. */
    private enum Disruption { NONE, KILL, REDIS_PAUSE }

    /**
     * How long Redis does not answer in the outage run: half the partition lease (10 s), so no partition
     * changes hands because of the outage. (A longer one can: an owner whose lease ran out during the
     * outage may still finish a turn the next owner runs again — see README "A Redis outage".)
     */
    private static final long PAUSE_SECONDS = 5;

    private final Options options;

    public ClusterBenchmark(Options options) {
        this.options = options;
    }

    public Result run(PrintStream out) throws Exception {
        Files.createDirectories(options.workDir());
        List<Tally> tallies = new ArrayList<>();
        double ratio = Double.NaN;
        if (options.phases().contains("cluster")) {
            tallies.add(print(out, conversation("cluster", options.instances(), true, 1, options.dialogs(), options.messages(), Disruption.KILL)));
        }
        if (options.phases().contains("journal")) {
            tallies.add(print(out, conversation("journal", 1, false, 1, options.dialogs(), options.messages(), Disruption.KILL)));
        }
        if (options.phases().contains("outage")) {
            tallies.add(print(out, conversation("outage", options.instances(), true, 1, options.dialogs(), options.messages(),
                    Disruption.REDIS_PAUSE)));
        }
        if (options.phases().contains("throughput")) {
            Tally one = print(out, conversation("throughput", 1, true, options.portals(), options.portalDialogs(),
                    options.portalMessages(), Disruption.NONE));
            Tally two = print(out, conversation("throughput", 2, true, options.portals(), options.portalDialogs(),
                    options.portalMessages(), Disruption.NONE));
            tallies.add(one);
            tallies.add(two);
            ratio = two.eventsPerSecond() / one.eventsPerSecond();
            out.printf(Locale.ROOT, "throughput, %d portals: 1 instance %.0f events/s, 2 instances %.0f events/s, ratio %.2fx; "
                    + "the instances' CPU per event: 1 instance %.2f ms, 2 instances %.2f ms (together)%n",
                    options.portals(), one.eventsPerSecond(), two.eventsPerSecond(), ratio, one.instanceCpuMillisPerEvent(),
                    two.instanceCpuMillisPerEvent());
        }
        return new Result(tallies, ratio);
    }

    private static Tally print(PrintStream out, Tally t) {
        out.println(t.line());
        return t;
    }

    /**
     * One run: a fresh portal account, Redis (when {@code redis}), a balancer and {@code n} instances; dialogs
     * on {@code portals} portals; with {@link Disruption#KILL}, the last instance is killed before the middle
     * message (and the tokens expire then), and started again one message later; with {@link Disruption#REDIS_PAUSE},
     * Redis stops answering before the middle message and answers again {@link #PAUSE_SECONDS} later.
     */
    private Tally conversation(String label, int n, boolean redis, int portals, int dialogs, int messages, Disruption disruption)
            throws Exception {
        boolean disrupt = disruption == Disruption.KILL;
        Path dir = Files.createTempDirectory(options.workDir(), label + "-" + n + "-");
        Vertx vertx = Vertx.vertx();
        List<ServedInstance> instances = new ArrayList<>();
        dev.olbot.redis.RedisProcess redisServer = redis ? dev.olbot.redis.RedisProcess.start(dir.resolve("redis")) : null;
        LocalPortal local = LocalPortal.start(0, RatePlan.STANDARD);
        FakeBitrix24 fake = local.fake();
        LoopbackBalancer balancer = null;
        ConcurrentDeliveries deliveries = null;
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ports.add(dev.olbot.redis.RedisProcess.freePort());
            }
            balancer = LoopbackBalancer.start(vertx, ports);
            String handler = balancer.baseUrl() + "/bitrix/events";
            deliveries = ConcurrentDeliveries.mount(fake, vertx, balancer.baseUrl() + "/");
            Map<String, String> env = new HashMap<>(Map.of("OLBOT_PUBLIC_URL", handler, "OLBOT_CLIENT_ID", fake.clientId(),
                    "OLBOT_CLIENT_SECRET", fake.clientSecret(), "OLBOT_OAUTH_SERVER", local.oauthServer()));
            if (redisServer != null) {
                env.put("OLBOT_REDIS_URL", redisServer.url());
            }
            for (int i = 0; i < n; i++) {
                instances.add(new ServedInstance("instance " + (i + 1), ports.get(i), dir.resolve("node" + (i + 1)), env).start());
            }
            List<Client> clients = new ArrayList<>();
            for (int p = 0; p < portals; p++) {
                FakePortal portal = p == 0 ? fake.portal() : fake.portal("portal" + p);
                portal.enforceRateLimit(RatePlan.STANDARD);
                int bot = install(fake, portal, handler);
                int line = portal.addLine("Bench", l -> l.welcomeBot(bot, 0)).id();
                for (int d = 0; d < dialogs; d++) {
                    clients.add(portal.client(line, "Client " + p + "-" + d));
                }
            }
            long marks = fake.calls().all().stream().mapToLong(RecordedCall::seq).max().orElse(0);
            int killBefore = Math.max(2, messages / 2 + 1);
            int expiries = 0;
            ServedInstance victim = instances.get(instances.size() - 1);
            long cpuBefore = cpuMillis(instances);
            long start = System.nanoTime();
            for (int m = 1; m <= messages; m++) {
                if (disrupt && m == killBefore) {
                    victim.kill9();
                    if (n == 1) {
                        victim.start(); // alone: deliveries would fail while it is down
                    }
                    for (int p = 0; p < portals; p++) {
                        (p == 0 ? fake.portal() : fake.portal("portal" + p)).expireAccessTokens();
                    }
                    expiries++;
                }
                if (disrupt && n > 1 && m == killBefore + 2) {
                    victim.start();
                }
                boolean pause = disruption == Disruption.REDIS_PAUSE && m == killBefore;
                long pausedAt = System.nanoTime();
                if (pause) {
                    redisServer.pause();
                }
                List<CompletableFuture<Delivery>> round = new ArrayList<>();
                for (Client c : clients) {
                    round.addAll(c.says("m" + m).deliveries());
                }
                CompletableFuture.allOf(round.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
                deliveries.awaitPosted(300);
                if (pause) {
                    Thread.sleep(Math.max(0, TimeUnit.SECONDS.toMillis(PAUSE_SECONDS) - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pausedAt)));
                    redisServer.resume();
                }
            }
            if (disrupt && n > 1 && messages < killBefore + 2) {
                victim.start();
            }
            Replies replies = Replies.await(clients, messages);
            double cpuPerEvent = disruption == Disruption.KILL ? Double.NaN // the killed process's time is gone
                    : (cpuMillis(instances) - cpuBefore) / (double) ((long) clients.size() * messages);
            double seconds = (replies.lastNanos() - start) / 1e9;
            long refused = fake.calls().all().stream()
                    .filter(c -> c.seq() > marks && c.viaBatch().isEmpty() && "QUERY_LIMIT_EXCEEDED".equals(c.error())).count();
            long logged = logLines(dir, n, "QUERY_LIMIT_EXCEEDED");
            long refreshes = 0;
            for (int p = 0; p < portals; p++) {
                refreshes += (p == 0 ? fake.portal() : fake.portal("portal" + p)).tokenRefreshes();
            }
            return new Tally(label, n, (long) clients.size() * messages, replies.delivered(), replies.duplicates(), replies.outOfOrder(),
                    deliveries.notAccepted(), refused, logged, refreshes, expiries, seconds, replies.example(), cpuPerEvent);
        } finally {
            for (ServedInstance i : instances) {
                i.close();
            }
            if (deliveries != null) {
                deliveries.close();
            }
            if (balancer != null) {
                balancer.close();
            }
            local.close();
            if (redisServer != null) {
                redisServer.close();
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** CPU time all instances have used so far, in ms. */
    private static long cpuMillis(List<ServedInstance> instances) {
        return instances.stream().mapToLong(i -> i.cpuTime().toMillis()).sum();
    }

    /** Lines of the instances' logs that contain {@code text}. */
    private static long logLines(Path dir, int instances, String text) throws java.io.IOException {
        long count = 0;
        for (int i = 0; i < instances; i++) {
            try (var lines = Files.lines(dir.resolve("node" + (i + 1)).resolve("serve.log"))) {
                count += lines.filter(l -> l.contains(text)).count();
            }
        }
        return count;
    }

    /** Installs the app on {@code portal} (ONAPPINSTALL through the balancer) and waits for its bot. */
    private static int install(FakeBitrix24 fake, FakePortal portal, String handler) throws InterruptedException {
        fake.installApp(portal, handler);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            var bot = portal.botId(OrdinalEchoBot.CODE);
            if (bot.isPresent()) {
                return bot.get();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the app installed on " + portal.domain() + " registered no bot within 60 s");
    }
}
