package dev.olbot.examples.cli;

import dev.olbot.examples.bench.IngressBenchmark;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code olbot bench ...}: the committed benchmarks whose figures the README reports. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
        subcommands = {BenchCommand.Ingress.class, BenchCommand.State.class, BenchCommand.Outbound.class,
                BenchCommand.Conversation.class, BenchCommand.Hostile.class, BenchCommand.Journal.class, BenchCommand.FaultsRun.class, BenchCommand.Faq.class,
                BenchCommand.RedisSizing.class, BenchCommand.Cluster.class, BenchCommand.Sustained.class})
public final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    private static void checkEventLoops(Object command, int eventLoops) {
        int most = dev.olbot.ingress.IngressServer.Options.MAX_EVENT_LOOPS;
        if (eventLoops < 1 || eventLoops > most) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(command),
                    "--event-loops: expected 1.." + most + ", was " + eventLoops);
        }
    }

    @Command(name = "ingress", mixinStandardHelpOptions = true,
            description = "Events/s and p99 time-to-200 of the ingress vs a bare Vert.x route, and with metrics on vs off, on loopback.")
    static final class Ingress implements Callable<Integer> {
        @Option(names = "--seconds", defaultValue = "10", description = "Duration of each measured run (default ${DEFAULT-VALUE}).")
        double seconds;

        @Option(names = "--connections", defaultValue = "32", description = "Requests in flight in the throughput runs (default ${DEFAULT-VALUE}).")
        int connections;

        @Option(names = "--rate", defaultValue = "1000", description = "Events per second in the latency runs (default ${DEFAULT-VALUE}).")
        int rate;

        @Option(names = "--rounds", defaultValue = "3", description = "Alternating rounds per target; medians are reported (default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--event-loops", description = "Event loops every server listens on, OLBot's and the Vert.x routes'"
                + " (default 1, as the server runs).")
        int eventLoops = dev.olbot.ingress.IngressServer.Options.defaultEventLoops();

        @Override
        public Integer call() throws Exception {
            checkEventLoops(this, eventLoops);
            boolean met = new IngressBenchmark(seconds, connections, rate, rounds, eventLoops, System.out).run();
            System.out.println(met ? "targets met" : "targets NOT met");
            return 0;
        }
    }

    @Command(name = "state", mixinStandardHelpOptions = true,
            description = "Heap held per open dialog in the in-memory dialog store.")
    static final class State implements Callable<Integer> {
        @Option(names = "--dialogs", defaultValue = "100000", description = "Open dialogs to create (default ${DEFAULT-VALUE}).")
        int dialogs;

        @Override
        public Integer call() {
            boolean met = new dev.olbot.examples.bench.StateBenchmark(dialogs, System.out).run();
            System.out.println(met ? "target met" : "target NOT met");
            return 0;
        }
    }

    @Command(name = "redis", mixinStandardHelpOptions = true,
            description = "Cluster-mode sizing on a Redis you started: memory per dialog, dedupe key, pending inbox event and confirmed call; turns/s and inbox appends/s.")
    static final class RedisSizing implements Callable<Integer> {
        @Option(names = "--url", defaultValue = "redis://127.0.0.1:6379", description = "The Redis (default ${DEFAULT-VALUE}).")
        String url;

        @Option(names = "--dialogs", defaultValue = "100000", description = "Open dialogs to store (default ${DEFAULT-VALUE}).")
        int dialogs;

        @Option(names = "--threads", defaultValue = "8", description = "Threads doing turns (default ${DEFAULT-VALUE}).")
        int threads;

        @Override
        public Integer call() throws Exception {
            new dev.olbot.examples.bench.RedisBenchmark(url, dialogs, threads, System.out).run();
            return 0;
        }
    }

    @Command(name = "cluster", mixinStandardHelpOptions = true,
            description = "Several 'olbot serve' processes behind one handler URL against the fake account (2 req/s, burst 50): "
                    + "Redis cluster with a kill -9 and a token expiry, one instance on the journal with a kill -9, the cluster "
                    + "while Redis does not answer for 5 s, and events/s with many portals for one vs two instances. "
                    + "Needs redis-server on the PATH.")
    static final class Cluster implements Callable<Integer> {
        @Option(names = "--dialogs", defaultValue = "1000", description = "Open-line dialogs (default ${DEFAULT-VALUE}).")
        int dialogs;

        @Option(names = "--messages", defaultValue = "10", description = "Client messages per dialog (default ${DEFAULT-VALUE}).")
        int messages;

        @Option(names = "--instances", defaultValue = "3", description = "Instances in the Redis run (default ${DEFAULT-VALUE}).")
        int instances;

        @Option(names = "--portals", defaultValue = "20", description = "Portals in the throughput run (default ${DEFAULT-VALUE}).")
        int portals;

        @Option(names = "--portal-dialogs", defaultValue = "50", description = "Dialogs per portal in the throughput run (default ${DEFAULT-VALUE}).")
        int portalDialogs;

        @Option(names = "--portal-messages", defaultValue = "4", description = "Messages per dialog in the throughput run (default ${DEFAULT-VALUE}).")
        int portalMessages;

        @Option(names = "--phases", split = ",", defaultValue = "cluster,journal,outage,throughput",
                description = "Runs to do (default ${DEFAULT-VALUE}).")
        List<String> phases;

        @Option(names = "--dir", description = "Where the instances' data folders and logs go (default: a new temporary folder).")
        java.nio.file.Path dir;

        @Override
        public Integer call() throws Exception {
            java.nio.file.Path work = dir != null ? dir : java.nio.file.Files.createTempDirectory("olbot-bench-cluster");
            dev.olbot.examples.bench.ClusterBenchmark.Options o;
            try {
                o = new dev.olbot.examples.bench.ClusterBenchmark.Options(dialogs, messages, instances, portals, portalDialogs,
                        portalMessages, phases, work);
            } catch (IllegalArgumentException e) {
                throw CliFailure.usage(e.getMessage());
            }
            System.out.println("instances' data folders and logs: " + work);
            dev.olbot.examples.bench.ClusterBenchmark.Result r = new dev.olbot.examples.bench.ClusterBenchmark(o).run(System.out);
            boolean lost = r.tallies().stream().anyMatch(t -> t.lost() > 0);
            return lost ? 1 : 0;
        }
    }

    @Command(name = "outbound", mixinStandardHelpOptions = true,
            description = "Replies to N different open-line dialogs through the REST client against the embedded fake "
                    + "account (HTTP on 127.0.0.1) enforcing the platform's rate limit in real time.")
    static final class Outbound implements Callable<Integer> {
        @Option(names = "--replies", description = "Replies, one per dialog (default 1000; 100 with --no-coalescing).")
        Integer replies;

        @Option(names = "--no-coalescing", description = "Send one HTTP request per call instead of coalescing into batch.")
        boolean noCoalescing;

        @Option(names = "--enterprise", description = "Enterprise limit (5 req/s, burst 250) instead of the standard 2 req/s, burst 50.")
        boolean enterprise;

        @Option(names = "--verbose", description = "Also print rejected requests and the first problems to stderr.")
        boolean verbose;

        @Override
        public Integer call() throws Exception {
            int n = replies != null ? replies : noCoalescing ? 100 : 1000;
            dev.olbot.examples.bench.OutboundBenchmark.Result r =
                    new dev.olbot.examples.bench.OutboundBenchmark(n, !noCoalescing, enterprise, 1.0).run(System.out);
            if (verbose || r.errors() > 0) {
                System.err.println("  requests refused with QUERY_LIMIT_EXCEEDED: " + r.rejected());
                r.problems().forEach(p -> System.err.println("  " + p));
            }
            return r.errors() == 0 ? 0 : 1;
        }
    }

    @Command(name = "conversation", mixinStandardHelpOptions = true,
            description = "Wall time of a whole Open Lines conversation (menu, handoff, operator, 10 virtual minutes, finish) "
                    + "run through BotTestKit on the virtual clock.")
    static final class Conversation implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "50", description = "Measured conversations (default ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--warmup", defaultValue = "10", description = "Conversations run first and not measured (default ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--http", description = "Deliver events to the bot over HTTP on 127.0.0.1 instead of in-process "
                + "(intermittent 10 s event-delivery stalls were seen this way; in-process is the reported figure).")
        boolean http;

        @Override
        public Integer call() {
            dev.olbot.examples.bench.ConversationBenchmark.Result r =
                    new dev.olbot.examples.bench.ConversationBenchmark(runs, warmup, http).run(System.out);
            return r.failures() == 0 ? 0 : 1;
        }
    }

    @Command(name = "faults", mixinStandardHelpOptions = true,
            description = "What clients see when the platform fails: client turns through a bot against the embedded fake "
                    + "account injecting one fault kind on a share of REST requests (seeded), one run per kind.")
    static final class FaultsRun implements Callable<Integer> {
        @Option(names = "--dialogs", defaultValue = "20", description = "Clients writing at once (default ${DEFAULT-VALUE}).")
        int dialogs;

        @Option(names = "--rounds", defaultValue = "100", description = "Messages per client (default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--share", defaultValue = "0.10", description = "Share of REST requests faulted (default ${DEFAULT-VALUE}).")
        double share;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of the random faults (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--speed", defaultValue = "5", description = "How much faster than real time the fake's clock runs (default ${DEFAULT-VALUE}).")
        double speed;

        @Option(names = "--kind", split = ",", description = "Fault kinds to run (default: all): ${COMPLETION-CANDIDATES}.")
        List<dev.olbot.testkit.Faults.Kind> kinds;

        @Option(names = "--mixed", description = "Also one run with every kind mixed (each faulted request gets one at random).")
        boolean mixed;

        @Option(names = "--log", description = "Keep the bot's log (every failed turn logs an ERROR; off by default).")
        boolean log;

        @Override
        public Integer call() throws Exception {
            if (!log && org.slf4j.LoggerFactory.getLogger("dev.olbot") instanceof ch.qos.logback.classic.Logger l) {
                l.setLevel(ch.qos.logback.classic.Level.OFF);
            }
            List<dev.olbot.testkit.Faults.Kind> run = kinds == null || kinds.isEmpty()
                    ? List.of(dev.olbot.testkit.Faults.Kind.values()) : kinds;
            List<dev.olbot.examples.bench.FaultsBenchmark.Result> results =
                    new dev.olbot.examples.bench.FaultsBenchmark(dialogs, rounds, share, seed, speed).run(run, mixed, System.out);
            boolean met = results.stream().allMatch(dev.olbot.examples.bench.FaultsBenchmark.Result::targetsMet);
            System.out.println(met ? "targets met" : "targets NOT met");
            return 0;
        }
    }

    @Command(name = "hostile", mixinStandardHelpOptions = true,
            description = "Hostile requests over HTTP against the ingress: status counts, 5xx, hangs, /health p99, heap, log lines.")
    static final class Hostile implements Callable<Integer> {
        @Option(names = "--requests", defaultValue = "100000", description = "Requests to send (default ${DEFAULT-VALUE}).")
        int requests;

        @Option(names = "--connections", defaultValue = "64", description = "Requests in flight (default ${DEFAULT-VALUE}).")
        int connections;

        @Option(names = "--seed", defaultValue = "9", description = "Seed of the request stream (default ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() throws Exception {
            boolean met = new dev.olbot.examples.bench.HostileBenchmark(requests, connections, seed).run(System.out).targetsMet();
            System.out.println(met ? "targets met: 0 x 5xx, 0 hangs, every genuine event handled, /health p99 < 50 ms"
                    : "targets NOT met");
            return met ? 0 : 1;
        }
    }

    @Command(name = "faq", mixinStandardHelpOptions = true,
            description = "Accuracy of the FAQ bot's matching on the labelled evaluation set: the tuning part (the knowledge base's examples, cross-validated by part) and the held-out part.")
    static final class Faq implements Callable<Integer> {
        @Option(names = "--part", defaultValue = "both",
                description = "tuning, held-out or both (default ${DEFAULT-VALUE}); while tuning, look at the tuning part only;"
                        + " other-businesses: in-scope messages that name another business in passing.")
        String part;

        @Option(names = "--misses", description = "Also list the misses of the printed parts.")
        boolean misses;

        @Option(names = "--ranker-only", description = "Decide by the ranker (BM25 + typos) alone, without the classifier"
                + " learned from the knowledge base: the figures before it.")
        boolean rankerOnly;

        @Override
        public Integer call() {
            dev.olbot.examples.bench.FaqBenchmark.shipped(rankerOnly ? dev.olbot.kb.SecondOpinion.off()
                    : dev.olbot.kb.SecondOpinion.defaults()).run(System.out, part, misses);
            return 0;
        }
    }

    @Command(name = "journal", mixinStandardHelpOptions = true,
            description = "What 'accepted means on disk' costs: the ingress with the in-memory inbox and with the journal, beside a raw handler.")
    static final class Journal implements Callable<Integer> {
        @Option(names = "--seconds", defaultValue = "5", description = "Duration of each measured run (default ${DEFAULT-VALUE}).")
        double seconds;

        @Option(names = "--connections", defaultValue = "32", description = "Requests in flight in the throughput runs (default ${DEFAULT-VALUE}).")
        int connections;

        @Option(names = "--rate", defaultValue = "1000", description = "Events per second in the latency runs (default ${DEFAULT-VALUE}).")
        int rate;

        @Option(names = "--rounds", defaultValue = "3", description = "Alternating rounds; medians are reported (default ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--event-loops", description = "Event loops every server listens on, OLBot's and the raw handler's"
                + " (default 1, as the server runs).")
        int eventLoops = dev.olbot.ingress.IngressServer.Options.defaultEventLoops();

        @Option(names = "--journal-sync", defaultValue = "loop", description = "loop: an event loop writes and syncs its"
                + " round's deliveries itself (as the server runs); rounds: it hands them to the journal's writer thread as one"
                + " piece; writer: each delivery goes to the writer thread alone (default ${DEFAULT-VALUE}).")
        String journalSync;

        @Option(names = "--only", description = "Load only this target (memory, journal or raw) for rounds x seconds, nothing"
                + " else: for a profiler's recording of one mode.")
        String only;

        @Override
        public Integer call() throws Exception {
            checkEventLoops(this, eventLoops);
            dev.olbot.examples.bench.JournalBenchmark bench = new dev.olbot.examples.bench.JournalBenchmark(seconds, connections, rate,
                    rounds, eventLoops, System.out);
            bench.journalSync(switch (journalSync) {
                case "rounds" -> dev.olbot.ingress.FileInbox.Sync.WRITER_ROUNDS;
                case "loop" -> dev.olbot.ingress.FileInbox.Sync.LOOP;
                case "writer" -> dev.olbot.ingress.FileInbox.Sync.WRITER;
                default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--journal-sync: expected rounds, loop or writer, was '" + journalSync + "'");
            });
            if (only != null) {
                if (!java.util.Set.of("memory", "journal", "raw").contains(only)) {
                    throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                            "--only: expected memory, journal or raw, was '" + only + "'");
                }
                bench.runOnly(only);
                return 0;
            }
            boolean met = bench.run();
            System.out.println(met ? "targets met: >= 0.6x raw, p99 < 2 ms" : "targets NOT met (>= 0.6x raw, p99 < 2 ms)");
            return 0;
        }
    }

    @Command(name = "sustained", mixinStandardHelpOptions = true,
            description = "Clients across open-line dialogs write at fixed rates to a bot that answers every message, through a real "
                    + "BotServer (HTTP ingress, inbox journal) against the embedded fake account enforcing 2 req/s, burst 50.")
    static final class Sustained implements Callable<Integer> {
        @Option(names = "--rates", split = ",", defaultValue = "50,80,90,95,120",
                description = "Client messages per second, one run each (default ${DEFAULT-VALUE}; the portal's ceiling is 100 replies/s).")
        List<Integer> rates;

        @Option(names = "--seconds", defaultValue = "60", description = "How long each rate sends (default ${DEFAULT-VALUE}).")
        double seconds;

        @Option(names = "--dialogs", defaultValue = "1000", description = "Open-line dialogs the messages go round (default ${DEFAULT-VALUE}).")
        int dialogs;

        @Option(names = "--sample", defaultValue = "5", description = "Seconds between two inbox-depth samples (default ${DEFAULT-VALUE}).")
        double sample;

        @Option(names = "--settle", defaultValue = "25",
                description = "Pause before each rate so the buckets start empty (default ${DEFAULT-VALUE}: a full burst drains).")
        double settle;

        @Override
        public Integer call() throws Exception {
            if (rates.stream().anyMatch(r -> r < 1)) {
                throw new IllegalArgumentException("--rates: every rate must be >= 1");
            }
            List<dev.olbot.examples.bench.SustainedRun> runs =
                    new dev.olbot.examples.bench.SustainedBenchmark(dialogs, seconds, sample, settle).run(rates, System.out);
            boolean intact = runs.stream().allMatch(dev.olbot.examples.bench.SustainedRun::intact);
            runs.stream().filter(r -> r.rate() == 90).findFirst().ifPresent(r -> System.out.println(
                    r.p99() < 1500 && r.surfaced() == 0 ? "target met at 90/s: p99 < 1.5 s, 0 errors shown"
                            : "target NOT met at 90/s (p99 < 1.5 s, 0 errors shown)"));
            System.out.println(intact ? "every rate: nothing lost, nothing twice, every dialog in order"
                    : "LOSS, DUPLICATES OR DISORDER: see the lines above");
            return intact ? 0 : 1;
        }
    }
}
