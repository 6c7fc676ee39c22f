package dev.olbot.testkit.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * JUnit 5 glue (needs junit-jupiter-api on the test classpath): every {@code *.convo} file below a
 * folder becomes one dynamic test, each run on a fresh {@link BotTestKit}.
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
        return files.stream().filter(f -> !isInclude(folder, f)).map(file -> {
            Scenario scenario = ScenarioFile.read(file);
            return DynamicTest.dynamicTest(scenario.name() + " (" + folder.relativize(file) + ")", file.toUri(), () -> {
                try (BotTestKit kit = kits.get()) {
                    kit.run(scenario).assertPassed();
                }
            });
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
