package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OperatorMethodsTest extends OpenLineFixture {

    @Nested
    class Answer {
        @Test
        void anOperatorOfTheQueueTakesTheDialogFromTheBot() {
            assertThat(as(olga, "imopenlines.operator.answer", chat()).result().asBoolean()).isTrue();
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.OPERATOR);
            assertThat(anna.chat().operatorId()).isEqualTo(olga);
            assertThat(anna.chat().members()).contains(olga).doesNotContain(botId);
        }

        @Test
        void anEmployeeOutsideTheQueueIsDenied() {
            int pavel = portal().addUser("Pavel");
            assertError(as(pavel, "imopenlines.operator.answer", chat()), 400, "ACCESS_DENIED",
                    "You cannot open this conversation as you do not have sufficient rights");
        }

        @Test
        void theTestkitsOperatorIsHeldToTheSameRules() {
            int pavel = portal().addUser("Pavel");
            assertThatThrownBy(() -> portal().operator(pavel).accepts(anna.chat()))
                    .isInstanceOf(BitrixError.class).hasMessageContaining("ACCESS_DENIED");
            portal().operator(olga).accepts(anna.chat());
            assertThat(anna.chat().operatorId()).isEqualTo(olga);
        }

        @Test
        void aMissingOrUnknownChatIsRejected() {
            assertError(as(olga, "imopenlines.operator.answer", map()), 400, "CHAT_ID", "The specified chat identifier is incorrect");
            assertError(as(olga, "imopenlines.operator.answer", map("CHAT_ID", 999)), 400, "CHAT_ID",
                    "The specified chat identifier is incorrect");
        }

        @Test
        void aClosedDialogCannotBeAnswered() {
            asApp("imopenlines.operator.another.finish", chat());
            assertThat(as(olga, "imopenlines.operator.answer", chat()).error()).isEqualTo("ACCESS_DENIED");
        }
    }

    @Nested
    class SkipSpamFinish {
        @Test
        void skipOffersTheDialogToTheNextOperatorOfTheQueue() {
            int pavel = portal().addUser("Pavel");
            line.queue(olga, pavel);
            asApp("imopenlines.bot.session.operator", chat());
            assertThat(anna.chat().operatorId()).isEqualTo(olga);
            assertThat(as(olga, "imopenlines.operator.skip", chat()).result().asBoolean()).isTrue();
            assertThat(anna.chat().operatorId()).isEqualTo(pavel);
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.QUEUE);
        }

        @Test
        void aClosedOrPinnedDialogCannotBeSkipped() {
            as(olga, "imopenlines.operator.answer", chat());
            as(olga, "imopenlines.session.mode.pin", map("CHAT_ID", anna.chat().id(), "ACTIVATE", "Y"));
            assertError(as(olga, "imopenlines.operator.skip", chat()), 400, "ACCESS_DENIED_KICK",
                    "Insufficient permissions to remove participants from the chat");
            asApp("imopenlines.operator.another.finish", chat());
            assertThat(as(olga, "imopenlines.operator.skip", chat()).error()).isEqualTo("ACCESS_DENIED_KICK");
        }

        @Test
        void spamClosesTheDialog() {
            as(olga, "imopenlines.operator.answer", chat());
            assertThat(as(olga, "imopenlines.operator.spam", chat()).result().asBoolean()).isTrue();
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.CLOSED);
        }

        @Test
        void onlyTheOperatorHoldingTheDialogFinishesIt() {
            assertThat(as(olga, "imopenlines.operator.finish", chat()).error()).isEqualTo("ACCESS_DENIED");
            as(olga, "imopenlines.operator.answer", chat());
            assertThat(as(olga, "imopenlines.operator.finish", chat()).result().asBoolean()).isTrue();
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.CLOSED);
        }

        @Test
        void anotherFinishClosesADialogSomeoneElseHolds() {
            as(olga, "imopenlines.operator.answer", chat());
            assertThat(asApp("imopenlines.operator.another.finish", chat()).result().asBoolean()).isTrue();
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.CLOSED);
        }
    }

    @Nested
    class Transfer {
        @Test
        void toAnEmployee() {
            int pavel = portal().addUser("Pavel");
            as(olga, "imopenlines.operator.answer", chat());
            assertThat(as(olga, "imopenlines.operator.transfer", map("CHAT_ID", anna.chat().id(), "TRANSFER_ID", pavel))
                    .result().asBoolean()).isTrue();
            assertThat(anna.chat().operatorId()).isEqualTo(pavel);
            assertThat(anna.chat().members()).doesNotContain(olga);
        }

        @Test
        void toAnotherLinesQueue() {
            int other = portal().addLine("Sales", l -> l.queue(olga)).id();
            as(olga, "imopenlines.operator.transfer", map("CHAT_ID", anna.chat().id(), "QUEUE_ID", other));
            assertThat(anna.chat().lineId()).isEqualTo(other);
        }

        @Test
        void needsATargetThatCanTakeIt() {
            assertError(as(olga, "imopenlines.operator.transfer", chat()), 400, "TRANSFER_ID_EMPTY", "Queue ID or User ID can't be empty");
            assertError(as(olga, "imopenlines.operator.transfer", map("CHAT_ID", anna.chat().id(), "USER_ID", 0)), 400,
                    "USER_ID_EMPTY", "User ID can't be empty");
            assertError(as(olga, "imopenlines.operator.transfer", map("CHAT_ID", anna.chat().id(), "USER_ID", botId)), 400,
                    "OPERATOR_WRONG", "You cannot redirect to this operator");
            assertError(as(olga, "imopenlines.operator.transfer", map("USER_ID", 1)), 400, "CHAT_ID_EMPTY", "Chat ID can't be empty");
        }
    }
}
