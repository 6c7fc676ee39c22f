package dev.olbot.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olbot.bot.Reply;
import dev.olbot.state.InMemoryDialogStore;
import dev.olbot.testsupport.BotHarness;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Out-of-scope examples: what a knowledge base is not about, ranked like its questions. */
class KnowledgeBaseOutOfScopeTest {

    private static final String ENTRIES = """
            entries:
              - id: delivery-cost
                questions: {ru: ["Сколько стоит доставка?", "цена доставки"], en: ["How much is delivery?"]}
                answer: {ru: "Доставка — 390 ₽.", en: "Delivery is 390 ₽."}
              - id: delivery-time
                questions: {ru: ["Сколько идёт доставка?", "когда привезут заказ"], en: ["How long does delivery take?"]}
                answer: {ru: "1–2 дня.", en: "1–2 days."}
              - id: order-status
                questions: {ru: ["Где мой заказ?", "статус заказа"], en: ["Where is my order?", "order status"]}
                answer: {ru: "В личном кабинете.", en: "In your account."}
              - id: cancel-subscription
                questions: {ru: ["Как отменить подписку?"], en: ["How do I cancel my subscription?"]}
                answer: {ru: "В профиле.", en: "In your profile."}
            """;

    private static final KnowledgeBase KB = KnowledgeBase.parse("shop.yaml", ENTRIES + """
            out_of_scope:
              reply: {ru: "Я отвечаю только о заказах в нашем магазине.", en: "I only answer about orders in our shop."}
              questions:
                ru: ["заказать пиццу", "доставка еды", "заказ на озоне"]
                en: ["order a pizza", "netflix subscription"]
            """);

    private static final KnowledgeBase WITHOUT = KnowledgeBase.parse("shop.yaml", ENTRIES);

    private final KnowledgeBaseIndex index = KnowledgeBaseIndex.of(KB);

    @Nested
    class NamesInEitherScript {
        @Test
        void turnsAwayAnotherServicesNameWrittenInCyrillicWhenItsExampleIsInLatin() {
            assertThat(index.match("как отменить подписку на нетфликс")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
            assertThat(index.match("как отменить подписку")).isInstanceOf(KbMatch.Answer.class);
        }

        @Test
        void readsOnlyTheLatinWordsNoEntrySaysIntoCyrillic() {
            java.util.Set<String> shop = ForeignNames.wordsOf(java.util.List.of("How do I cancel my subscription?"));

            assertThat(ForeignNames.cyrillicReadings(java.util.List.of("netflix subscription", "uber ride", "заказ на озоне", "cancel my tv"), shop))
                    .containsExactly("нетфликс subscription", "убер риде");
        }
    }

