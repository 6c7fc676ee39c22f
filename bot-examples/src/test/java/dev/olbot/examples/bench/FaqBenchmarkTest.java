package dev.olbot.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Floors under the FAQ evaluation ({@code olbot bench faq}); the figures themselves are in the
 * README. A change that makes matching worse than these fails the build.
 */
class FaqBenchmarkTest {

    private static final FaqBenchmark SHIPPED = FaqBenchmark.shipped();

    @Nested
    class TheSetItself {
        @Test
        void hasAtLeastTwoHundredClientMessagesAndOneHundredOutOfScopeOnes() {
            List<FaqEvalSet.Case> all = new java.util.ArrayList<>(FaqEvalSet.load(FaqEvalSet.TUNING).cases());
            all.addAll(FaqEvalSet.load(FaqEvalSet.HELD_OUT).cases());

            assertThat(all.stream().filter(FaqEvalSet.Case::inScope).count()).isGreaterThanOrEqualTo(200);
            assertThat(all.stream().filter(c -> !c.inScope()).count()).isGreaterThanOrEqualTo(100);
        }

        @Test
        void namesOnlyEntriesTheKnowledgeBaseHas() {
            var kb = dev.olbot.kb.KnowledgeBase.load(dev.olbot.examples.faq.FaqBot.KNOWLEDGE_BASE);
            for (String set : List.of(FaqEvalSet.TUNING, FaqEvalSet.HELD_OUT)) {
                FaqEvalSet.load(set).cases().forEach(c -> c.expected().forEach(id ->
                        assertThat(kb.entry(id)).as("%s line %d", set, c.line()).isPresent()));
            }
        }
    }

    @Nested
    class Scoring {
        private final FaqEvalSet set = FaqEvalSet.parse("t", "a\tone\nb\ttwo\na+b\tthree\n-\tfour\n-\tfive\n");

        @Test
        void countsARightAnswerAnOfferedEntryAWrongAnswerAndAnUnansweredOutOfScopeMessage() {
            FaqEvaluation.Figures f = FaqEvaluation.evaluate(set, text -> switch (text) {
                case "one" -> new FaqEvaluation.Verdict.Answer("a");
                case "two" -> new FaqEvaluation.Verdict.DidYouMean(List.of("x", "b"));
                case "three" -> new FaqEvaluation.Verdict.Answer("c");
                case "four" -> new FaqEvaluation.Verdict.NoAnswer();
                default -> new FaqEvaluation.Verdict.DidYouMean(List.of("a"));
            });

            assertThat(f.inScope()).isEqualTo(3);
            assertThat(f.top1()).isEqualTo(1);
            assertThat(f.rightOrOffered()).isEqualTo(2);
            assertThat(f.wrongConfident()).isEqualTo(1);
            assertThat(f.outOfScope()).isEqualTo(2);
            assertThat(f.correctNoAnswer()).isEqualTo(1);
        }

        @Test
        void countsTwoAnswersRightOnlyWhenTheMessageAsksBoth() {
            FaqEvaluation.Figures f = FaqEvaluation.evaluate(set, text -> switch (text) {
                case "one" -> new FaqEvaluation.Verdict.Answer(List.of("a", "b"));
                case "three" -> new FaqEvaluation.Verdict.Answer(List.of("a", "b"));
                default -> new FaqEvaluation.Verdict.NoAnswer();
            });

            assertThat(f.top1()).isEqualTo(1);
            assertThat(f.wrongConfident()).isEqualTo(1);
            assertThat(f.twoQuestions()).isEqualTo(1);
            assertThat(f.bothAnswered()).isEqualTo(1);
        }
    }

