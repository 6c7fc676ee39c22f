package dev.olbot.bot;

import dev.olbot.bot.flow.Flow;
import dev.olbot.bot.flow.Validation;
import dev.olbot.bot.routing.Intent;
import dev.olbot.bot.routing.NumberedMenu;
import dev.olbot.bot.routing.Utterance;
import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.state.InMemoryDialogStore;
import dev.olbot.testsupport.BotHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MenuAndConfirmTest {

    @Nested
    class MenuPicks {
        private final NumberedMenu menu = NumberedMenu.named("main").header("Topic?")
                .item(1, "Купить / подобрать товар", ctx -> {})
                .item(2, "Заказ, доставка, возврат", ctx -> {})
                .item(3, "Оплата и документы", ctx -> {})
                .item(4, "Другое", ctx -> {})
                .build();

        @ParameterizedTest(name = "\"{0}\" picks {1}")
        @CsvSource({"2, 2", "2., 2", "'2) доставка', 2", "второй, 2", "вторая, 2", "the second one, 2", "три, 3",
                "третий вариант, 3", "оплата, 3", "вопрос по оплате, 3", "хочу купить ноутбук, 1", "где моя доставка, 2",
                "Fourth, 4"})
        void takesANumberAnOrdinalWordOrTheTopicWordsOfATitle(String text, int expected) {
            assertThat(menu.pick(Utterance.of(text))).map(NumberedMenu.Item::number).contains(expected);
        }

        @ParameterizedTest(name = "\"{0}\" picks nothing")
        @CsvSource({"у меня вопрос", "у меня два вопроса про всякое", "привет", "оплата заказа", "9"})
        void picksNothingWithoutAClearChoice(String text) {
            assertThat(menu.pick(Utterance.of(text))).isEmpty();
        }
    }

    @Nested
    class ConfirmingAKnownAnswer {
        private BotHarness h;

        @AfterEach
        void close() {
            h.close();
        }

        private BotHarness run() {
            Bot bot = Bot.builder("olbot_test")
                    .flow(Flow.named("lead")
                            .askOrConfirm("name", ctx -> Reply.text("Your name?"), Validation.name("A name, please"),
                                    ctx -> ctx.user().firstName(), (ctx, known) -> Reply.text("Are you " + known + "?"))
                            .ask("phone", "Your phone?", Validation.phone("A phone, please"))
                            .onComplete(ctx -> ctx.reply("Thanks, " + ctx.answers().get("name")))
                            .build())
                    .on(Intent.keywords("buy"), Handler.startFlow("lead"))
                    .fallback(ctx -> ctx.reply("fallback"))
                    .build();
            h = new BotHarness(bot, new InMemoryDialogStore());
            return h;
        }

        @Test
        void yesTakesTheNameFromTheProfile() {
            run().clientSays(6, "buy");
            h.clientSays(6, "yes");
            h.clientSays(6, "+7 999 123-45-67");

            assertThat(h.replies()).containsExactly("Are you Oleg?", "Your phone?", "Thanks, Oleg");
        }

        @Test
        void noAsksTheQuestion() {
            run().clientSays(6, "buy");
            h.clientSays(6, "нет");
            h.clientSays(6, "Ivan");

            assertThat(h.replies()).containsExactly("Are you Oleg?", "Your name?", "Your phone?");
        }

        @Test
        void anotherNameIsTheAnswer() {
            run().clientSays(6, "buy");
            h.clientSays(6, "Ivan");
            h.clientSays(6, "+7 999 123-45-67");

            assertThat(h.replies()).containsExactly("Are you Oleg?", "Your phone?", "Thanks, Ivan");
        }

    }
}
