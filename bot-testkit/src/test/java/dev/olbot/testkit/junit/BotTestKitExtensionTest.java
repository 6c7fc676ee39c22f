package dev.olbot.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotProvider;
import dev.olbot.testkit.scenario.BotTestKit;
import dev.olbot.testkit.scenario.Scenario;
import dev.olbot.testkit.scenario.ScenarioTests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

class BotTestKitExtensionTest {

    /** The bot of the cases below. */
    public static final class EchoBot implements BotProvider {
        @Override
        public Bot create(Optional<Path> config) {
            return Bot.builder("echo_bot").name("Echo")
                    .onWelcome(ctx -> ctx.reply("Hello from echo"))
                    .fallback(ctx -> ctx.reply("echo"))
                    .build();
        }
    }

    static final List<BotTestKit> seen = new ArrayList<>();
    static final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    static final PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);

    static Scenario greeting(String expected) {
        return Scenario.named("greeting").clientSays("hi").expectReply(expected).expectReply("echo").build();
    }

    private static TestExecutionSummary run(Class<?> cases) {
        seen.clear();
        printed.reset();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(cases)).build(), listener);
        return listener.getSummary();
    }

    static class PerTestCases {
        @RegisterExtension
        static BotTestKitExtension kit = BotTestKitExtension.perTest(o -> o.bot(new EchoBot().create(Optional.empty())));

        @Test
        void first(BotTestKit kit) {
            seen.add(kit);
            kit.run(greeting("Hello from echo")).assertPassed();
        }

        @Test
        void second(BotTestKit kit) {
            seen.add(kit);
            kit.run(greeting("Hello from echo")).assertPassed();
        }
    }

    static class PerClassCases {
        @RegisterExtension
        static BotTestKitExtension kit = BotTestKitExtension.perClass(o -> o.bot(new EchoBot().create(Optional.empty())));

        @Test
        void first(BotTestKit kit) {
            seen.add(kit);
        }

        @Test
        void second(BotTestKit kit) {
            seen.add(kit);
        }
    }

    static class FailingCases {
        @RegisterExtension
        static BotTestKitExtension kit = BotTestKitExtension.perTest(o -> o.bot(new EchoBot().create(Optional.empty())))
                .printingTo(capture);

        @Test
        void expectsAnotherGreeting(BotTestKit kit) {
            kit.run(greeting("Welcome to ACME")).assertPassed();
        }
    }

    @ExtendWith(BotTestKitExtension.class)
    @WithBot(EchoBot.class)
    static class AnnotatedCases {
        @Test
        void greets(BotTestKit kit) {
            seen.add(kit);
            kit.run(greeting("Hello from echo")).assertPassed();
        }
    }

    @ExtendWith(BotTestKitExtension.class)
    static class UnannotatedCases {
        @Test
        void greets(BotTestKit kit) {
            seen.add(kit);
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void startsAFreshKitForEveryTestAndInjectsIt() {
            TestExecutionSummary summary = run(PerTestCases.class);

            assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
            assertThat(seen).hasSize(2).doesNotContainNull();
            assertThat(seen.get(0)).isNotSameAs(seen.get(1));
        }

        @Test
        void sharesOneKitAcrossTheClassWhenAskedTo() {
            TestExecutionSummary summary = run(PerClassCases.class);

            assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
            assertThat(seen.get(0)).isSameAs(seen.get(1));
        }

        @Test
        void takesTheBotFromWithBotUnderExtendWith() {
            TestExecutionSummary summary = run(AnnotatedCases.class);

            assertThat(summary.getTestsSucceededCount()).isOne();
            assertThat(seen).hasSize(1);
        }

        @Test
        void saysWhatIsMissingWithoutWithBot() {
            TestExecutionSummary summary = run(UnannotatedCases.class);

            assertThat(summary.getTotalFailureCount()).isOne();
            assertThat(seen).isEmpty();
            assertThat(summary.getFailures().get(0).getException())
                    .hasMessageContaining("annotate " + UnannotatedCases.class.getName() + " with @WithBot(YourBotProvider.class)");
        }
    }

    @Nested
    class OnFailure {

        @Test
        void printsTheTranscriptOfTheFailedTest() {
            TestExecutionSummary summary = run(FailingCases.class);

            assertThat(summary.getTestsFailedCount()).isOne();
            String out = printed.toString(StandardCharsets.UTF_8);
            assertThat(out).contains("--- transcript of the fake Bitrix24 account for 'expectsAnotherGreeting(BotTestKit)' ---",
                    "--- end of transcript ---");
            assertThat(out).contains(": hi", "Hello from echo");
        }

        @Test
        void printsNothingWhenTheTestPasses() {
            run(PerTestCases.class);

            assertThat(printed.size()).isZero();
        }
    }

    @Nested
    class ScenarioFolders {

        @TempDir
        Path dir;

        @Test
        void runsEveryFileWhenOneDoesNotParse() throws IOException {
            Files.writeString(dir.resolve("a-good.convo"), "#scenario greets\n#me hi\n#bot Hello from echo\n#bot echo\n");
            Files.writeString(dir.resolve("b-broken.convo"), "#scenario broken\n#me hi\n#frobnicate now\n");
            Files.writeString(dir.resolve("c-good.convo"), "#scenario greets again\n#me hello\n#bot Hello from echo\n");

            List<DynamicTest> tests = ScenarioTests.from(dir, () -> BotTestKit.start(new EchoBot().create(Optional.empty())))
                    .toList();

            assertThat(tests).extracting(DynamicTest::getDisplayName)
                    .containsExactly("greets (a-good.convo)", "b-broken.convo (does not parse)", "greets again (c-good.convo)");
            assertThat(outcomes(tests)).containsExactly("passed", "failed", "passed");
            assertThatThrownBy(() -> tests.get(1).getExecutable().execute())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith(dir.resolve("b-broken.convo") + " does not parse: ");
        }

        @Test
        void theExtensionRunsAFolderOnFreshKits() throws IOException {
            Files.writeString(dir.resolve("greets.convo"), "#scenario greets\n#me hi\n#bot Hello from echo\n#bot echo\n");
            BotTestKitExtension ext = BotTestKitExtension.perTest(o -> o.bot(new EchoBot().create(Optional.empty())));

            List<DynamicTest> tests = ext.scenarios(dir).toList();

            assertThat(outcomes(tests)).containsExactly("passed");
        }

        private List<String> outcomes(List<DynamicTest> tests) {
            Function<DynamicTest, String> outcome = t -> {
                try {
                    t.getExecutable().execute();
                    return "passed";
                } catch (Throwable e) {
                    return "failed";
                }
            };
            return tests.stream().map(outcome).collect(Collectors.toList());
        }
    }
}
