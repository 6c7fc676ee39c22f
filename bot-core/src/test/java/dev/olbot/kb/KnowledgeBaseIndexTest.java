package dev.olbot.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KnowledgeBaseIndexTest {

    static final KnowledgeBase KB = KnowledgeBase.of("test", List.of(
            entry("delivery-cost", List.of("Сколько стоит доставка?", "цена доставки"), List.of("How much is delivery?")),
            entry("delivery-time", List.of("Сколько идёт доставка?", "сроки доставки"), List.of("How long does delivery take?")),
            entry("returns", List.of("Как вернуть товар?", "возврат"), List.of("How do I return an item?")),
            entry("password", List.of("Забыл пароль", "сбросить пароль"), List.of("I forgot my password"))),
            List.of(List.of("санкт-петербург", "питер", "спб")));

    static KbEntry entry(String id, List<String> ru, List<String> en) {
        return new KbEntry(id, Map.of("ru", ru, "en", en), LocalText.of("ответ " + id, "answer " + id), List.of(), List.of());
    }

    private final KnowledgeBaseIndex index = KnowledgeBaseIndex.of(KB);

    @Nested
    class Answers {
        @Test
        void answersAColloquialMessageWithATypo() {
            assertThat(index.match("скока стоит доставака в питер")).isInstanceOfSatisfying(KbMatch.Answer.class,
                    a -> assertThat(a.entry().id()).isEqualTo("delivery-cost"));
        }

        @Test
        void answersAButtonPressOutright() {
            assertThat(index.match("Сколько стоит доставка?")).isEqualTo(new KbMatch.Answer(KB.entry("delivery-cost").orElseThrow(), 1.0));
        }

        @Test
        void answersInflectedEnglish() {
            assertThat(index.match("i forgot the password")).isInstanceOfSatisfying(KbMatch.Answer.class,
                    a -> assertThat(a.entry().id()).isEqualTo("password"));
        }
    }

    @Nested
    class Stories {
        private static final String STORY = "добрый вечер, заказал позавчера ноутбук для работы, срочно нужен, начальник торопит и ругается. ";

        @Test
        void answersTheQuestionAfterAStoryThatSaysAnotherEntrysWords() {
            String story = "добрый вечер, заказал позавчера ноутбук для работы, срочно нужен, начальник торопит и ругается, а ещё цена доставки меня удивила. ";

            assertThat(index.match(story + "доставка сколько идет?")).isInstanceOfSatisfying(KbMatch.Answer.class,
                    a -> assertThat(a.entry().id()).isEqualTo("delivery-time"));
        }

        @Test
        void keepsTheWholeMessagesDecisionWhenTheQuestionAloneIsNoBetter() {
            assertThat(index.match(STORY + "а у вас кот есть?")).isInstanceOf(KbMatch.NoAnswer.class);
        }

        @Test
        void takesTheWholeMessageWhenTheLastSentenceIsNoQuestion() {
            assertThat(MessageParts.lastQuestion(STORY + "доставка сколько идет")).isEmpty();
            assertThat(MessageParts.lastQuestion("доставка сколько идет?")).isEmpty();
            assertThat(MessageParts.lastQuestion(STORY + "доставка сколько идет?")).contains("доставка сколько идет?");
        }
    }

    @Nested
    class DidYouMean {
        @Test
        void offersTheEntriesInTheBandForASingleSharedWord() {
            KnowledgeBaseIndex wideBand = KnowledgeBaseIndex.of(KB, new KnowledgeBaseIndex.Thresholds(0.65, 0.2, 0.1, 3));

            assertThat(wideBand.match("доставка")).isInstanceOfSatisfying(KbMatch.DidYouMean.class, d ->
                    assertThat(d.candidates()).extracting(c -> c.entry().id()).contains("delivery-cost", "delivery-time"));
        }
    }

    @Nested
    class ClientWording {
        private final KnowledgeBaseIndex shop = KnowledgeBaseIndex.of(KnowledgeBase.of("shop", List.of(
                entry("payment-methods", List.of("как можно оплатить", "оплата картой"), List.of("how can I pay")),
                entry("payment-failed", List.of("не проходит оплата", "ошибка при оплате"), List.of("my payment fails")),
                entry("gift-card", List.of("купить сертификат", "подарочная карта"), List.of("buy a gift card")),
                entry("delivery-time", List.of("когда привезут заказ", "сроки доставки"), List.of("delivery time")),
                new KbEntry("delivery-regions", Map.of("ru", List.of("доставка в другие страны")),
                        LocalText.of("Доставляем в Казахстан и Беларусь."), List.of(), List.of())),
                List.of()));

        @Test
        void answersAWholeMessageTypedInLatinLettersByItsCyrillicReading() {
            KnowledgeBaseIndex base = KnowledgeBaseIndex.of(KnowledgeBase.of("test", List.of(
                    entry("broken-item", List.of("Товар пришёл сломанным", "брак"), List.of("My item arrived broken")),
                    entry("returns", List.of("Как вернуть товар?", "возврат"), List.of("How do I return an item?")),
                    entry("delivery-cost", List.of("Сколько стоит доставка?"), List.of("How much is delivery?")),
                    entry("password", List.of("Забыл пароль"), List.of("I forgot my password"))), List.of()));

            // "brak" is too short to be read alone; the whole message's reading "пришел брак что делат" finds it
            assertThat(base.match("prishel brak chto delat")).isInstanceOfSatisfying(KbMatch.Answer.class,
                    a -> assertThat(a.entry().id()).isEqualTo("broken-item"));
            assertThat(base.match("my item arrived broken")).isInstanceOf(KbMatch.Answer.class);
            assertThat(base.match("open the door")).isInstanceOf(KbMatch.NoAnswer.class);
        }

        @Test
        void answersRussianTypedInLatinLetters() {
            assertThat(shop.match("kogda privezut zakaz")).isInstanceOfSatisfying(KbMatch.Answer.class,
                    a -> assertThat(a.entry().id()).isEqualTo("delivery-time"));
        }

        @Test
        void offersTheEntryOfTwoWordsWrittenTogether() {
            KnowledgeBaseIndex tracking = KnowledgeBaseIndex.of(KnowledgeBase.of("t", List.of(
                    entry("order-status", List.of("трек номер посылки", "где мой заказ"), List.of("tracking number")),
                    entry("contacts", List.of("номер телефона поддержки"), List.of("support phone"))), List.of()));

            assertThat(tracking.ranked("трекномер")).first().extracting(c -> c.entry().id()).isEqualTo("order-status");
        }

        @Test
        void findsAVerbFormTheQuestionsDoNotUse() {
            assertThat(shop.ranked("скоро привезете?")).first().extracting(c -> c.entry().id()).isEqualTo("delivery-time");
        }

        @Test
        void doesNotAnswerANegatedMessageWithAQuestionThatIsNotNegated() {
            KbMatch m = shop.match("не могу оплатить");

            assertThat(m).satisfiesAnyOf(
                    x -> assertThat(x).isNotInstanceOf(KbMatch.Answer.class),
                    x -> assertThat(((KbMatch.Answer) x).entry().id()).isEqualTo("payment-failed"));
            assertThat(shop.ranked("не могу оплатить")).extracting(c -> c.entry().id()).contains("payment-failed");
        }

        @Test
        void doesNotMatchOnAGenericWordAlone() {
            assertThat(shop.match("где купить хлеб")).isInstanceOf(KbMatch.NoAnswer.class);
            assertThat(shop.match("what time is it")).isInstanceOf(KbMatch.NoAnswer.class);
        }

        @Test
        void takesAShortWordForATypoOfAnotherOnlyBesideAWordOfTheQuestion() {
            KnowledgeBaseIndex account = KnowledgeBaseIndex.of(KnowledgeBase.of("account", List.of(
                    entry("registration", List.of("регистрация"), List.of("sign up", "create an account")),
                    entry("password", List.of("забыл пароль"), List.of("I forgot my password"))), List.of()));

            assertThat(account.match("sing a song")).isInstanceOf(KbMatch.NoAnswer.class);
            assertThat(account.ranked("sing up for an account")).first().extracting(c -> c.entry().id()).isEqualTo("registration");
        }

        @Test
        void letsTheAnswerTextTipABalanceTheQuestionsLeaveOpen() {
            KnowledgeBaseIndex twoLike = KnowledgeBaseIndex.of(KnowledgeBase.of("two", List.of(
                    new KbEntry("delivery-time", Map.of("ru", List.of("сроки доставки")), LocalText.of("Доставляем за 3 дня."),
                            List.of(), List.of()),
                    new KbEntry("delivery-terms", Map.of("ru", List.of("условия доставки")),
                            LocalText.of("Доставляем по России, в Казахстан и Беларусь."), List.of(), List.of())),
                    List.of()));

            assertThat(twoLike.ranked("доставка в казахстан")).first().extracting(c -> c.entry().id()).isEqualTo("delivery-terms");
        }
    }

    @Nested
    class TopicWords {
        private final KnowledgeBaseIndex shop = KnowledgeBaseIndex.of(KnowledgeBase.of("shop", List.of(
                new KbEntry("payment-methods", Map.of("ru", List.of("оплата", "способы оплаты", "оплатить картой")),
                        LocalText.of("Картой, СБП или по счёту для компаний."), List.of(), List.of()),
                new KbEntry("invoice", Map.of("ru", List.of("выставить счёт", "счёт для организации")),
                        LocalText.of("Счёт придёт на почту."), List.of(), List.of()),
                entry("delivery-cost", List.of("сколько стоит доставка", "цена доставки"), List.of("how much is shipping")),
                entry("working-hours", List.of("режим работы", "часы работы"), List.of("opening hours"))),
                List.of(List.of("оплатить", "оплата", "платить"))));

        @Test
        void offersAWeakMatchWhenTheMessageSaysAWordOfTheQuestions() {
            assertThat(shop.ranked("доставка в минск").get(0).confidence()).isBetween(0.2, 0.3);

            assertThat(shop.match("доставка в минск")).isInstanceOfSatisfying(KbMatch.DidYouMean.class,
                    d -> assertThat(d.candidates()).extracting(c -> c.entry().id()).containsExactly("delivery-cost"));
        }

        @Test
        void saysNothingForAsWeakAMatchMadeOfATypoOnly() {
            assertThat(shop.ranked("are you a robot").get(0).confidence()).isBetween(0.2, 0.3); // robot ~ работы

            assertThat(shop.match("are you a robot")).isInstanceOf(KbMatch.NoAnswer.class);
        }

        @Test
        void offersRatherThanAnswersAnEntryWithoutATopicWordOfTheMessageThatAnotherEntryAsksAbout() {
            KnowledgeBaseIndex twoTopics = KnowledgeBaseIndex.of(KnowledgeBase.of("two", List.of(
                    entry("delivery", List.of("доставка"), List.of("delivery")),
                    entry("visa", List.of("нужна ли виза в казахстан"), List.of("do I need a visa for kazakhstan"))),
                    List.of()));

            assertThat(twoTopics.match("доставка в казахстан")).isInstanceOfSatisfying(KbMatch.DidYouMean.class,
                    d -> assertThat(d.candidates()).extracting(c -> c.entry().id()).first().isEqualTo("delivery"));
        }

        @Test
        void doesNotLetAnAnswerSayingAnotherEntrysTopicWordWinThatEntrysMessage() {
            assertThat(shop.match("оплата по счету")).isNotInstanceOf(KbMatch.Answer.class);
            assertThat(shop.ranked("оплата по счету")).extracting(c -> c.entry().id()).contains("invoice");
        }

        @Test
        void takesTheRussianHourForAGenericWordLikeTime() {
            assertThat(shop.match("который час")).isInstanceOf(KbMatch.NoAnswer.class);
            assertThat(shop.match("часы работы")).isInstanceOf(KbMatch.Answer.class);
            assertThat(shop.match("what are your hours")).isNotInstanceOf(KbMatch.NoAnswer.class); // "hours" alone is the opening hours
        }
    }

    @Nested
    class TwoQuestions {
        private List<String> answered(String message) {
            KbMatch m = index.match(message);
            assertThat(m).isInstanceOf(KbMatch.Answer.class);
            return ((KbMatch.Answer) m).entries().stream().map(KbEntry::id).toList();
        }

        @Test
        void answersBothQuestionsInTheOrderOfTheMessage() {
            assertThat(answered("скока стоит доставка в питер и как вернуть товар?")).containsExactly("delivery-cost", "returns");
            assertThat(answered("Забыл пароль. А еще сроки доставки какие?")).containsExactly("password", "delivery-time");
        }

        @Test
        void answersOnceWhenOnlyOnePartIsAQuestionOfItsOwn() {
            assertThat(answered("здравствуйте! сколько стоит доставка в питер")).containsExactly("delivery-cost");
            assertThat(answered("сколько стоит доставка и сборка")).containsExactly("delivery-cost");
        }

        @Test
        void answersOnlyTheQuestionWhenTheOtherPartReportsWhatHappened() {
            assertThat(answered("возврат уже оформлен. а доставка сколько идет?")).containsExactly("delivery-time");
            assertThat(answered("I returned an item yesterday. How long does delivery take?")).containsExactly("delivery-time");
        }

        @Test
        void answersBothWhenThePartBesideTheQuestionIsATopicARequestOrAProblem() {
            assertThat(answered("возврат. и сколько стоит доставка?")).containsExactly("returns", "delivery-cost");
            assertThat(answered("хотел вернуть товар, и сколько стоит доставка?")).containsExactly("returns", "delivery-cost");
            assertThat(answered("Забыл пароль. А еще сроки доставки какие?")).containsExactly("password", "delivery-time");
        }

        @Test
        void answersBothReportsWhenNeitherPartAsks() {
            assertThat(answered("возврат оформил. цену доставки оплатил")).containsExactly("returns", "delivery-cost");
        }

        @Test
        void splitsAtSentenceEndsAndJoiningWordsOnly() {
            assertThat(MessageParts.of("сколько стоит доставка и как вернуть товар?"))
                    .containsExactly("сколько стоит доставка", "как вернуть товар");
            assertThat(MessageParts.of("Hi. How much is delivery? And how do I return an item"))
                    .containsExactly("Hi", "How much is delivery", "how do I return an item");
            assertThat(MessageParts.of("игра и кино")).containsExactly("игра", "кино");
            assertThat(MessageParts.of("вернуть")).containsExactly("вернуть");
        }

        @Test
        void readsStillInsideAClauseAsNoJoiningWord() {
            assertThat(MessageParts.of("перестал заряжаться, гарантия ещё есть, где чинить"))
                    .containsExactly("перестал заряжаться, гарантия ещё есть, где чинить");
            assertThat(MessageParts.of("заказ ещё не уехал")).containsExactly("заказ ещё не уехал");
        }

        @Test
        void splitsAtAnotherWhenItOpensAClause() {
            assertThat(MessageParts.of("сколько стоит доставка, ещё как вернуть товар"))
                    .containsExactly("сколько стоит доставка", "как вернуть товар");
            assertThat(MessageParts.of("сколько стоит доставка а ещё как вернуть товар"))
                    .containsExactly("сколько стоит доставка", "как вернуть товар");
        }
    }

    @Nested
    class QuestionWords {
        private final KnowledgeBaseIndex delivery = KnowledgeBaseIndex.of(KnowledgeBase.of("delivery", List.of(
                entry("delivery-cost", List.of("сколько стоит доставка", "цена доставки"), List.of("how much is delivery")),
                entry("delivery-time", List.of("когда привезут заказ", "сроки доставки"), List.of("when will the delivery come")),
                entry("pickup", List.of("где пункт выдачи", "самовывоз"), List.of("where can i pick up my order"))),
                List.of()));

        private String first(String message) {
            return delivery.ranked(message).get(0).entry().id();
        }

        @Test
        void picksTheEntryOfOneTopicByItsQuestionWord() {
            assertThat(first("когда доставка")).isEqualTo("delivery-time");
            assertThat(first("сколько доставка")).isEqualTo("delivery-cost");
            assertThat(first("when is delivery")).isEqualTo("delivery-time");
            assertThat(first("how much delivery")).isEqualTo("delivery-cost");
        }

        @Test
        void readsTomorrowAsAQuestionOfTime() {
            assertThat(first("доставка завтра будет?")).isEqualTo("delivery-time");
        }

        @Test
        void readsLongAsAQuestionOfTime() {
            assertThat(first("а доставка долгая?")).isEqualTo("delivery-time");
            assertThat(first("доставка долго идет?")).isEqualTo("delivery-time");
        }

        @Test
        void doesNotMatchOnAQuestionWordAlone() {
            assertThat(delivery.match("сколько?")).isInstanceOf(KbMatch.NoAnswer.class);
            assertThat(delivery.match("где вы?")).isInstanceOf(KbMatch.NoAnswer.class);
            assertThat(delivery.match("when")).isInstanceOf(KbMatch.NoAnswer.class);
            assertThat(delivery.match("где купить хлеб")).isInstanceOf(KbMatch.NoAnswer.class);
        }
    }

    @Nested
    class NoAnswer {
        @Test
        void saysNothingForSmallTalk() {
            assertThat(index.match("who are you")).isInstanceOf(KbMatch.NoAnswer.class);
            assertThat(index.match("какая погода в москве")).isInstanceOf(KbMatch.NoAnswer.class);
        }
    }

    @Nested
    class Thresholds {
        @Test
        void refusesAThresholdOutsideZeroToOne() {
            assertThatThrownBy(() -> new KnowledgeBaseIndex.Thresholds(1.5, 0.3, 0.1, 3))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("thresholds: answer must be in 0..1, got 1.5");
        }

        @Test
        void refusesATopicBandAboveTheSuggestBand() {
            assertThatThrownBy(() -> new KnowledgeBaseIndex.Thresholds(0.65, 0.3, 0.4, 0.1, 3))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("thresholds: topicSuggest (0.4) must not exceed suggest (0.3)");
        }

        @Test
        void refusesASuggestBandAboveTheAnswerThreshold() {
            assertThatThrownBy(() -> new KnowledgeBaseIndex.Thresholds(0.5, 0.6, 0.1, 3))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not exceed answer");
        }
    }

    @Test
    void refusesTwoEntriesWithTheSameQuestion() {
        assertThatThrownBy(() -> KnowledgeBase.of("kb.yaml", List.of(entry("a", List.of("возврат"), List.of("x")),
                entry("b", List.of("Возврат!"), List.of("y"))), List.of()))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessage("kb.yaml: entry 'b' (#2): field 'questions': the question 'Возврат!' is also a question of entry 'a'");
    }
}
