package dev.olbot.testkit.scenario;

import static dev.olbot.testkit.scenario.TextMatch.contains;
import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotContext;
import dev.olbot.bot.flow.Flow;
import dev.olbot.bot.routing.Intent;
import dev.olbot.bot.routing.NumberedMenu;
import dev.olbot.bot.flow.Validation;
import dev.olbot.state.FileDialogStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {

    /** A small triage bot: a menu, a two-question flow with a lead, a handoff, and a no-answer timeout. */
    static Bot triage() {
        return Bot.builder("triage_test").name("Triage")
                .menu(NumberedMenu.named("main").header("Hello! What is your question about?")
                        .item(1, "Sales", ctx -> ctx.startFlow("sales"))
                        .item(2, "Support", ctx -> {
                            ctx.reply("Connecting you to support");
                            ctx.toOperator();
                        }).build())
                .flow(Flow.named("sales")
                        .ask("name", "Your name, please?", Validation.name("Please write your name"))
                        .ask("phone", "Your phone number?", Validation.phone("Please write a phone like +7 999 123-45-67"))
                        .timeout(Duration.ofMinutes(10), ctx -> {
                            ctx.reply("No answer for 10 minutes, closing the chat.");
                            ctx.finish();
                        })
                        .onComplete(ctx -> {
                            ctx.replyTemplate("Thank you, ${name}! A manager will call ${phone}.", java.util.Map.of());
                            ctx.createLead();
                            ctx.transferToLine(2, true);
                        }).build())
                .onWelcome(ctx -> ctx.showMenu("main"))
                .on(Intent.keywords("bye", "пока"), BotContext::finish)
                .fallback(ctx -> ctx.reply("Please pick a number from the menu."))
                .build();
    }

    static Scenario handoff() {
        return Scenario.named("support handoff, operator finishes")
                .clientSays("hello")
                .expectReply(contains("What is your question about"))
                .expectKeyboard("1. Sales", "2. Support")
                .expectReply(contains("pick a number"))
                .clientPresses(2)
                .expectReply("Connecting you to support")
                .expectDialogWithQueue()
                .operatorAccepts()
                .operatorSays("Hi, Olga here. How can I help?")
                .expectDialogWithOperator()
                .timePasses(Duration.ofMinutes(10))
                .operatorFinishes()
                .expectFinished()
                .build();
    }

    @Test
    void aWholeOpenLineConversationRunsOnTheVirtualClockWhileTenMinutesPass() {
        try (BotTestKit kit = BotTestKit.start(o -> o.bot(triage()).line("Sales"))) {
            Instant virtualStart = kit.clock().instant();
            long wallStart = System.nanoTime();

            ScenarioResult result = kit.run(handoff());

            long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
            result.assertPassed();
            assertThat(Duration.between(virtualStart, kit.clock().instant())).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
            // wall time is measured by `olbot bench conversation`, not asserted here (shared CI machines)
            System.out.printf("conversation with 10 virtual minutes took %d ms of wall time%n", wallMillis);
        }
    }

    @Test
    void aScenarioInTheDslAndInAFileAreTheSameSteps() throws Exception {
        Path file = Path.of(getClass().getResource("/scenarios/handoff.convo").toURI());

        Scenario fromFile = ScenarioFile.read(file);

        assertThat(fromFile.name()).isEqualTo("support handoff, operator finishes");
        assertThat(fromFile.steps()).isEqualTo(handoff().steps());
        try (BotTestKit kit = BotTestKit.start(o -> o.bot(triage()).line("Sales"))) {
            assertThat(kit.run(fromFile).passed()).isTrue();
            assertThat(kit.run(handoff()).passed()).isTrue();
        }
    }

    @Test
    void aWrongExpectationFailsShowingWhatCameTheCallsAndTheTranscript() {
        try (BotTestKit kit = BotTestKit.start(triage())) {
            ScenarioResult result = kit.run(Scenario.named("wrong").clientSays("hello")
                    .expectReply(contains("Welcome to ACME")).build());

            assertThat(result.passed()).isFalse();
            assertThat(result.failedStep()).isEqualTo(2);
            assertThat(result.message())
                    .contains("expected a bot message containing \"Welcome to ACME\"")
                    .contains("but it said: \"Hello! What is your question about?")
                    .contains("imbot.message.add")
                    .contains("transcript:")
                    .contains("client Client 1");
        }
    }

    @Nested
    class OperatorTransfers {

        private static final String HANDOFF = """
                #scenario the operator passes the dialog on
                #me hello
                #bot What is your question about
                #bot pick a number
                #press 2
                #bot Connecting you to support
                #operator accept
                """;

        @Test
        void anOperatorTransfersToAnotherLineInAScenarioFile() {
            Scenario s = ScenarioFile.parse(HANDOFF + "#operator transfer line 2\n#dialog line 2\n", "t", Path.of("."));

            assertThat(s.steps()).contains(new Step.OperatorTransfers(true, 2));
            try (BotTestKit kit = BotTestKit.start(o -> o.bot(triage()).line("Sales"))) {
                kit.run(s).assertPassed();
            }
        }

        @Test
        void anOperatorTransfersToAColleagueInTheDsl() {
            try (BotTestKit kit = BotTestKit.start(o -> o.bot(triage()).employeesUpTo(5))) {
                Scenario s = Scenario.named("to a colleague").clientSays("hello").expectReply(contains("question about"))
                        .expectReply(contains("pick a number")).clientPresses(2).expectReply("Connecting you to support")
                        .operatorAccepts().operatorTransfersToUser(5).expectDialogWithUser(5).build();

                kit.run(s).assertPassed();
            }
        }

        @Test
        void aTransferWithoutATargetNamesWhatItTakes() {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> ScenarioFile.parse(HANDOFF + "#operator transfer line\n", "t", Path.of(".")))
                    .hasMessageEndingWith("#operator transfer takes bot, user N or line N; got 'line'");
        }
    }

    @Nested
    class SalesBranch {

        @Test
        void collectsNameAndPhoneCreatesALeadAndTransfersToTheSalesLine() {
            try (BotTestKit kit = BotTestKit.start(o -> o.bot(triage()).line("Sales"))) {
                kit.run(Scenario.named("sales").clientSays("hi").expectReply(contains("question about")).expectReply(contains("pick a number"))
                        .clientSays("1").expectReply("Your name, please?")
                        .clientSays("Anna").expectReply("Your phone number?")
                        .clientSays("no idea").expectReply(contains("phone like")).expectReply("Your phone number?")
                        .clientSays("8 999 123 45 67").expectReply("Thank you, Anna! A manager will call +79991234567.")
                        .expectLeadCreated()
                        .expectDialogWithLine(2)
                        .build()).assertPassed();
            }
        }

        @Test
        void closesTheChatWhenTheClientStopsAnsweringForTenMinutes() {
            try (BotTestKit kit = BotTestKit.start(triage())) {
                kit.run(Scenario.named("timeout").clientSays("hi").expectReply(contains("question about")).expectReply(contains("pick a number"))
                        .clientSays("1").expectReply("Your name, please?")
                        .timePasses(Duration.ofMinutes(9)).expectNoReply()
                        .timePasses(Duration.ofMinutes(2)).expectReply(contains("No answer for 10 minutes"))
                        .expectFinished()
                        .build()).assertPassed();
            }
        }

        @Test
        void resumesTheFlowAfterARestartWithAFileStore(@TempDir Path dir) {
            Path file = dir.resolve("dialogs.jsonl");
            try (BotTestKit kit = BotTestKit.start(o -> o.bot(triage()).line("Sales")
                    .store(() -> FileDialogStore.open(file)))) {
                kit.run(Scenario.named("restart").clientSays("hi").expectReply(contains("question about")).expectReply(contains("pick a number"))
                        .clientSays("1").expectReply("Your name, please?")
                        .clientSays("Anna").expectReply("Your phone number?")
                        .restartBot()
                        .clientSays("+7 999 123 45 67").expectReply(contains("Thank you, Anna!"))
                        .expectDialogWithLine(2)
                        .build()).assertPassed();
            }
        }
    }

    @Test
    void worksOverHttpToo() {
        try (BotTestKit kit = BotTestKit.start(o -> o.bot(triage()).line("Sales").transport(BotTestKit.Transport.HTTP))) {
            kit.run(handoff()).assertPassed();
        }
    }

    @Test
    void theOperatorCanHandTheDialogBackToTheBot() {
        try (BotTestKit kit = BotTestKit.start(triage())) {
            kit.run(Scenario.named("back to bot").clientSays("hi").expectReply(contains("question about")).expectReply(contains("pick a number"))
                    .clientPresses(2).expectReply("Connecting you to support")
                    .operatorAccepts().operatorSays("Let the bot collect your details")
                    .operatorTransfersBack()
                    .expectReply(contains("question about"))
                    .expectDialogWithBot()
                    .build()).assertPassed();
        }
    }
}
