package dev.olbot.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code our_goods:}: the goods a shop sells, a list its team writes; never another business's word. */
class KnowledgeBaseGoodsTest {

    private static final String BASE = """
            entries:
              - id: out-of-stock
                questions: {ru: ["Когда товар появится в наличии?", "товар закончился"], en: ["When will the item be back in stock?", "sold out"]}
                answer: {ru: "Нажмите «Сообщить о поступлении».", en: "Press “Notify me”."}
              - id: returns
                questions: {ru: ["Как вернуть товар?"], en: ["How do I return an item?"]}
                answer: {ru: "14 дней.", en: "14 days."}
              - id: delivery
                questions: {ru: ["Сколько стоит доставка?"], en: ["How much is delivery?"]}
                answer: {ru: "390 ₽.", en: "390 ₽."}
              - id: warranty
                questions: {ru: ["Какая гарантия?"], en: ["What is the warranty?"]}
                answer: {ru: "Год.", en: "One year."}
            out_of_scope:
              reply: {ru: "Не по адресу.", en: "Wrong address."}
              questions:
                en: ["which camera takes the best photos", "compare two cameras for me"]
            """;

    private final KnowledgeBaseIndex without = KnowledgeBaseIndex.of(KnowledgeBase.parse("shop.yaml", BASE));
    private final KnowledgeBaseIndex with = KnowledgeBaseIndex.of(KnowledgeBase.parse("shop.yaml", BASE + "our_goods: [camera, камера]\n"));

    @Nested
    class Verdict {
        @Test
        void anOutOfScopeExampleThatSharesOnlyTheGoodWithAMessageDoesNotTurnItAway() {
            // before: "which camera takes the best photos" outranked the returns on "camera" alone
            String asked = "how do I return the camera";
            assertThat(with.outOfScopeConfidence(asked)).isZero();
            assertThat(with.ranked(asked).get(0).entry().id()).isEqualTo("returns");

            assertThat(with.match("which camera takes better photos")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
        }

        @Test
        void doesNotMarkDownAnEntryForAProductThatOnlyOutOfScopeExamplesName() {
            String asked = "the camera is sold out, when will it be back in stock";
            // only the product-advice examples say "camera": without the list it is another business's word
            double markedDown = without.ranked(asked).get(0).confidence();

            assertThat(with.ranked(asked).get(0).confidence()).isGreaterThan(markedDown + 0.1);
            assertThat(with.match(asked)).isInstanceOfSatisfying(KbMatch.Answer.class, a -> assertThat(a.entry().id()).isEqualTo("out-of-stock"));
        }

        @Test
        void answersAboutAGoodWhoseNameHoldsAnotherBusinesssThing() {
            String lists = "not_ours: [кинотеатр, фитнес, абонемент]\n";
            KnowledgeBaseIndex notOursAlone = KnowledgeBaseIndex.of(KnowledgeBase.parse("shop.yaml", BASE + lists));
            KnowledgeBaseIndex withGoods = KnowledgeBaseIndex.of(KnowledgeBase.parse("shop.yaml", BASE + lists
                    + "our_goods: [домашний кинотеатр, фитнес-браслет]\n"));

            // a home cinema and a fitness band are the shop's goods; a cinema and a fitness club another business
            assertThat(notOursAlone.match("домашний кинотеатр сломался, какая гарантия?")).isInstanceOf(KbMatch.NoAnswer.class);
            assertThat(withGoods.match("домашний кинотеатр сломался, какая гарантия?")).isInstanceOfSatisfying(KbMatch.Answer.class,
                    a -> assertThat(a.entry().id()).isEqualTo("warranty"));
            assertThat(withGoods.match("как вернуть фитнес браслет")).isInstanceOf(KbMatch.Answer.class);
            assertThat(withGoods.match("до скольки работает кинотеатр")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
            assertThat(withGoods.match("как вернуть абонемент в фитнес, купил фитнес браслет")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
        }

        @Test
        void stillTurnsAwayTheProductAdviceTheExamplesAreAbout() {
            assertThat(with.match("which camera takes the best photos")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
        }
    }

    @Nested
    class Loading {
        @Test
        void readsTheListAndKeepsItEmptyWhenAbsent() {
            assertThat(KnowledgeBase.parse("shop.yaml", BASE + "our_goods: [camera, камера]\n").goods()).containsExactly("camera", "камера");
            assertThat(KnowledgeBase.parse("shop.yaml", BASE).goods()).isEmpty();
        }

        @Test
        void takesAGoodOfSeveralWordsThatHoldsAnotherBusinesssThing() {
            assertThat(KnowledgeBase.parse("shop.yaml", BASE + "not_ours: [кинотеатр]\nour_goods: [домашний кинотеатр]\n").goods())
                    .containsExactly("домашний кинотеатр");
            assertThatThrownBy(() -> KnowledgeBase.parse("shop.yaml", BASE + "not_ours: [home cinema]\nour_goods: [home cinemas]\n"))
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessageContaining("'home cinemas' is on the 'not_ours' list too");
        }

        @Test
        void refusesAWordThatIsOnTheOtherBusinessesListToo() {
            assertThatThrownBy(() -> KnowledgeBase.parse("shop.yaml", BASE + "not_ours: [gym, camera]\nour_goods: [cameras]\n"))
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessageContaining("shop.yaml: field 'our_goods': 'cameras' is on the 'not_ours' list too");
        }

        @Test
        void refusesSomethingOtherThanAListOfWords() {
            assertThatThrownBy(() -> KnowledgeBase.parse("shop.yaml", BASE + "our_goods: camera\n"))
                    .isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("field 'our_goods'");
            assertThatThrownBy(() -> KnowledgeBase.of("coded", KnowledgeBase.parse("shop.yaml", BASE).entries(), List.of(), KbOutOfScope.none(),
                    KbWords.none(), List.of(" "))).isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("field 'our_goods': a word is blank");
        }
    }
}
