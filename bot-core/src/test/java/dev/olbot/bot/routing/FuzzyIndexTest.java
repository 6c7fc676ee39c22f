package dev.olbot.bot.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FuzzyIndexTest {

    private static final FuzzyIndex<String> INDEX = FuzzyIndex.of(phrases());

    private static Map<String, String> phrases() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("how much does it cost", "price");
        m.put("сколько стоит", "price");
        m.put("delivery time", "delivery");
        m.put("где мой заказ", "order");
        m.put("return an item", "return");
        return m;
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource({
            "How much does it cots?, price",
            "how much it cost, price",
            "сколько стоят, price",
            "Сколько это стоит?, price",
            "delivry time, delivery",
            "time of delivery, delivery",
            "где мой заказа, order",
            "заказ мой где, order",
            "how do I return an item, return"})
    void toleratesTyposWordOrderAndEndings(String text, String expected) {
        assertThat(INDEX.rank(text, FuzzyIndex.DEFAULT_THRESHOLD)).first().extracting(FuzzyIndex.Candidate::value).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" finds nothing")
    @CsvSource({"hello", "hi there", "thanks", "привет", "оператор", "what is your address", "how are you", "ok"})
    void doesNotMatchUnrelatedShortTexts(String text) {
        assertThat(INDEX.rank(text, FuzzyIndex.DEFAULT_THRESHOLD)).isEmpty();
    }

    @Nested
    class TheIssuesExamples {
        private final FuzzyIndex<String> opening = FuzzyIndex.of(Map.of("when are you open", "hours"));

        @ParameterizedTest(name = "\"{0}\" is not \"when are you open\"")
        @CsvSource({"who are you", "where are you", "what time is it", "are you there", "when"})
        void shortUnrelatedQuestionsDoNotMatchAtTheDefault(String text) {
            assertThat(opening.rank(text, FuzzyIndex.DEFAULT_THRESHOLD)).isEmpty();
        }

        @ParameterizedTest(name = "\"{0}\" is \"when are you open\"")
        @CsvSource({"When are you open?", "are you open today", "when r u opne"})
        void theQuestionItselfWithTyposStillMatches(String text) {
            assertThat(opening.rank(text, FuzzyIndex.DEFAULT_THRESHOLD)).isNotEmpty();
        }
    }
}
