package dev.olbot.examples.cli;

import dev.olbot.testkit.scenario.BotTestKit;
import dev.olbot.testkit.scenario.Scenario;
import dev.olbot.testkit.scenario.ScenarioFile;
import dev.olbot.testkit.scenario.ScenarioResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

/** {@code olbot scenario --bot faq|CLASS FILE...}: runs scenario files against a bot on the embedded account, each on a fresh one. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = {"Run scenario files (*.convo) against a bot (--bot NAME|CLASS, --jar) on the embedded fake Bitrix24 account.",
            "Prints each scenario's result and a closing line 'N passed, N failed'; exits 1 when any failed."})
public final class ScenarioCommand implements Callable<Integer> {

    @Mixin
    BotChoice choice = new BotChoice();

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @ParentCommand
    Olbot olbot;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files, or folders searched for *.convo (folders named 'common' hold includes).")
    List<Path> files;

    @Override
    public Integer call() {
        VerboseOption.quietOwnLogsUnlessAsked();
        PrintWriter out = spec.commandLine().getOut();
        BotCatalog.Chosen chosen = choice.choose(olbot.catalog(), null);
        List<Path> scenarios = new ArrayList<>();
        for (Path p : files) {
            if (Files.isDirectory(p)) {
                ScenarioFile.find(p).stream().filter(f -> !p.relativize(f).toString().startsWith("common")).forEach(scenarios::add);
            } else if (Files.isRegularFile(p)) {
                scenarios.add(p);
            } else {
                throw CliFailure.usage("scenario file " + p + " does not exist");
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
            try (BotTestKit kit = BotTestKit.start(EmbeddedAccount.of(chosen.bot(), chosen.provider()))) {
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
        out.flush();
        return failed == 0 ? ExitCode.OK : ExitCode.FAILED;
    }
}
