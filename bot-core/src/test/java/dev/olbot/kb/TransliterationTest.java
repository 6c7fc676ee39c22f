package dev.olbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransliterationTest {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({"dostavka, доставка", "zakaz, заказ", "vozvrat, возврат", "chek, чек", "dney, дней", "stoimost, стоимост", "novyy, новый",
            "shchet, щет", "zhdat, ждат", "tsena, цена", "skolko, сколко", "garantiya, гарантия"})
    void readsRussianTypedInLatinLetters(String latin, String cyrillic) {
        assertThat(Transliteration.toCyrillic(latin)).isEqualTo(cyrillic);
    }

    @Nested
    class Candidates {
        @Test
        void takesOnlyLatinWordsOfThreeLettersOrMore() {
            assertThat(Transliteration.isLatin("zakaz")).isTrue();
            assertThat(Transliteration.isLatin("ok")).isFalse();
            assertThat(Transliteration.isLatin("заказ")).isFalse();
            assertThat(Transliteration.isLatin("§1")).isFalse();
        }
    }

    @Nested
    class WholeMessages {
        @Test
        void readsAMessageOfLatinLettersOnlyWithItsSpacesAndSigns() {
            assertThat(Transliteration.readingOf("Prishel brak, chto delat?")).contains("пришел брак, что делат?");
        }

        @Test
        void readsNothingInAMessageWithCyrillicLettersOrWithoutLetters() {
            assertThat(Transliteration.readingOf("заказ 123 ok")).isEmpty();
            assertThat(Transliteration.readingOf("123 ???")).isEmpty();
        }
    }
}
