package dev.olbot.examples.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Realistic client phrasings against the shipped knowledge base with the default thresholds. */
class FaqMatcherTest {

    static final KnowledgeBase KB = KnowledgeBase.load(KnowledgeBase.DEFAULT_RESOURCE);
    static final FaqSettings SETTINGS = FaqSettings.defaults();
    static final FaqMatcher MATCHER = new FaqMatcher(KB, SETTINGS.threshold(), SETTINGS.margin());

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # exact and near-exact
            Сколько идёт доставка?                         | delivery-time
            How long does delivery take                    | delivery-time
            # inflection and word order (ru)
            доставку сколько ждать                         | delivery-time
            когда мне привезут мой заказ                   | delivery-time
            сколько стоит доставить заказ                  | delivery-cost
            какие у вас способы оплаты                     | payment-methods
            оплатить картой можно?                         | payment-methods
            хочу вернуть товар                             | returns
            как сделать возврат товара                     | returns
            где мой заказ???                               | order-status
            статус моего заказа                            | order-status
            пароль забыла                                  | password-reset
            как восстановить забытый пароль                | password-reset
            гарантия на холодильник какая                  | warranty
            режим работы поддержки                         | working-hours
            по выходным работаете?                         | working-hours
            промокод не работает почему                    | promo-code
            мне нужен счёт для оплаты организацией         | invoice
            отменить мой заказ                             | order-cancel
            самовывозом можно забрать?                     | pickup
            рассрочку даёте?                               | installments
            подписку отменить                              | cancel-subscription
            телефон вашей поддержки                        | contacts
            # typos (ru)
            скока идет доставка                            | delivery-time
            сроки доставкии                                | delivery-time
            забыл пороль                                   | password-reset
            как вернуть товр                               | returns
            спосбы оплаты                                  | payment-methods
            гарнтия                                        | warranty
            промакод не работает                           | promo-code
            # en: inflection, word order, typos
            when will my order be delivered?               | delivery-time
            delivery to kazakhstan possible?               | delivery-regions
            what payment methods do you accept             | payment-methods
            I want to return this item                     | returns
            how do I return it                             | returns
            track order                                    | order-status
            order tracking                                 | order-status
            forgot my pasword                              | password-reset
            reset my password please                       | password-reset
            warranty period for laptops                    | warranty
            what are your opening hours                    | working-hours
            hours of work                                  | working-hours
            my promocode doesn't work                      | promo-code
            cancel my subscribtion                         | cancel-subscription
            shiping cost                                   | delivery-cost
            can i pay cash on delivery                     | cash-on-delivery
            the item arrived broken                        | broken-item
            gift cards?                                    | gift-card
            """)
    void findsTheRightEntry(String question, String expected) {
        FaqMatch m = MATCHER.match(question);
        assertThat(m).as("%s%n  top: %s", question, top(question)).isInstanceOf(FaqMatch.Answer.class);
        assertThat(((FaqMatch.Answer) m).entry().id()).as("%s%n  top: %s", question, top(question)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" → no answer")
    @CsvSource(delimiter = '|', textBlock = """
            какая погода завтра в Москве
            расскажи анекдот
            сколько будет два плюс два
            what is the meaning of life
            do you like pizza
            """)
    void findsNothingForOffTopicQuestions(String question) {
        assertThat(MATCHER.match(question)).as("%s%n  top: %s", question, top(question)).isInstanceOf(FaqMatch.NoMatch.class);
    }

    @Nested
    class Ambiguity {

        @Test
        void offersTwoEntriesWhenAMessageFitsBothAboutEqually() {
            FaqMatch m = MATCHER.match("оплата заказа");

            assertThat(m).as(top("оплата заказа")).isInstanceOf(FaqMatch.Ambiguous.class);
        }

        @Test
        void answersAButtonPressExactlyEvenWhenItsWordsAreShared() {
            assertThat(MATCHER.match("Сколько стоит доставка?")).isInstanceOfSatisfying(FaqMatch.Answer.class,
                    a -> assertThat(a.entry().id()).isEqualTo("delivery-cost"));
        }
    }

    static String top(String q) {
        return MATCHER.ranked(q).stream().limit(3).map(c -> c.entry().id() + String.format("=%.3f(%s)", c.score(), c.phrasing()))
                .collect(Collectors.joining(", "));
    }
}
