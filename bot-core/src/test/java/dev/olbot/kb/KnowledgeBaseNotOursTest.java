package dev.olbot.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code not_ours:}: the other businesses' things a shop never deals in, a list its team writes. */
class KnowledgeBaseNotOursTest {

    private static final String ENTRIES = """
            entries:
              - id: discounts
                questions: {ru: ["Какие сейчас скидки?", "есть скидка"], en: ["Any discounts now?"]}
                answer: {ru: "Скидки — на странице акций.", en: "See the deals page."}
              - id: returns
                questions: {ru: ["Как вернуть товар?", "вернуть покупку"], en: ["How do I return an item?", "the item does not fit"]}
                answer: {ru: "14 дней.", en: "14 days."}
              - id: working-hours
                questions: {ru: ["Часы работы", "до скольки работаете"], en: ["What are your opening hours?"]}
                answer: {ru: "9–21.", en: "9–21."}
              - id: payment
                questions: {ru: ["Как оплатить заказ?"], en: ["How do I pay for my order?"]}
                answer: {ru: "Картой.", en: "By card."}
            """;

    private static final KnowledgeBase KB = KnowledgeBase.parse("shop.yaml", ENTRIES + """
            not_ours: [фитнес, абонемент, поликлиника, library, gym]
            """);

    private final KnowledgeBaseIndex index = KnowledgeBaseIndex.of(KB);
    private final KnowledgeBaseIndex without = KnowledgeBaseIndex.of(KnowledgeBase.parse("shop.yaml", ENTRIES));

    @Nested
    class Verdict {
        @Test
        void turnsAwayTheShopsWordSaidAboutAnotherBusinesssThing() {
            assertThat(without.match("есть скидка на абонемент в фитнес?")).isNotInstanceOf(KbMatch.NoAnswer.class);

            assertThat(index.match("есть скидка на абонемент в фитнес?")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
            assertThat(index.match("how do I return a book to the library")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
        }

        @Test
        void findsTheThingInAnyFormOfItsWord() {
            assertThat(index.match("до скольки работает поликлиника")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
            assertThat(index.match("часы работы поликлиники")).isInstanceOf(KbMatch.NoAnswer.class);
            assertThat(index.match("my gyms opening hours")).isInstanceOf(KbMatch.NoAnswer.class);
        }

        @Test
        void answersTheShopsOwnQuestionsAsBefore() {
            assertThat(index.match("какие сейчас скидки")).isInstanceOf(KbMatch.Answer.class);
            assertThat(index.match("до скольки работаете")).isInstanceOf(KbMatch.Answer.class);
            assertThat(index.match("how do i return an item")).isInstanceOf(KbMatch.Answer.class);
        }

        @Test
        void answersAClientWhoSpeaksToTheShopAndNamesAnotherBusinessInPassing() {
            // before: every message naming a listed thing was turned away, "у вас" or not
            assertThat(index.match("есть у вас скидки? в фитнес клубе вот дали на абонемент")).isInstanceOf(KbMatch.Answer.class);
            assertThat(index.match("what are your opening hours? I'll come after the gym")).isInstanceOf(KbMatch.Answer.class);
            assertThat(index.match("до скольки работаете? после поликлиники к вам заеду")).isInstanceOf(KbMatch.Answer.class);

            assertThat(index.match("есть скидка на абонемент в фитнес?")).isInstanceOf(KbMatch.NoAnswer.class);
            assertThat(index.match("до скольки работает поликлиника")).isInstanceOf(KbMatch.NoAnswer.class);
        }

        @Test
        void namesAThingOfSeveralWordsOnlyWhenTheMessageSaysEveryOneOfThem() {
            KnowledgeBaseIndex twoWords = KnowledgeBaseIndex.of(KnowledgeBase.parse("shop.yaml", ENTRIES + """
                    not_ours: [салон красоты, детский сад]
                    """));

            assertThat(twoWords.match("есть скидка в салоне красоты?")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
            assertThat(twoWords.match("до скольки работает детский сад")).isInstanceOf(KbMatch.NoAnswer.class);
            // "салон" or "детский" alone is not the other business: a shop's salon, a child's purchase
            assertThat(twoWords.match("есть скидка в салоне?")).isInstanceOf(KbMatch.Answer.class);
            assertThat(twoWords.match("детский товар не подошёл, как вернуть товар")).isInstanceOf(KbMatch.Answer.class);
        }

        @Test
        void takesAHyphenatedThingForItsWordsTogetherNotForEitherAlone() {
            KnowledgeBaseIndex hyphenated = KnowledgeBaseIndex.of(KnowledgeBase.parse("shop.yaml", ENTRIES + """
                    not_ours: [тату-салон, фитнес-клуб]
                    """));

            assertThat(hyphenated.match("есть скидка в тату-салоне?")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
            assertThat(hyphenated.match("скидка на абонемент в фитнес клуб")).isInstanceOf(KbMatch.NoAnswer.class);
            // each part alone named the thing before: "салон" turned away the shop's own question
            assertThat(hyphenated.match("есть скидка в салоне?")).isInstanceOf(KbMatch.Answer.class);
        }

        @Test
        void keepsABareReplyAReplyRatherThanOutOfScope() {
            assertThat(index.match("нет")).isInstanceOfSatisfying(KbMatch.NoAnswer.class, n -> assertThat(n.outOfScope()).isFalse());
        }

        @Test
        void changesNothingForABaseWithoutTheList() {
            assertThat(KnowledgeBase.parse("shop.yaml", ENTRIES).notOurs().words()).isEmpty();
            assertThat(without.match("часы работы поликлиники")).isNotInstanceOf(KbMatch.NoAnswer.class);
        }
    }

    @Nested
    class Loading {
        @Test
        void refusesAWordAnEntrysQuestionSaysNamingTheWordQuestionAndEntry() {
            // English "fitness" stems to "fit": "the item does not fit" would be turned away
            assertThatThrownBy(() -> KnowledgeBase.parse("shop.yaml", ENTRIES + "not_ours: [gym, fitness]\n"))
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessageContaining("shop.yaml: field 'not_ours'")
                    .hasMessageContaining("'fit'")
                    .hasMessageContaining("'the item does not fit'")
                    .hasMessageContaining("entry 'returns'");
        }

        @Test
        void refusesSomethingOtherThanAListOfWords() {
            assertThatThrownBy(() -> KnowledgeBase.parse("shop.yaml", ENTRIES + "not_ours: фитнес\n"))
                    .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("field 'not_ours': expected a list of words");
            assertThatThrownBy(() -> KnowledgeBase.parse("shop.yaml", ENTRIES + "not_ours: [фитнес, {a: b}]\n"))
                    .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("field 'not_ours[1]': expected a word");
        }

        @Test
        void takesTheListInCodeAsWell() {
            KnowledgeBase kb = KnowledgeBase.parse("shop.yaml", ENTRIES);
            KnowledgeBase coded = KnowledgeBase.of("coded", kb.entries(), List.of(), KbOutOfScope.none(), new KbWords(List.of("фитнес")));

            assertThat(KnowledgeBaseIndex.of(coded).match("скидки на фитнес")).isInstanceOf(KbMatch.NoAnswer.class);
            assertThatThrownBy(() -> new KbWords(List.of(" "))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not_ours");
        }
    }
}