    @Nested
    class CrossValidation {
        private static final String YAML = """
                entries:
                  - id: delivery-cost
                    questions: {ru: ["Сколько стоит доставка?", "цена доставки", "бесплатная доставка"], en: ["How much is delivery?"]}
                    answer: {ru: "Доставка — 390 ₽.", en: "Delivery is 390 ₽."}
                  - id: delivery-time
                    questions: {ru: ["Сколько идёт доставка?", "когда привезут заказ", "сроки доставки"], en: ["when will it arrive"]}
                    answer: {ru: "1–2 дня.", en: "1–2 days."}
                  - id: order-status
                    questions: {ru: ["Где мой заказ?", "статус заказа", "отследить заказ"], en: ["Where is my order?"]}
                    answer: {ru: "В личном кабинете.", en: "In your account."}
                  - id: installments
                    questions: {ru: ["Можно купить в рассрочку?", "рассрочка", "оплата частями"], en: ["pay monthly"]}
                    answer: {ru: "Да, на 6 или 12 месяцев.", en: "Yes, 6 or 12 months."}
                out_of_scope:
                  reply: {ru: "Я отвечаю только о заказах.", en: "I only answer about orders."}
                  questions:
                    ru: ["заказать пиццу", "доставка еды", "заказ на озоне", "вызвать такси", "курс доллара", "как дела", "прогноз погоды"]
                    en: ["order a pizza", "call a taxi", "how are you", "weather forecast"]
                examples: examples.tsv
                """;
        private static final String EXAMPLES = """
                ## orders
                order-status\tгде заказ
                delivery-time\tкогда привезут
                ## flowers
                -\tдоставка цветов
                -\tзаказать букет цветов с доставкой
                -\tцветы с доставкой к 8 марта
                -\tсколько стоит доставка букета роз
                -\tбукет невесте доставите?
                """;

        @Test
        void judgesEachPartWithAnIndexThatNeverLearnedIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
            java.nio.file.Files.writeString(dir.resolve("kb.yaml"), YAML);
            java.nio.file.Path examples = java.nio.file.Files.writeString(dir.resolve("examples.tsv"), EXAMPLES);
            dev.olbot.kb.KnowledgeBase kb = dev.olbot.kb.KnowledgeBase.load(dir.resolve("kb.yaml"));
            FaqBenchmark bench = new FaqBenchmark(kb, dev.olbot.examples.faq.FaqSettings.defaults());

            FaqEvaluation.Figures learned = FaqEvaluation.evaluate(FaqEvalSet.of("all", kb.examples()), bench::verdict);
            FaqEvaluation.Figures crossValidated = bench.evaluate(examples.toString());