    @Nested
    class Verdict {
        @Test
        void turnsAwayAShopQuestionAboutAnotherBusinesssThing() {
            assertThat(KnowledgeBaseIndex.of(WITHOUT).match("сколько стоит доставка пиццы")).isInstanceOf(KbMatch.Answer.class);

            assertThat(index.match("сколько стоит доставка пиццы")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
        }

        @Test
        void turnsAwayAnotherShopsOrderAndAnotherServicesSubscription() {
            assertThat(index.match("статус заказа на озоне как посмотреть")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
            assertThat(index.match("how do I cancel my netflix subscription")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
        }

        @Test
        void offersTheShopsEntriesForAStoryThatNamesAnotherShopInPassing() {
            String story = "раньше брала всё на озоне, у вас впервые, доставка платная, цена высокая, статус заказа не меняется, "
                    + "когда привезут";

            assertThat(index.match(story)).isInstanceOfSatisfying(KbMatch.DidYouMean.class,
                    d -> assertThat(d.candidates().get(0).entry().id()).isEqualTo("delivery-time"));
            assertThat(index.match("статус заказа на озоне")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
        }

        @Test
        void matchesAMessageThatSpeaksToTheShopAndNamesAnotherShopAsAComparison() {
            // before: "заказ на озоне" outranked the entries and the message was turned away, "у вас" or not
            assertThat(index.match("сколько у вас стоит доставка? на озоне заказ бесплатно привозят")).isInstanceOfSatisfying(
                    KbMatch.DidYouMean.class, d -> assertThat(d.candidates().get(0).entry().id()).isEqualTo("delivery-cost"));

            assertThat(index.match("сколько стоит доставка? на озоне заказ бесплатно привозят")).isInstanceOfSatisfying(
                    KbMatch.NoAnswer.class, n -> assertThat(n.outOfScope()).isTrue());
            assertThat(index.match("у вас можно заказать пиццу?")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
        }

        @Test
        void turnsAwayAMessageEqualToAnExample() {
            assertThat(index.match("доставка еды")).isEqualTo(new KbMatch.NoAnswer(0, true));
        }

        @Test
        void stillAnswersTheShopsOwnQuestionsWithTheSameWords() {
            assertThat(index.match("сколько стоит доставка")).isInstanceOfSatisfying(KbMatch.Answer.class,
                    a -> assertThat(a.entry().id()).isEqualTo("delivery-cost"));
            assertThat(index.match("статус заказа 48213")).isInstanceOfSatisfying(KbMatch.Answer.class,
                    a -> assertThat(a.entry().id()).isEqualTo("order-status"));
            assertThat(index.match("how do I cancel my subscription please")).isInstanceOfSatisfying(KbMatch.Answer.class,
                    a -> assertThat(a.entry().id()).isEqualTo("cancel-subscription"));
        }

        @Test
        void aShopWordOfAnExampleIsNoForeignWord() {
            // "заказать" of "заказать пиццу" is the family of the shop's "заказ": ordering here is not turned away
            assertThat(index.match("хочу заказать, когда привезут заказ")).isInstanceOfSatisfying(KbMatch.Answer.class,
                    a -> assertThat(a.entry().id()).isEqualTo("delivery-time"));
        }

        @Test
        void aWordSaidOnceBesideTheThingAnExampleNamesDoesNotTurnTheShopsQuestionAway() {
            KnowledgeBaseIndex doctors = KnowledgeBaseIndex.of(KnowledgeBase.parse("shop.yaml", ENTRIES + """
                    out_of_scope:
                      reply: {ru: "Я отвечаю только о заказах в нашем магазине.", en: "I only answer about orders in our shop."}
                      questions:
                        ru: ["вызвать врача на дом", "запись к врачу", "заказать пиццу"]
                        en: ["do my homework", "homework help", "order a pizza"]
                    """));

            // "дом" and "help" are the situation around the doctor and the homework, the things two examples name
            assertThat(doctors.match("доставка на дом")).isNotInstanceOf(KbMatch.NoAnswer.class);
            assertThat(doctors.match("help with my order")).isNotInstanceOf(KbMatch.NoAnswer.class);
            // "врач", said by two examples, and "пицц", the only such word of its example, name other businesses
            assertThat(doctors.match("доставка врача на дом")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
            assertThat(doctors.match("сколько стоит доставка пиццы")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
        }

        @Test
        void anOrdinaryMissIsNotOutOfScope() {
            assertThat(index.match("ывап олдж")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isFalse());
        }

    }

    @Nested
    class BareReplies {
        private final KnowledgeBaseIndex receipts = KnowledgeBaseIndex.of(KnowledgeBase.parse("shop.yaml", ENTRIES + """
                  - id: no-receipt
                    questions: {ru: ["нет чека", "не дали чек"], en: ["no receipt"]}
                    answer: {ru: "Чек приходит на почту.", en: "The receipt comes by email."}
                """));

        @Test
        void aBareNoOrOkIsNoAnswerEvenWhenAQuestionSaysTheWord() {
            assertThat(receipts.match("нет")).isInstanceOf(KbMatch.NoAnswer.class);
            assertThat(receipts.match("No!")).isInstanceOf(KbMatch.NoAnswer.class);
            assertThat(receipts.match("ок, спасибо")).isInstanceOf(KbMatch.NoAnswer.class);
        }

        @Test
        void aReplyWordBesideAQuestionStillMatches() {
            assertThat(receipts.match("нет чека")).isInstanceOfSatisfying(KbMatch.Answer.class,
                    a -> assertThat(a.entry().id()).isEqualTo("no-receipt"));
            assertThat(ChatWords.bareReply("нет чека")).isFalse();
            assertThat(ChatWords.bareReply("  ")).isFalse();
        }
    }

    @Nested
    class Loading {
        @Test
        void readsTheExamplesAndTheReplyPerLanguage() {
            assertThat(KB.outOfScope().all()).contains("заказать пиццу", "netflix subscription");
            assertThat(KB.outOfScope().reply()).hasValueSatisfying(r ->
                    assertThat(r.in("en")).isEqualTo("I only answer about orders in our shop."));
            assertThat(WITHOUT.outOfScope()).isEqualTo(KbOutOfScope.none());
        }

        @Test
        void refusesAnExampleThatIsAlsoAnEntrysQuestion() {
            assertThatThrownBy(() -> KnowledgeBase.parse("shop.yaml", ENTRIES + """
                    out_of_scope:
                      questions: {ru: ["статус заказа"]}
                    """)).isInstanceOf(KnowledgeBaseException.class)
                    .hasMessage("shop.yaml: field 'out_of_scope.questions': the question 'статус заказа' is also a question of entry 'order-status'");
        }

        @Test
        void namesAnUnknownFieldOfTheSection() {
            assertThatThrownBy(() -> KnowledgeBase.parse("shop.yaml", ENTRIES + """
                    out_of_scope:
                      answer: "no"
                      questions: {ru: ["доставка еды"]}
                    """)).isInstanceOf(KnowledgeBaseException.class)
                    .hasMessageStartingWith("shop.yaml: field 'out_of_scope.answer': unknown field; expected one of [questions, reply]");
        }

        @Test
        void namesTheLanguageWithoutPhrasings() {
            assertThatThrownBy(() -> KnowledgeBase.parse("shop.yaml", ENTRIES + """
                    out_of_scope:
                      questions: {ru: []}
                    """)).isInstanceOf(KnowledgeBaseException.class)
                    .hasMessage("shop.yaml: field 'out_of_scope.questions.ru': expected a non-empty list of phrasings");
        }

        @Test
        void warnsOfAnExampleOfGenericWordsOnly() {
            KnowledgeBase kb = KnowledgeBase.parse("shop.yaml", ENTRIES + """
                    out_of_scope:
                      questions: {ru: ["сколько стоит"]}
                    """);

            assertThat(kb.warnings()).containsExactly("shop.yaml: out_of_scope: the question 'сколько стоит' says only generic "
                    + "words [сто]; it would turn away any message with them — add the word of what is not yours");
        }
    }

    @Nested
    class InABot {
        @Test
        void theFallbackSendsTheOutOfScopeReplyInTheClientsLanguage() {
            KnowledgeBaseIntent faq = KnowledgeBaseIntent.of(KB);
            dev.olbot.bot.Bot bot = dev.olbot.bot.Bot.builder("faq_bot")
                    .on(faq, faq.reply())
                    .fallback(ctx -> ctx.reply(faq.outOfScopeReply(ctx).orElse(Reply.text("Sorry, I don't know that yet."))))
                    .build();
            try (BotHarness h = new BotHarness(bot, new InMemoryDialogStore())) {
                h.clientSays(6, "сколько стоит доставка пиццы");
                h.clientSays(6, "how long does pizza delivery take");
                h.clientSays(6, "ывап олдж");

                assertThat(h.replies()).containsExactly("Я отвечаю только о заказах в нашем магазине.",
                        "I only answer about orders in our shop.", "Sorry, I don't know that yet.");
            }
        }
    }
}
