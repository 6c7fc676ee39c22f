package dev.olbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The classifier a knowledge base learns from its own questions and out-of-scope examples. */
class KbClassifierTest {

    private static final String OUT = "out";

    private static Map<String, List<String>> examples() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("delivery-cost", List.of("Сколько стоит доставка?", "цена доставки", "бесплатная доставка", "How much is delivery?"));
        m.put("delivery-time", List.of("Сколько идёт доставка?", "когда привезут заказ", "сроки доставки", "How long does delivery take?"));
        m.put("installments", List.of("Можно купить в рассрочку?", "рассрочка", "оплата частями", "платить помесячно", "pay monthly"));
        m.put("password", List.of("Забыл пароль", "сбросить пароль", "не могу войти", "I forgot my password"));
        m.put(OUT, List.of("заказать пиццу", "доставка еды", "вызвать такси", "курс доллара", "как дела", "прогноз погоды",
                "call a taxi", "how are you", "weather forecast"));
        return m;
    }

    private static final KbClassifier<String> CLASSIFIER = KbClassifier.train(TextAnalysis.standard(), examples(), OUT);

    private static String best(Map<String, Double> p) {
        return p.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    @Nested
    class Learning {
        @Test
        void putsAParaphraseWithATypoInTheClassOfTheEntryItAsksAbout() {
            Map<String, Double> p = CLASSIFIER.probabilities("можно платить частями?");

            assertThat(best(p)).isEqualTo("installments");
            assertThat(p.get("installments")).isGreaterThan(0.5);
            assertThat(best(CLASSIFIER.probabilities("забыл пароул"))).isEqualTo("password");
        }

        @Test
        void givesTheOutOfScopeClassAMessageLikeItsExamples() {
            Map<String, Double> p = CLASSIFIER.probabilities("такси до дома вызовите");

            assertThat(best(p)).isEqualTo(OUT);
            assertThat(p.get(OUT)).isGreaterThan(0.5);
        }

        @Test
        void givesProbabilitiesThatSumToOne() {
            assertThat(CLASSIFIER.probabilities("когда привезут").values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }

        @Test
        void learnsTheSameModelFromTheSameExamplesEveryTime() {
            KbClassifier<String> again = KbClassifier.train(TextAnalysis.standard(), examples(), OUT);

            for (String text : List.of("когда привезут", "pay monthly please", "погода")) {
                assertThat(again.probabilities(text)).isEqualTo(CLASSIFIER.probabilities(text));
            }
        }

        @Test
        void takesAMessageOfWordsItNeverSawForNoMessageAtAll() {
            assertThat(CLASSIFIER.probabilities("ывап олдж")).isEqualTo(CLASSIFIER.probabilities(""));
        }

        @Test
        void learnsEntriesOfOneQuestionEachWithoutAnOutOfScopeClass() {
            Map<String, List<String>> few = new LinkedHashMap<>();
            for (String q : List.of("доставка", "оплата картой", "возврат товара", "гарантия")) {
                few.put(q, List.of(q));
            }
            KbClassifier<String> small = KbClassifier.train(TextAnalysis.standard(), few, null);

            few.keySet().forEach(q -> assertThat(small.probabilities(q).get(q)).as(q).isGreaterThan(0.9));
            assertThat(small.probabilities("").get("гарантия")).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
        }

        @Test
        void saysWhatItLearned() {
            assertThat(CLASSIFIER.summary()).startsWith("5 classes, ").contains(" features, trained in ").endsWith(" KiB");
        }
    }

    @Nested
    class Features {
        private final KbFeatures features = new KbFeatures(TextAnalysis.standard(), List.of("Как вернуть товар?", "возврат"));

        @Test
        void takesATypoForTheWordItIsOneEditFrom() {
            assertThat(features.of("возрат").keySet()).isEqualTo(features.of("возврат").keySet());
        }

        @Test
        void countsNeighbouringWordsAsAPair() {
            assertThat(features.of("вернуть товар")).containsKeys("p вернут товар", "w вернут", "w товар");
        }

        @Test
        void scalesEveryTextToLengthOne() {
            Map<String, Double> f = features.of("как вернуть товар, если возврат не приняли");

            assertThat(Math.sqrt(f.values().stream().mapToDouble(v -> v * v).sum())).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}