            // learned from, the flower messages are turned away; judged by an index that learned only the orders, they are not
            assertThat(learned.correctNoAnswer()).isEqualTo(5);
            assertThat(crossValidated.correctNoAnswer()).isLessThan(5);
            assertThat(crossValidated.set()).isEqualTo(examples + ", cross-validated by part");
            assertThat(crossValidated.inScope() + crossValidated.outOfScope()).isEqualTo(7);
        }
    }

    @Nested
    class Floors {
        @Test
        void tuningPartStaysAboveItsMeasuredFigures() {
            FaqEvaluation.Figures f = SHIPPED.evaluate(FaqEvalSet.TUNING);

            // round 6 (the classifier's second opinion, a longer out-of-scope list): 75.8 / 95.4 / 1.0 / 89.5%;
            // with the fourth held-out part folded in (round 7's start): 72.1 / 93.0 / 1.2 / 88.5%;
            // round 7 (situation questions and verbs, brands no foreign words, names in both scripts): 77.9 / 96.8 / 0.9 / 88.2%
            // with the fifth held-out part folded in (round 8's start): 74.9 / 96.3 / 1.0 / 86.3%
            // round 8 (out-of-scope examples by business kind, product questions, bare replies, чинить a repair word): 74.8 / 96.3 / 1.0 / 91.4%
            // with the sixth held-out part folded in (round 9's start): 72.7 / 95.6 / 0.9 / 90.9%
            // round 9 (not_ours: other businesses' things; situation questions; marketplace names in Latin; Latin-only messages read in Cyrillic): 74.5 / 96.7 / 1.0 / 92.0%
            // with the seventh held-out part folded in (round 10's start): 73.5 / 96.3 / 1.1 / 91.4%
            // round 10 (the out-of-scope veto yields to an entry the classifier backs; rail, fuel, product features,
            // banks' card services; situation questions): 73.6 / 97.0 / 1.0 / 92.0%
            // with the eighth held-out part folded in (round 11's start): 72.8 / 96.7 / 1.0 / 91.7%
            // round 11 (not_ours shoes, building materials, schools' services; out-of-scope advice, small talk, services
            // by name; situation questions; a bare "ещё" no joining word inside a clause): 73.5 / 97.4 / 1.0 / 93.7%
            // with the ninth held-out part folded in (round 12's start): 72.4 / 96.8 / 1.1 / 93.7%
            // round 12 (our_goods: the shop's goods no foreign words; not_ours: other services' subscriptions, taxes, ATMs,
            // transport, free games; a thing of several words needs all of them; colours; the store's premises; situations):
            // 73.6 / 97.5 / 1.0 / 94.7%
            // with the tenth held-out part folded in (round 13's start): 72.5 / 96.5 / 1.1 / 93.3%
            // round 13 (a word said once beside the thing an example names is no foreign word; out-of-scope examples for
            // jobs, partnerships, the company, the goods' compatibility, post, utilities; not_ours jobs, utilities, fuel,
            // lotteries, banks' bonus programmes; the operators named in the SMS answer; situations; three examples written
            // down to the thing they name): 73.7 / 96.9 / 1.2 / 95.1%
            assertThat(f.top1Rate()).as(f.report()).isGreaterThanOrEqualTo(0.735);
            assertThat(f.rightOrOfferedRate()).as(f.report()).isGreaterThanOrEqualTo(0.967);
            assertThat(f.wrongConfidentRate()).as(f.report()).isLessThanOrEqualTo(0.013);
            assertThat(f.noAnswerRate()).as(f.report()).isGreaterThanOrEqualTo(0.949);
        }

        @Test
        void theClassifiersSecondOpinionAnswersMoreThanTheRankerAloneWithoutMoreWrongAnswers() {
            FaqBenchmark rankerAlone = FaqBenchmark.shipped(dev.olbot.kb.SecondOpinion.off());
            java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();

            FaqEvaluation.Figures before = rankerAlone.run(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8),
                    "tuning", false).get(0);
            FaqEvaluation.Figures after = SHIPPED.evaluate(FaqEvalSet.TUNING);

            assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("decisions: the ranker alone (--ranker-only)");
            // round 12's start 72.4 vs 67.2%; after round 12 73.6 vs 68.6% (the goods list lifted the ranker alone as much);
            // after round 13 73.7 vs 68.9%
            assertThat(after.top1Rate()).isGreaterThan(before.top1Rate() + 0.045);
            assertThat(after.wrongConfident()).isLessThanOrEqualTo(before.wrongConfident());
            assertThat(after.correctNoAnswer()).isGreaterThanOrEqualTo(before.correctNoAnswer());
        }

        @Test
        void heldOutPartStaysAboveItsMeasuredFigures() {
            FaqEvaluation.Figures f = SHIPPED.evaluate(FaqEvalSet.HELD_OUT);

            // the eleventh held-out part (2026-12-02), measured once after round 13 (62.7 / 86.9 / 1.3 / 85.9%):
            // below the targets for right-or-offered and out of scope (95%, 95%), a floor only
            assertThat(f.rightOrOfferedRate()).as(f.report()).isGreaterThanOrEqualTo(0.865);
            assertThat(f.wrongConfidentRate()).as(f.report()).isLessThanOrEqualTo(0.014);
            assertThat(f.noAnswerRate()).as(f.report()).isGreaterThanOrEqualTo(0.855);
        }
    }
}
