package dev.olbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private final Vocabulary vocabulary = new Vocabulary(
            List.of("card", "cost", "open", "доставк", "привезут", "отправля", "заказ", "оплат", "§0"), Map.of("сломан", "§0"));

    @Nested
    class KnownTerms {
        @Test
        void takesAKnownTermAsWrittenWithoutTypos() {
            assertThat(vocabulary.near("card")).isEqualTo(Map.of("card", 1.0));
        }

        @Test
        void findsNothingForAWordFarFromEveryTerm() {
            assertThat(vocabulary.near("хлеб")).isEmpty();
        }
    }

    @Nested
    class Typos {
        @Test
        void matchesATermOneEditAwayAtTheTypoWeight() {
            assertThat(vocabulary.near("доставак")).containsEntry("доставк", Vocabulary.TYPO_WEIGHT);
            assertThat(vocabulary.near("cots")).containsEntry("cost", Vocabulary.TYPO_WEIGHT);
        }

        @Test
        void readsAThreeLetterWordWithALetterMissingButNotAsALongerWordCutShort() {
            assertThat(vocabulary.near("opn")).containsKey("open");
            assertThat(vocabulary.near("car")).doesNotContainKey("card");
        }

        @Test
        void readsARussianWordStartingWithAOrOAsWrittenByEar() {
            assertThat(vocabulary.near("аплат")).containsEntry("оплат", Vocabulary.TYPO_WEIGHT);
            assertThat(vocabulary.near("уплат")).isEmpty(); // only а and о stand for each other
        }

        @Test
        void findsASynonymGroupThroughATypoOfOneOfItsWords() {
            assertThat(vocabulary.near("сламан")).containsEntry("§0", Vocabulary.TYPO_WEIGHT);
        }

        @Test
        void neverOffersAnAliasItself() {
            assertThat(vocabulary.contains("сломан")).isFalse();
            assertThat(vocabulary.near("сломан")).containsOnlyKeys("§0");
        }
    }

    @Nested
    class Families {
        @Test
        void matchesAnotherStemOfTheSameRoot() {
            assertThat(vocabulary.near("отправ")).containsEntry("отправля", Vocabulary.FAMILY_WEIGHT);
            assertThat(vocabulary.near("привезете")).containsKey("привезут");
        }

        @Test
        void doesNotTakeAWordThatSharesOnlyFiveLettersForFamily() {
            assertThat(vocabulary.near("привет")).isEmpty();
        }
    }

    @Nested
    class WordsWrittenTogether {
        private final Vocabulary track = new Vocabulary(List.of("трек", "номер", "заказ"), Map.of());

        @Test
        void splitsAWordIntoTwoKnownTerms() {
            assertThat(track.compound("трекномер")).containsExactly("трек", "номер");
        }

        @Test
        void splitsAWordOfOneTermWrittenTwiceIntoThatTermTwice() {
            Vocabulary shout = new Vocabulary(List.of("ааа"), Map.of());
            assertThat(shout.compound("аааааа")).containsExactly("ааа", "ааа");
        }

        @Test
        void leavesAWordAloneWhenAPartIsUnknown() {
            assertThat(track.compound("трекбокс")).isEmpty();
        }
    }

    @Nested
    class EditDistance {
        @Test
        void countsASwapOfNeighboursAsOneEdit() {
            assertThat(Vocabulary.EditDistance.within("opne", "open", 1)).isTrue();
            assertThat(Vocabulary.EditDistance.within("oenp", "open", 1)).isFalse();
        }

        @Test
        void boundsInsertionsAndDeletions() {
            assertThat(Vocabulary.EditDistance.within("доставака", "доставк", 2)).isTrue();
            assertThat(Vocabulary.EditDistance.within("доставака", "доставк", 1)).isFalse();
        }
    }
}
