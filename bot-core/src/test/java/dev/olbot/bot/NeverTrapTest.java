package dev.olbot.bot;

import dev.olbot.bot.flow.Flow;
import dev.olbot.bot.flow.Validation;
import dev.olbot.bot.routing.Intent;
import dev.olbot.bot.routing.NumberedMenu;
import dev.olbot.bot.routing.PersonRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.state.InMemoryDialogStore;
import dev.olbot.state.Owner;
import dev.olbot.testsupport.BotHarness;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A client can always get out: to a person, by cancelling, or by being shown the way after wrong answers. */
class NeverTrapTest {

    private BotHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    private BotHarness run(Bot.Builder bot) {
        harness = new BotHarness(bot.build(), new InMemoryDialogStore());
        return harness;
    }

    private static Bot.Builder leadBot() {
        return Bot.builder("olbot_test")
                .flow(Flow.named("lead")
                        .ask("phone", "Your phone?", Validation.phone("Like +7 999 123-45-67, please"))
                        .onComplete(ctx -> ctx.reply("Thanks"))
                        .build())
                .menu(NumberedMenu.named("main").header("Pick one")
                        .item(1, "Buy", Handler.startFlow("lead"))
                        .item(2, "Other", ctx -> ctx.reply("other"))
                        .build())
                .onWelcome(ctx -> ctx.showMenu("main"))
                .fallback(ctx -> ctx.reply("fallback"));
    }

    @Nested
    class PersonRequests {
        @Test
        void reachTheOperatorFromInsideAFlowInsteadOfCountingAsAnInvalidAnswer() {
            var h = run(leadBot());
            h.botJoins(6, 106);
            h.clientSays(6, "1");

            h.clientSays(6, "хочу поговорить с оператором");

            assertThat(h.replies()).endsWith("Your phone?", "Соединяю вас с оператором, он ответит здесь же.");
            assertThat(h.methods()).last().isEqualTo("imopenlines.bot.session.operator");
            assertThat(h.state(6).flowPosition()).isEmpty();
            assertThat(h.state(6).owner()).isEqualTo(Owner.WAITING_OPERATOR);
        }

        @Test
        void reachTheOperatorWhileAMenuIsShown() {
            var h = run(leadBot());
            h.botJoins(6, 106);

            h.clientSays(6, "can I talk to a human");

            assertThat(h.replies()).last().isEqualTo("Connecting you to an operator; they will answer here.");
            assertThat(h.methods()).last().isEqualTo("imopenlines.bot.session.operator");
        }

        @Test
        void leaveAKeywordTheBotRegisteredItselfToTheBot() {
            var h = run(Bot.builder("olbot_test").on(Intent.keywords("operator"), ctx -> ctx.reply("mine"))
                    .fallback(ctx -> ctx.reply("fallback")));

            h.clientSays(6, "operator");

            assertThat(h.replies()).containsExactly("mine");
        }

        @Test
        void canBeTurnedOff() {
            var h = run(leadBot().personRequest(PersonRequest.none()));

            h.clientSays(6, "operator");

            assertThat(h.replies()).containsExactly("fallback");
        }
    }

    @Nested
    class Cancelling {
        @Test
        void aShownMenuIsCancelledByACancelWord() {
            var h = run(leadBot());
            h.botJoins(6, 106);

            h.clientSays(6, "отмена");
            h.clientSays(6, "1");

            assertThat(h.replies()).endsWith("Хорошо, отменил. Чем ещё могу помочь?", "fallback");
        }

        @Test
        void aFlowSaysItWasCancelledInTheClientsLanguage() {
            var h = run(leadBot());
            h.botJoins(6, 106);
            h.clientSays(6, "1");

            h.clientSays(6, "cancel");

            assertThat(h.replies()).last().isEqualTo("OK, cancelled. What else can I do for you?");
        }
    }

    @Nested
    class WrongAnswers {
        @Test
        void theSecondWrongAnswerComesWithTheWayOut() {
            var h = run(leadBot());
            h.botJoins(6, 106);
            h.clientSays(6, "1");

            h.clientSays(6, "не знаю");
            h.clientSays(6, "зачем вам");

            List<String> r = h.replies();
            assertThat(r.subList(r.size() - 5, r.size())).containsExactly(
                    "Like +7 999 123-45-67, please", "Your phone?",
                    "Like +7 999 123-45-67, please",
                    "Если не получается — напишите «оператор», и я позову человека, или «отмена», чтобы выйти.",
                    "Your phone?");
        }

        @Test
        void theThirdHandsTheDialogToAnOperatorSayingSo() {
            var h = run(leadBot());
            h.botJoins(6, 106);
            h.clientSays(6, "1");

            h.clientSays(6, "no");
            h.clientSays(6, "no");
            h.clientSays(6, "no");

            assertThat(h.replies()).last().isEqualTo("It seems I can't get this right. Connecting you to an operator.");
            assertThat(h.methods()).last().isEqualTo("imopenlines.bot.session.operator");
        }
    }

    @Nested
    class Language_ {
        @Test
        void aRussianBotApologisesInRussianBeforeTheClientWroteAnything() {
            var h = run(Bot.builder("olbot_test").onWelcome(ctx -> {
                throw new IllegalStateException("boom");
            }).fallback(ctx -> ctx.reply("fallback")));

            h.botJoins(6, 106);

            assertThat(h.replies()).containsExactly("Извините, у нас что-то пошло не так. Попробуйте ещё раз, пожалуйста.");
        }

        @Test
        void theApologyFollowsTheClientsLanguage() {
            var h = run(Bot.builder("olbot_test").language("ru").fallback(ctx -> {
                throw new IllegalStateException("boom");
            }));

            h.clientSays(6, "where is my order?");

            assertThat(h.replies()).containsExactly("Sorry, something went wrong on our side. Please try again.");
        }
    }
}
