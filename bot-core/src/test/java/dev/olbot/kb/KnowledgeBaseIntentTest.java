package dev.olbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.bot.Bot;
import dev.olbot.state.InMemoryDialogStore;
import dev.olbot.testsupport.BotHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The README's knowledge-base bot, driven through the real ingress. */
class KnowledgeBaseIntentTest {

    private static final KnowledgeBase KB = KnowledgeBase.parse("faq.yaml", """
            entries:
              - id: delivery-cost
                questions: {ru: ["Сколько стоит доставка?"], en: ["How much is delivery?"]}
                answer: {ru: "Доставка — 390 ₽.", en: "Delivery is 390 ₽."}
                links: [{title: {ru: "Условия", en: "Terms"}, url: "https://shop.example.com/delivery"}]
              - id: delivery-time
                questions: {ru: ["Сколько идёт доставка?", "сроки доставки"], en: ["How long does delivery take?"]}
                answer: {ru: "1–2 дня.", en: "1–2 days."}
              - id: pickup
                questions: {ru: ["Можно забрать заказ самому?", "пункт выдачи"], en: ["Can I pick up my order?"]}
                answer: {ru: "Да, в магазине.", en: "Yes, at the store."}
            synonyms:
              - [санкт-петербург, питер, спб]
              - [пункт выдачи, пвз]
            """);

    private BotHarness h;

    @AfterEach
    void close() {
        h.close();
    }

    private BotHarness run() {
        return run(KnowledgeBaseIntent.of(KB));
    }

    private BotHarness run(KnowledgeBaseIntent faq) {
        Bot bot = Bot.builder("faq_bot")
                .on(faq, faq.reply())
                .fallback(ctx -> ctx.reply("Sorry, I don't know that yet. Write 'operator' for a person."))
                .build();
        h = new BotHarness(bot, new InMemoryDialogStore());
        return h;
    }

    @Nested
    class Answers {
        @Test
        void aColloquialRussianQuestionWithATypoGetsTheRussianAnswerAndItsLinks() {
            run().clientSays(6, "скока стоит доставака в питер");

            assertThat(h.replies()).containsExactly("Доставка — 390 ₽.[br][br][url=https://shop.example.com/delivery]Условия[/url]");
        }

        @Test
        void anEnglishQuestionGetsTheEnglishAnswer() {
            run().clientSays(6, "how much is the delivery?");

            assertThat(h.replies()).containsExactly("Delivery is 390 ₽.[br][br][url=https://shop.example.com/delivery]Terms[/url]");
        }

        @Test
        void aMessageWithTwoQuestionsGetsBothAnswersInItsOrder() {
            run().clientSays(6, "добрый день! можно забрать заказ самому? и скока стоит доставака");

            assertThat(h.replies()).containsExactly("Да, в магазине.",
                    "Доставка — 390 ₽.[br][br][url=https://shop.example.com/delivery]Условия[/url]");
        }

        @Test
        void aTeamSynonymFindsTheEntry() {
            run().clientSays(6, "подскажите, где у вас пвз?");

            assertThat(h.replies()).containsExactly("Да, в магазине.");
        }
    }

    @Nested
    class DidYouMean {
        @Test
        void aSingleSharedWordGetsAKeyboardOfTheCandidatesInTheClientsLanguage() {
            // a three-entry base: a word every entry shares scores low, so the band is widened here
            run(KnowledgeBaseIntent.of(KnowledgeBaseIndex.of(KB, new KnowledgeBaseIndex.Thresholds(0.65, 0.2, 0.1, 3))))
                    .clientSays(6, "доставка");

            assertThat(h.replies()).containsExactly("Уточните, пожалуйста, что вы имели в виду:");
            assertThat(h.lastButtons()).contains("Сколько стоит доставка?", "Сколько идёт доставка?");
        }
    }

    @Test
    void aMessageWithoutAnAnswerGoesToTheFallback() {
        run().clientSays(6, "who are you");

        assertThat(h.replies()).containsExactly("Sorry, I don't know that yet. Write 'operator' for a person.");
    }
}
