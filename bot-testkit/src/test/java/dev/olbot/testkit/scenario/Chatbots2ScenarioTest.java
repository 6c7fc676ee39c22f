package dev.olbot.testkit.scenario;

import static dev.olbot.testkit.scenario.TextMatch.contains;
import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.bot.Registrar;
import dev.olbot.testkit.RecordedCall;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The triage conversation of {@link ScenarioTest}, with the bot registered as a Chatbots 2.0 bot (webhook and fetch). */
class Chatbots2ScenarioTest {

    private static BotTestKit kit(Registrar.EventMode mode) {
        return BotTestKit.start(o -> o.bot(ScenarioTest.triage()).line("Sales").chatbots2(mode));
    }

    private static List<String> methods(BotTestKit kit) {
        return kit.fake().calls().all().stream().map(RecordedCall::method).toList();
    }

    @ParameterizedTest
    @EnumSource(Registrar.EventMode.class)
    void registersThroughImbotV2AndRepliesWithChatMessageSend(Registrar.EventMode mode) {
        try (BotTestKit kit = kit(mode)) {
            kit.run(ScenarioTest.handoff()).assertPassed();

            List<String> methods = methods(kit); // the fake records method names lower-cased
            assertThat(methods).contains("imbot.v2.bot.register", "imbot.v2.chat.message.send", "imopenlines.bot.session.operator")
                    .doesNotContain("imbot.register", "imbot.message.add");
            if (mode == Registrar.EventMode.FETCH) {
                assertThat(methods).contains("imbot.v2.event.get");
            } else {
                assertThat(methods).doesNotContain("imbot.v2.event.get");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Registrar.EventMode.class)
    void theSalesFlowCollectsDetailsCreatesALeadAndTransfersToTheSalesLine(Registrar.EventMode mode) {
        try (BotTestKit kit = kit(mode)) {
            kit.run(Scenario.named("sales").clientSays("hi").expectReply(contains("question about")).expectReply(contains("pick a number"))
                    .clientPresses(1).expectReply("Your name, please?")
                    .clientSays("Anna").expectReply("Your phone number?")
                    .clientSays("no idea").expectReply(contains("phone like")).expectReply("Your phone number?")
                    .clientSays("8 999 123 45 67").expectReply("Thank you, Anna! A manager will call +79991234567.")
                    .expectLeadCreated()
                    .expectDialogWithLine(2)
                    .build()).assertPassed();
        }
    }

    @ParameterizedTest
    @EnumSource(Registrar.EventMode.class)
    void theFlowTimesOutOnTheVirtualClockAndFinishesTheSession(Registrar.EventMode mode) {
        try (BotTestKit kit = kit(mode)) {
            kit.run(Scenario.named("timeout").clientSays("hi").expectReply(contains("question about")).expectReply(contains("pick a number"))
                    .clientSays("1").expectReply("Your name, please?")
                    .timePasses(Duration.ofMinutes(9)).expectNoReply()
                    .timePasses(Duration.ofMinutes(2)).expectReply(contains("No answer for 10 minutes"))
                    .expectFinished()
                    .build()).assertPassed();
            assertThat(methods(kit)).contains("imopenlines.bot.session.finish").doesNotContain("imbot.message.add");
        }
    }

    @ParameterizedTest
    @EnumSource(Registrar.EventMode.class)
    void theOperatorHandsTheDialogBackAndTheBotHearsTheJoinAgain(Registrar.EventMode mode) {
        try (BotTestKit kit = kit(mode)) {
            kit.run(Scenario.named("back to bot").clientSays("hi").expectReply(contains("question about")).expectReply(contains("pick a number"))
                    .clientPresses(2).expectReply("Connecting you to support")
                    .operatorAccepts().operatorSays("Let the bot collect your details")
                    .operatorTransfersBack()
                    .expectReply(contains("question about"))
                    .expectDialogWithBot()
                    .build()).assertPassed();
        }
    }

    @org.junit.jupiter.api.Test
    void aV2WebhookBotWorksOverHttpToo() {
        try (BotTestKit kit = BotTestKit.start(o -> o.bot(ScenarioTest.triage()).line("Sales")
                .chatbots2(Registrar.EventMode.WEBHOOK).transport(BotTestKit.Transport.HTTP))) {
            kit.run(Scenario.named("http").clientSays("hello").expectReply(contains("What is your question about"))
                    .expectReply(contains("pick a number"))
                    .clientPresses(2).expectReply("Connecting you to support").expectDialogWithQueue()
                    .build()).assertPassed();
        }
    }
}
