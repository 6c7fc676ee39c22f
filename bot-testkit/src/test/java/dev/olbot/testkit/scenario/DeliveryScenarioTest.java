package dev.olbot.testkit.scenario;

import static dev.olbot.testkit.CallPattern.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.bot.Bot;
import dev.olbot.testkit.CallCount;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The client's view of a reply whose answer the platform lost, through the whole kit (issue 10). */
class DeliveryScenarioTest {

    private static final String SORRY = "Sorry, something went wrong on our side. Please try again.";

    private static void clientSeesTheAnswerOnce(Consumer<BotTestKit> fault, int sends) {
        try (BotTestKit kit = BotTestKit.start(Bot.builder("delivery_bot")
                .fallback(ctx -> ctx.reply("answer to " + ctx.utterance().text())).build())) {
            fault.accept(kit);
            kit.run(Scenario.named("one answer, no apology").clientSays("hi").expectReply("answer to hi").expectNoReply()
                    .build()).assertPassed();
            kit.fake().verify(CallCount.exactly(sends), call("imbot.message.add"));
            assertThat(kit.fake().portal().chats()).allSatisfy(c -> assertThat(c.messages())
                    .noneMatch(m -> m.text().equals(SORRY)));
        }
    }

    @Nested
    class LostAnswers {
        @Test
        void aReplyThatRanBeforeA500ArrivesOnceWithoutAnApology() {
            clientSeesTheAnswerOnce(kit -> kit.fake().faults().next("imbot.message.add").respondWith500AfterExecuting(), 1);
        }

        @Test
        void aReplyThatRanBeforeTheConnectionDroppedArrivesOnceWithoutAnApology() {
            clientSeesTheAnswerOnce(kit -> kit.fake().faults().next("imbot.message.add").dropConnectionAfterExecuting(), 1);
        }

        @Test
        void aReplyA500StoppedBeforeItRanIsSentAgainAndArrivesOnce() {
            clientSeesTheAnswerOnce(kit -> kit.fake().faults().next("imbot.message.add").respondWith500(), 2);
        }
    }
}
