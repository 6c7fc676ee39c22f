package dev.olbot.examples.cli;

import dev.olbot.examples.bench.IngressBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code olbot bench ...}: the committed benchmarks whose figures the README reports. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
        subcommands = {BenchCommand.Ingress.class, BenchCommand.State.class})
public final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "ingress", mixinStandardHelpOptions = true,
            description = "Events/s and p99 time-to-200 of the ingress vs a bare Vert.x route, on loopback.")
    static final class Ingress implements Callable<Integer> {
        @Option(names = "--seconds", defaultValue = "10", description = "Duration of each measured run (default ${DEFAULT-VALUE}).")
        double seconds;

        @Option(names = "--connections", defaultValue = "32", description = "Requests in flight in the throughput runs (default ${DEFAULT-VALUE}).")
        int connections;

        @Option(names = "--rate", defaultValue = "1000", description = "Events per second in the latency runs (default ${DEFAULT-VALUE}).")
        int rate;

        @Override
        public Integer call() throws Exception {
            boolean met = new IngressBenchmark(seconds, connections, rate, System.out).run();
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
}
