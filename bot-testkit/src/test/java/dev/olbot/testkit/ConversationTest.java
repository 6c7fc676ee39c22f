package dev.olbot.testkit;

import static dev.olbot.testkit.CallCount.atLeast;
import static dev.olbot.testkit.CallCount.exactly;
import static dev.olbot.testkit.CallCount.never;
import static dev.olbot.testkit.CallPattern.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A whole dialog: an echo bot behind a real HTTP handler, a client, the line's timer and an operator. */
class ConversationTest extends FakeAccountTest {

    String token;
    int botId;
    int olga;
    OpenLine line;
    Client anna;

    @BeforeEach
    void echoBotOnALine() {
        token = install();
        botId = registerOpenLineBot(token, "echo");
        assertThat(fake.takeCall().method()).isEqualTo("imbot.register");
        fake.assertNoMoreCalls();
        olga = portal().addUser("Olga Operator");
        line = lineWithBot(botId, 180, olga);
        anna = portal().client(line.id(), "Anna Petrova");
        bot.onEvent(event -> {
            Map<String, Object> form = event.form();
            if ("ONIMBOTMESSAGEADD".equals(form.get("event"))) {
                Map<String, Object> params = event.map("data", "PARAMS");
                String botToken = (String) DocPayloads.only(event.map("data", "BOT")).get("access_token");
                Http.oauth(fake, botToken, "imbot.message.add", map("DIALOG_ID", params.get("DIALOG_ID"),
                        "MESSAGE", "You said: " + params.get("MESSAGE")));
            }
        });
    }

    @Nested
    class TheBotAnswers {
        @Test
        void theReplyIsRecordedAndInTheChat() {
            anna.says("hello").await();
            fake.verify(exactly(1), call("imbot.message.add").with("DIALOG_ID", anna.chat().dialogId()).with("MESSAGE", "You said: hello"));
            assertThat(anna.lastBotMessage()).hasValueSatisfying(m -> assertThat(m.text()).isEqualTo("You said: hello"));
            assertThat(fake.transcript().lines()).anySatisfy(l -> assertThat(l).contains("client Anna Petrova").endsWith("hello"));
        }

        @Test
        void callsCanBeTakenOneByOne() {
            anna.says("one").await();
            anna.says("two").await();
            RecordedCall first = fake.takeCall();
            assertThat(first.method()).isEqualTo("imbot.message.add");
            assertThat(first.param("MESSAGE")).isEqualTo("You said: one");
            assertThat(first.auth()).isEqualTo(AuthKind.OAUTH);
            assertThat(first.portal()).isEqualTo(portal().memberId());
            assertThat(fake.takeCall().param("MESSAGE")).isEqualTo("You said: two");
            fake.assertNoMoreCalls();
            assertThat(fake.takeCall(Duration.ofMillis(20))).isNull();
        }

        @Test
        void recordedCallsAreImmutable() {
            anna.says("hello").await();
            RecordedCall c = fake.takeCall();
            assertThatThrownBy(() -> c.params().put("MESSAGE", "changed")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Verification {
        @Test
        void aWrongExpectationShowsTheClosestCallAndTheTranscript() {
            anna.says("hello").await();
            assertThatThrownBy(() -> fake.verify(exactly(1), call("imbot.message.add").with("DIALOG_ID", "chat5")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expected exactly 1 call(s) of imbot.message.add with {DIALOG_ID=chat5} but got 0")
                    .hasMessageContaining("Closest call that did arrive:")
                    .hasMessageContaining("DIALOG_ID: expected \"chat5\", was \"" + anna.chat().dialogId() + "\"")
                    .hasMessageContaining("Transcript:")
                    .hasMessageContaining("client Anna Petrova (#" + anna.userId() + "): hello")
                    .hasMessageContaining("bot Helper echo (#" + botId + "): You said: hello");
        }

        @Test
        void theClosestCallIsTheMostSimilarMethod() {
            anna.says("hello").await();
            Http.oauth(fake, token, "imbot.bot.list", Map.of());
            assertThatThrownBy(() -> fake.verify(exactly(1), call("imbot.message.update").with("MESSAGE", "You said: hello")))
                    .hasMessageContaining("Closest call that did arrive:\n  imbot.message.add");
        }

        @Test
        void countsAtLeastAndNever() {
            anna.says("a").await();
            anna.says("b").await();
            fake.verify(atLeast(2), call("imbot.message.add"));
            fake.verify(never(), call("imopenlines.bot.session.finish"));
            assertThatThrownBy(() -> fake.verify(never(), call("imbot.message.add")))
                    .hasMessageContaining("Matching calls:");
        }

        @Test
        void assertNoMoreCallsFailsWhileACallIsUntaken() {
            anna.says("hello").await();
            assertThatThrownBy(fake::assertNoMoreCalls).hasMessageContaining("imbot.message.add");
        }
    }

    @Nested
    class TheLine {
        @Test
        void movesTheDialogToTheQueueWhenWelcomeBotTimePasses() {
            anna.says("hello").await();
            fake.clock().advance(Duration.ofSeconds(179));
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.BOT);
            fake.clock().advance(Duration.ofSeconds(1));
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.QUEUE);
            assertThat(anna.chat().operatorId()).isEqualTo(olga);
            assertThat(anna.chat().members()).doesNotContain(botId);
            anna.says("anyone?").await();
            fake.verify(never(), call("imbot.message.add").with("MESSAGE", "You said: anyone?"));
        }

        @Test
        void aClientSendingZeroGoesToAnOperator() {
            anna.says("hello").await();
            anna.says("0").await();
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.QUEUE);
        }

        @Test
        void anOperatorTakesOverAnswersAndFinishesAndTheNextMessageOpensANewSession() {
            anna.says("hello").await();
            int firstSession = anna.chat().sessionId();
            Operator op = portal().operator(olga);
            op.accepts(anna.chat());
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.OPERATOR);
            assertThat(anna.chat().members()).doesNotContain(botId);
            op.says(anna.chat(), "Olga here, how can I help?");
            op.finishes(anna.chat());
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.CLOSED);

            anna.says("me again").await();
            assertThat(anna.chat().sessionId()).isGreaterThan(firstSession);
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.BOT);
            fake.verify(exactly(1), call("imbot.message.add").with("MESSAGE", "You said: me again"));
            assertThat(fake.transcript().toString()).contains("operator Olga Operator (#" + olga + "): Olga here, how can I help?")
                    .contains("finished session " + firstSession);
        }

        @Test
        void anOperatorTransfersToAnotherLine() {
            int pavel = portal().addUser("Pavel Senior");
            OpenLine vip = portal().addLine("VIP", l -> l.queue(pavel));
            anna.says("hello").await();
            Operator op = portal().operator(olga);
            op.accepts(anna.chat());
            op.transfersToLine(anna.chat(), vip.id());
            assertThat(anna.chat().lineId()).isEqualTo(vip.id());
            assertThat(anna.chat().operatorId()).isEqualTo(pavel);
            portal().operator(pavel).accepts(anna.chat());
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.OPERATOR);
        }

        @Test
        void aLineWithoutAWelcomeBotQueuesAtOnce() {
            OpenLine plain = portal().addLine("Plain", l -> l.queue(olga));
            Client boris = portal().client(plain.id(), "Boris");
            assertThat(boris.says("hi").await()).isEmpty();
            assertThat(boris.chat().owner()).isEqualTo(OpenLineChat.Owner.QUEUE);
            assertThat(bot.nothingReceived()).isTrue();
        }
    }
}
