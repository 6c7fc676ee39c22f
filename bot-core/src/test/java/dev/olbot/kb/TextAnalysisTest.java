package dev.olbot.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {

    private final TextAnalysis standard = TextAnalysis.standard();

    @Nested
    class Russian {
        @Test
        void stemsInflectedFormsToOneTerm() {
            assertThat(standard.terms("доставки")).isEqualTo(standard.terms("доставка"));
            assertThat(standard.terms("заказом")).isEqualTo(standard.terms("заказ"));
        }

        @Test
        void foldsYoIntoYe() {
            assertThat(standard.terms("счёт")).isEqualTo(standard.terms("счет"));
        }

        @Test
        void dropsStopWordsGreetingsAndNumbers() {
            assertThat(standard.terms("Здравствуйте! Подскажите, мой заказ 123456?")).containsExactly("заказ");
        }
    }

    @Nested
    class English {
        @Test
        void stemsAndDropsStopWords() {
            assertThat(standard.terms("When will my orders be delivered?")).containsExactly("?когда", "order", "deliv");
        }

        @Test
        void keepsEveryWordOfAStopWordOnlyPhraseInAllTerms() {
            assertThat(standard.terms("who are you")).isEmpty();
            assertThat(standard.allTerms("who are you")).containsExactly("who", "are", "you");
        }
    }

    @Nested
    class Synonyms {
        @Test
        void everyWordOrPhraseOfAGroupBecomesTheGroupsToken() {
            TextAnalysis a = TextAnalysis.builder().synonyms("санкт-петербург", "питер", "спб").build();

            assertThat(a.terms("питер")).hasSize(1).isEqualTo(a.terms("спб")).isEqualTo(a.terms("санкт-петербург"));
            assertThat(a.slots("доставка в питер")).hasSize(2);
        }

        @Test
        void refusesAGroupWithoutSynonyms() {
            assertThatThrownBy(() -> TextAnalysis.builder().synonyms("питер"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least one synonym");
        }
    }

    @Nested
    class Negation {
        @Test
        void keepsANegationAsOneTermInBothLanguages() {
            assertThat(standard.terms("не проходит оплата")).startsWith(NegationFilter.TERM);
            assertThat(standard.terms("it doesn't turn on")).startsWith(NegationFilter.TERM);
            assertThat(standard.terms("my order has not arrived")).contains(NegationFilter.TERM);
        }
    }

    @Nested
    class GenericWords {
        @Test
        void keepsAGenericWordAsATermButMarksIt() {
            assertThat(standard.terms("где купить хлеб")).hasSize(3);
            assertThat(standard.terms("где купить хлеб").stream().filter(standard::generic)).hasSize(2);
            assertThat(standard.generic(standard.terms("whats the time").get(0))).isTrue();
        }
    }

    @Nested
    class QuestionWords {
        @Test
        void keepsAQuestionWordAsTheTermOfItsKindInBothLanguages() {
            assertThat(standard.terms("скока стоит")).startsWith("?сколько").isEqualTo(standard.terms("сколько стоит"));
            assertThat(standard.terms("how much")).containsExactly("?как", "?сколько");
            assertThat(standard.terms("когда привезут")).first().isEqualTo(standard.terms("when").get(0));
            assertThat(standard.terms("где заказ")).first().isEqualTo(standard.terms("where").get(0));
            assertThat(standard.terms("куда отправить")).first().isNotEqualTo(standard.terms("где").get(0));
        }

        @Test
        void marksAQuestionWordAsWeak() {
            String when = standard.terms("когда").get(0);

            assertThat(standard.question(when)).isTrue();
            assertThat(standard.generic(when)).isTrue();
            assertThat(standard.question(standard.terms("доставка").get(0))).isFalse();
        }
    }

    @Nested
    class SynonymStems {
        @Test
        void mapsTheStemOfEachOneWordSynonymToItsGroupsTerm() {
            TextAnalysis a = TextAnalysis.builder().synonyms("бракованный", "сломанный", "broken").build();
            String group = a.terms("бракованный").get(0);

            assertThat(a.synonymStems()).containsEntry(standard.terms("сломанный").get(0), group)
                    .containsEntry(standard.terms("broken").get(0), group);
        }
    }
}
