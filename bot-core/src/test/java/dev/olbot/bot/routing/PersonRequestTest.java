package dev.olbot.bot.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonRequestTest {

    private final PersonRequest defaults = PersonRequest.defaults();

    @Nested
    class AsksForAPerson {
        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"оператор", "позовите человека", "хочу поговорить с живым человеком", "соедините с менеджером",
                "can I talk to a human", "operator please", "человек нужен", "humans?", "переключите на человека"})
        void whenAWordOfTheListOrItsInflectionIsSaid(String text) {
            assertThat(defaults.matches(Utterance.of(text))).isTrue();
        }
    }

    @Nested
    class DoesNotAskForAPerson {
        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"на сколько человек рассчитан стол?", "доставка на 5 человек", "скидка для двух человек",
                "несколько человек уже заказали", "стол на 4-х человек", "price per person", "for 2 persons",
                "сколько человек в очереди", "персональные данные", "personal data"})
        void whenTheWordCountsPeopleOrIsAnotherWord(String text) {
            assertThat(defaults.matches(Utterance.of(text))).isFalse();
        }
    }
}
