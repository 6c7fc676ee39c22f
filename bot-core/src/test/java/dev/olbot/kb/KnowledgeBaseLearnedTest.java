package dev.olbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A knowledge-base index with the classifier it learns from its own questions and out-of-scope examples. */
class KnowledgeBaseLearnedTest {

    static final KnowledgeBase KB = KnowledgeBase.parse("shop.yaml", """
            entries:
              - id: delivery-cost
                questions: {ru: ["Сколько стоит доставка?", "цена доставки", "бесплатная доставка"], en: ["How much is delivery?", "shipping cost"]}
                answer: {ru: "Доставка — 390 ₽.", en: "Delivery is 390 ₽."}
              - id: delivery-time
                questions: {ru: ["Сколько идёт доставка?", "когда привезут заказ", "сроки доставки"], en: ["How long does delivery take?", "when will it arrive"]}
                answer: {ru: "1–2 дня.", en: "1–2 days."}
              - id: order-status
                questions: {ru: ["Где мой заказ?", "статус заказа", "отследить заказ"], en: ["Where is my order?", "order status", "track my order"]}
                answer: {ru: "В личном кабинете.", en: "In your account."}
              - id: installments
                questions: {ru: ["Можно купить в рассрочку?", "рассрочка", "оплата частями", "платить помесячно"], en: ["Can I buy in instalments?", "pay monthly"]}
                answer: {ru: "Да, на 6 или 12 месяцев.", en: "Yes, 6 or 12 months."}
              - id: cancel-subscription
                questions: {ru: ["Как отменить подписку?", "отключить автопродление"], en: ["How do I cancel my subscription?"]}
                answer: {ru: "В профиле.", en: "In your profile."}
            out_of_scope:
              reply: {ru: "Я отвечаю только о заказах в нашем магазине.", en: "I only answer about orders in our shop."}
              questions:
                ru: ["заказать пиццу", "доставка еды", "заказ на озоне", "вызвать такси", "курс доллара", "как дела", "расскажи анекдот", "прогноз погоды"]
                en: ["order a pizza", "netflix subscription", "call a taxi", "how are you", "tell me a joke", "weather forecast"]
            """);

    private final KnowledgeBaseIndex index = KnowledgeBaseIndex.of(KB);
    private final KnowledgeBaseIndex rankerAlone = KnowledgeBaseIndex.of(KB, KnowledgeBaseIndex.Thresholds.defaults(), SecondOpinion.off());

    @Nested
    class Decisions {
        @Test
        void answersAParaphraseTheRankerAloneOnlyOffers() {
            assertThat(rankerAlone.match("можно платить частями")).isInstanceOf(KbMatch.DidYouMean.class);

            assertThat(index.match("можно платить частями")).isInstanceOfSatisfying(KbMatch.Answer.class,
                    a -> assertThat(a.entry().id()).isEqualTo("installments"));
        }

        @Test
        void keepsOfferingWhenTheMessageSaysAnotherBusinesssWord() {
            // "анекдот" is a word of "расскажи анекдот" only; the classifier alone would answer the order's status
            assertThat(index.classified("статус заказа анекдот").get("order-status")).isGreaterThan(0.5);

            assertThat(index.match("статус заказа анекдот")).isInstanceOf(KbMatch.DidYouMean.class);
        }

        @Test
        void keepsOfferingAWeakMatchTheClassifierIsSureOf() {
            assertThat(index.classified("платежи помесячно можно?").get("installments")).isGreaterThan(0.5);

            assertThat(index.match("платежи помесячно можно?")).isInstanceOf(KbMatch.DidYouMean.class);
        }

        @Test
        void stillAnswersAButtonPressOutright() {
            assertThat(index.match("рассрочка")).isEqualTo(new KbMatch.Answer(KB.entry("installments").orElseThrow(), 1.0));
        }
    }

    @Nested
    class WhatItLearned {
        @Test
        void givesEachEntryAndTheOutOfScopeExamplesAProbability() {
            Map<String, Double> p = index.classified("можно платить частями");

            assertThat(p).containsOnlyKeys("delivery-cost", "delivery-time", "order-status", "installments", "cancel-subscription",
                    KnowledgeBaseIndex.OUT_OF_SCOPE_CLASS);
            assertThat(p.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()).isEqualTo("installments");
            assertThat(index.classified("расскажи анекдот про погоду").get(KnowledgeBaseIndex.OUT_OF_SCOPE_CLASS)).isGreaterThan(0.5);
        }

        @Test
        void saysWhatItLearnedInOneLine() {
            assertThat(index.classifierSummary()).startsWith("6 classes, ");
        }

        @Test
        void learnsNothingFromABaseOfFewerThanFourClasses() {
            KnowledgeBase small = KnowledgeBase.of("small", List.of(
                    KnowledgeBaseIndexTest.entry("returns", List.of("Как вернуть товар?", "возврат"), List.of("How do I return an item?")),
                    KnowledgeBaseIndexTest.entry("password", List.of("Забыл пароль"), List.of("I forgot my password"))), List.of());
            KnowledgeBaseIndex two = KnowledgeBaseIndex.of(small);

            assertThat(two.classified("возврат")).isEmpty();
            assertThat(two.classifierSummary()).isEqualTo("no classifier (fewer than 4 classes)");
            assertThat(two.match("как вернуть товар")).isInstanceOf(KbMatch.Answer.class);
        }
    }
}
