package dev.olbot.examples.quickstart;

import static dev.olbot.testkit.scenario.TextMatch.contains;

import dev.olbot.testkit.scenario.BotTestKit;
import dev.olbot.testkit.scenario.Scenario;
import org.junit.jupiter.api.Test;

class QuickStartBotTest {

    @Test
    void greetsAnswersPricesWithTyposAndHandsOffOnRequest() {
        try (BotTestKit kit = BotTestKit.start(QuickStartBot.create())) {
            kit.run(Scenario.named("quick start")
                    .clientSays("hello").expectReply(contains("Ask me about delivery"))
                    .expectReply("Hello! Delivery, prices, or a person?")
                    .clientSays("How much does it cots?").expectReply("Plans start at 10 € a month.")
                    .clientSays("Сколько стоит?").expectReply("Plans start at 10 € a month.")
                    .clientSays("what about delivery").expectReply("We deliver in 1–3 days.")
                    .clientSays("Operator please").expectReply(contains("Connecting you"))
                    .expectDialogWithQueue()
                    .build()).assertPassed();
        }
    }
}
