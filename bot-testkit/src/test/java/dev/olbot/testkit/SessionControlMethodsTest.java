package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SessionControlMethodsTest extends OpenLineFixture {

    @Nested
    class StartOpenJoin {
        @Test
        void startOpensANewSessionHeldByTheCaller() {
            int first = anna.chat().sessionId();
            assertThat(as(olga, "imopenlines.session.start", chat()).result().asBoolean()).isTrue();
            assertThat(anna.chat().sessionId()).isGreaterThan(first);
            assertThat(anna.chat().operatorId()).isEqualTo(olga);
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.OPERATOR);
        }

        @Test
        void openFindsTheChatByUserCode() {
            Http.Reply r = asApp("imopenlines.session.open", map("USER_CODE", anna.chat().entityId()));
            assertThat(r.result().get("chatId").asText()).isEqualTo(String.valueOf(anna.chat().id()));
            assertError(asApp("imopenlines.session.open", map("USER_CODE", "livechat|9|1|1")), 400, "ACCESS_DENIED",
                    "You cannot open this conversation because you do not have sufficient permissions");
        }

        @Test
        void joinAddsTheCallerWithoutTakingTheDialog() {
            assertThat(asApp("imopenlines.session.join", chat()).result().asBoolean()).isTrue();
            assertThat(anna.chat().members()).contains(1, botId);
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.BOT);
        }

        @Test
        void messageSessionStartMovesTheMessageIntoTheNewSession() {
            int messageId = anna.chat().messages().get(0).id();
            assertThat(as(olga, "imopenlines.message.session.start", map("CHAT_ID", anna.chat().id(), "MESSAGE_ID", messageId))
                    .result().asBoolean()).isTrue();
            assertThat(anna.chat().messages().get(0).sessionId()).isEqualTo(anna.chat().sessionId());
            assertError(as(olga, "imopenlines.message.session.start", map("CHAT_ID", anna.chat().id(), "MESSAGE_ID", 1)), 400,
                    "MESSAGE_ID", "The provided message identifier is invalid.");
        }
    }

    @Nested
    class Intercept {
        @Test
        void aSupervisorTakesTheDialogFromItsOperator() {
            as(olga, "imopenlines.operator.answer", chat());
            assertThat(asApp("imopenlines.session.intercept", chat()).result().asBoolean()).isTrue();
            assertThat(anna.chat().operatorId()).isEqualTo(1);
            assertThat(anna.chat().members()).contains(1).doesNotContain(olga);
        }

        @Test
        void theBotLeavesWhenItsDialogIsIntercepted() {
            asApp("imopenlines.session.intercept", chat());
            assertThat(anna.chat().members()).doesNotContain(botId);
        }

        @Test
        void aClosedDialogOrOnesOwnCannotBeIntercepted() {
            as(olga, "imopenlines.operator.answer", chat());
            assertError(as(olga, "imopenlines.session.intercept", chat()), 400, "OPERATOR_WRONG", "You can not redirect to this operator");
            assertError(asApp("imopenlines.session.intercept", map()), 400, "CHAT_ID_EMPTY", "Chat ID can't be empty");
        }
    }

    @Nested
    class HeadVote {
        @Test
        void aSupervisorRatesAFinishedSession() {
            int session = anna.chat().sessionId();
            asApp("imopenlines.operator.another.finish", chat());
            assertThat(asApp("imopenlines.session.head.vote", map("SESSION_ID", session, "RATING", 5, "COMMENT", "well done"))
                    .result().asBoolean()).isTrue();
            assertThat(portal().headVote(session)).contains(new LineState.HeadVote(5, "well done", 1));
        }

        @Test
        void needsASessionAndARatingOrComment() {
            assertError(asApp("imopenlines.session.head.vote", map("RATING", 5)), 400, "EMPTY_SESSION_ID", "Session ID can't be empty");
            assertError(asApp("imopenlines.session.head.vote", map("SESSION_ID", anna.chat().sessionId())), 400,
                    "EMPTY_VOTE_PARAMS", "At least one of the parameters RATING or COMMENT must be specified");
        }

        @Test
        void anOpenSessionCannotBeRatedYet() {
            assertThat(asApp("imopenlines.session.head.vote", map("SESSION_ID", anna.chat().sessionId(), "RATING", 3)).error())
                    .isEqualTo("ACCESS_DENIED");
        }
    }

    @Nested
    class Modes {
        @Test
        void pinAndUnpinTheOperatorsDialogs() {
            as(olga, "imopenlines.operator.answer", chat());
            Http.Reply all = as(olga, "imopenlines.session.mode.pinAll", map());
            assertThat(all.result().get(0).asInt()).isEqualTo(anna.chat().sessionId());
            assertThat(anna.chat().pinned()).isTrue();
            assertThat(as(olga, "imopenlines.session.mode.unpinAll", map()).result()).hasSize(1);
            assertThat(anna.chat().pinned()).isFalse();
            as(olga, "imopenlines.session.mode.pin", map("CHAT_ID", anna.chat().id(), "ACTIVATE", "Y"));
            assertThat(anna.chat().pinned()).isTrue();
            assertError(as(olga, "imopenlines.session.mode.pin", map()), 400, "CHAT_ID_EMPTY", "Chat ID can't be empty");
        }

        @Test
        void silentModeShowsInTheChatsEntityData() {
            asApp("imopenlines.session.mode.silent", map("CHAT_ID", anna.chat().id(), "ACTIVATE", "Y"));
            assertThat(asApp("imopenlines.dialog.get", chat()).result().get("entity_data_3").asText()).isEqualTo("Y");
            asApp("imopenlines.session.mode.silent", map("CHAT_ID", anna.chat().id(), "ACTIVATE", "N"));
            assertThat(anna.chat().silent()).isFalse();
        }
    }
}
