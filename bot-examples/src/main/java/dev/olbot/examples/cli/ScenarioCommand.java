package dev.olbot.examples.cli;

import dev.olbot.examples.ExampleBots;
import dev.olbot.testkit.scenario.BotTestKit;
import dev.olbot.testkit.scenario.Scenario;
import dev.olbot.testkit.scenario.ScenarioFile;
import dev.olbot.testkit.scenario.ScenarioResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code olbot scenario --bot faq FILE...}: runs scenario files against an example bot on the embedded account. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = {"Run scenario files (*.convo) against an example bot on the embedded fake Bitrix24 account.",
            "Prints each scenario's result and a closing line 'N passed, N failed'; exits 1 when any failed."})
public final class ScenarioCommand implements Callable<Integer> {

    @Option(names = "--bot", required = true, paramLabel = "NAME", description = "faq or triage")
    String bot;

    @Option(names = "--config", paramLabel = "FILE", description = "Knowledge base (faq) or triage config instead of the shipped one.")
    Path config;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files, or folders searched for *.convo (folders named 'common' hold includes).")
    List<Path> files;

    private final PrintStream out;

    public ScenarioCommand() {
        this(System.out);
    }

    ScenarioCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (System.getProperty("OLBOT_LOG") == null && System.getenv("OLBOT_LOG") == null) {
            System.setProperty("OLBOT_LOG", "WARN");
        }
        ExampleBots example = ExampleBots.named(bot);
        List<Path> scenarios = new ArrayList<>();
        for (Path p : files) {
            if (Files.isDirectory(p)) {
                ScenarioFile.find(p).stream().filter(f -> !p.relativize(f).toString().startsWith("common")).forEach(scenarios::add);
            } else if (Files.isRegularFile(p)) {
                scenarios.add(p);
            } else {
                out.println("FAIL " + p + ": no such file");
                out.println("0 passed, 1 failed");
                return 1;
            }
        }
        int passed = 0;
        int failed = 0;
        for (Path file : scenarios) {
            Scenario scenario;
            try {
                scenario = ScenarioFile.read(file);
            } catch (RuntimeException e) {
                out.println("FAIL " + file + ": " + e.getMessage());
                failed++;
                continue;
            }
            try (BotTestKit kit = BotTestKit.start(example.embedded(config))) {
                ScenarioResult r = kit.run(scenario);
                if (r.passed()) {
                    passed++;
                    out.println("PASS " + scenario.name() + " (" + file + ")");
                } else {
                    failed++;
                    out.println("FAIL " + scenario.name() + " (" + file + ") at step " + r.failedStep() + ":");
                    out.println(r.message().indent(4).stripTrailing());
                }
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
