package dev.olbot.testkit.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * JUnit 5 glue (needs junit-jupiter-api on the test classpath): every {@code *.convo} file below a
 * folder becomes one dynamic test, each run on a fresh {@link BotTestKit}. A file that does not parse is a
 * failing test of its own (named after the file), and every other file still runs.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> scenarios() {
 *     return ScenarioTests.from(Path.of("src/test/scenarios/faq"), () -> BotTestKit.start(FaqBot.create(...)));
 * }
 * }</pre>
 */
public final class ScenarioTests {

    private ScenarioTests() {}

    public static Stream<DynamicTest> from(Path folder, Supplier<BotTestKit> kits) {
        List<Path> files = ScenarioFile.find(folder);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no *.convo files below " + folder.toAbsolutePath());
        }
        return files.stream().filter(f -> !isInclude(folder, f)).map(file -> test(folder, file, kits));
    }

    /** One file's test; a file that does not parse is a failing test of its own, so the other files still run. */
    private static DynamicTest test(Path folder, Path file, Supplier<BotTestKit> kits) {
        Scenario scenario;
        try {
            scenario = ScenarioFile.read(file);
        } catch (RuntimeException e) {
            String reason = e.getMessage();
            return DynamicTest.dynamicTest(folder.relativize(file) + " (does not parse)", file.toUri(), () -> {
                throw new AssertionError(file + " does not parse: " + reason, e);
            });
        }
        return DynamicTest.dynamicTest(scenario.name() + " (" + folder.relativize(file) + ")", file.toUri(), () -> {
            try (BotTestKit kit = kits.get()) {
                kit.run(scenario).assertPassed();
            }
        });
    }

    /** Files in a folder named {@code common} are building blocks for {@code #include}, not scenarios. */
    static boolean isInclude(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().equals("common")) {
                return true;
            }
        }
        return false;
    }
}
