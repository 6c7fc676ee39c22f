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

        @Test
        void countsTheNearMissesAfterTheirCommentLineOnTheirOwn() {
            FaqEvalSet marked = FaqEvalSet.parse("t", "a\tone\n-\thi\n# near misses\n-\tpizza delivery\n-\tbank card\n## next part\n-\tbye\n");
            FaqEvaluation.Figures f = FaqEvaluation.evaluate(marked, text -> text.equals("bank card")
                    ? new FaqEvaluation.Verdict.Answer("a") : new FaqEvaluation.Verdict.NoAnswer());

            assertThat(marked.cases()).filteredOn(FaqEvalSet.Case::nearMiss).extracting(FaqEvalSet.Case::message)
                    .containsExactly("pizza delivery", "bank card");
            assertThat(f.nearMisses()).isEqualTo(2);
            assertThat(f.nearMissesUnanswered()).isEqualTo(1);
            assertThat(f.report()).contains("of them near misses, unanswered:     50.0% (1 of 2); the other out-of-scope 100.0% (2 of 2)");
            assertThat(f.misses()).contains("line 5 out-of-scope (near miss) got Answer[ids=[a]]: bank card");
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

            // Up to round 13 the tuning part was measured as it was tuned on (73.7 / 96.9 / 1.2 / 95.1% after round 13, see
            // the README). Since the classifier learns from it (the knowledge base's examples), each of its parts is matched
            // by an index learned without that part: the eleventh held-out part folded in as the fifteenth part,
            // outside class 5, L2 0.00005: 79.1 / 95.8 / 1.0 / 94.5%; the examples confirming an offer: 81.8 / 95.7 / 1.1 / 94.5%;
            // the twelfth held-out part folded in as the sixteenth part: 81.0 / 95.0 / 1.3 / 92.4%; Latin-typed Russian that only
            // the classifier turned away read in Cyrillic: 81.3 / 95.3 / 1.3 / 92.3%; the classifier answering what the ranker turned
            // away when it is sure (SecondOpinion.overrule 0.6): 81.5 / 95.4 / 1.3 / 92.3%; the thirteenth held-out part folded
            // in as the seventeenth part: 80.6 / 94.7 / 1.4 / 91.1%; a part that reports what happened left unanswered beside
            // one that does not (Reports): 80.8 / 94.9 / 1.2 / 91.1%; one foreign word in a message of 6 topic words or more
            // a detail of a story (PhraseIndex.STORY_TOPIC_WORDS): 81.0 / 95.0 / 1.2 / 91.1%; the fourteenth held-out part
            // folded in as the eighteenth part: 80.5 / 95.1 / 1.2 / 90.3%; examples answered as labelled when written alike:
            // 80.9 / 95.1 / 1.2 / 90.3%; not_ours and our_goods broadened (693 and 287 entries, written from general knowledge,
            // not from the examples) and goods before not_ours: 81.0 / 95.3 / 1.2 / 93.4%; cities as one synonym group and 177
            // general out-of-scope phrasings: 81.4 / 95.5 / 1.1 / 93.4%; without the 14 of them that named a good or "когда":
            // 81.4 / 95.5 / 1.1 / 93.5%; the fifteenth held-out part folded in as the nineteenth part: 81.4 / 95.4 / 1.2 / 92.7%.
            // Three harder parts written as training examples (in-scope by kind of difficulty; 443 near misses of other
            // businesses), the outside class weighing 8 and not_ours yielding to a message that speaks to the shop: 80.0 / 94.3 /
            // 1.3 / 89.6% on all 22 parts, 80.8 / 95.0 / 1.1 / 94.5% on the nineteen older ones (near misses 169 -> 177 of 206);
            // the ranker's out-of-scope phrases yielding to it too when an entry reaches the answer threshold, and a phrase that
            // shares only a good's name with the message not counting: 80.1 / 94.4 / 1.3 / 89.6% (older parts 80.9 / 95.1 / 1.1 /
            // 94.5%)
            assertThat(f.set()).endsWith("cross-validated by part");
            assertThat(f.top1Rate()).as(f.report()).isGreaterThanOrEqualTo(0.795);
            assertThat(f.rightOrOfferedRate()).as(f.report()).isGreaterThanOrEqualTo(0.94);
            assertThat(f.wrongConfidentRate()).as(f.report()).isLessThanOrEqualTo(0.014);
            assertThat(f.noAnswerRate()).as(f.report()).isGreaterThanOrEqualTo(0.89); // twenty-two parts: 89.6%
            assertThat(f.bothAnswered()).as(f.report()).isGreaterThanOrEqualTo(120); // 125 of 191
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
            // after round 13 73.7 vs 68.9%; learning from the examples (cross-validated by part) 79.1 vs 68.4%; the examples
            // confirming an offer 81.8 vs 68.4%; with the twelfth held-out part folded in 81.0 vs 67.4%
            assertThat(after.top1Rate()).isGreaterThan(before.top1Rate() + 0.12);
            assertThat(after.wrongConfident()).isLessThanOrEqualTo(before.wrongConfident());
            assertThat(after.correctNoAnswer()).isGreaterThanOrEqualTo(before.correctNoAnswer());
        }

        @Test
        void neverTurnsAwayAShopQuestionForTheGoodItNames() {
            // product advice among the out-of-scope phrasings ("какой телевизор выбрать в спальню") once made "телевизор"
            // another business's word: "заказал телевизор, когда привезут?" got the out-of-scope reply
            for (String asked : java.util.List.of("заказал телевизор, когда привезут?", "заказал телевизор домой, когда привезут?",
                    "аккумулятор ноутбука не заряжается, гарантия?", "купил ноутбук, когда привезут?", "купил смартфон, можно вернуть?")) {
                assertThat(SHIPPED.verdict(asked)).as(asked).isNotInstanceOf(FaqEvaluation.Verdict.NoAnswer.class);
            }
        }

        @Test
        void theFaqBotAnswersEachOfItsExamplesAsTheTeamLabelledIt() {
            // before: the bot that had learned them answered 86.4% right at once, offered 95.8%, and turned away 90.9% of the "-"
            java.util.List<String> wrong = new java.util.ArrayList<>();
            for (dev.olbot.kb.KbExamples.Example example : dev.olbot.kb.KnowledgeBase.load(dev.olbot.examples.faq.FaqBot.KNOWLEDGE_BASE)
                    .examples().all()) {
                FaqEvaluation.Verdict verdict = SHIPPED.verdict(example.text());
                boolean asLabelled = example.inScope()
                        ? verdict instanceof FaqEvaluation.Verdict.Answer a && java.util.Set.copyOf(a.ids()).equals(example.entries())
                        : verdict instanceof FaqEvaluation.Verdict.NoAnswer;
                if (!asLabelled) {
                    wrong.add("line " + example.line() + " " + example.entries() + " got " + verdict + ": " + example.text());
                }
            }

            assertThat(wrong).isEmpty();
        }

        @Test
        void heldOutPartStaysAboveItsMeasuredFigures() {
            FaqEvaluation.Figures f = SHIPPED.evaluate(FaqEvalSet.HELD_OUT);

            // the sixteenth held-out part (2026-12-02), measured when it came, with the eleventh session's matcher learning
            // from nineteen parts of examples: 78.9 / 90.1 / 1.4 / 79.4% (the fifteenth part had ended at 79.1 / 93.7 / 1.5 /
            // 84.8%; this one lost 71 word-for-word repeats of the examples, the easy ones); with the twelfth session's
            // training parts, outside class 8 and not_ours yielding to a message that speaks to the shop: 78.9 / 90.8 / 1.4 /
            // 81.4%; with the ranker's rules of that session's end: 79.6 / 91.5 / 1.4 / 81.4%; below the targets, a floor only
            assertThat(f.top1Rate()).as(f.report()).isGreaterThanOrEqualTo(0.78);
            assertThat(f.rightOrOfferedRate()).as(f.report()).isGreaterThanOrEqualTo(0.90);
            assertThat(f.wrongConfidentRate()).as(f.report()).isLessThanOrEqualTo(0.02);
            assertThat(f.noAnswerRate()).as(f.report()).isGreaterThanOrEqualTo(0.81);
        }

        @Test
        void answersMostClientsWhoNameAnotherBusinessInPassing() {
            FaqEvaluation.Figures f = SHIPPED.evaluate(FaqEvalSet.OTHER_BUSINESSES);

            // "от какой суммы у вас бесплатная доставка? на озоне вот от тысячи": before not_ours yielded to a message that
            // speaks to the shop, 44.7 / 56.0 / 1.5% (right / right or offered / wrong); after, 54.9 / 68.4 / 1.9%; with the
            // ranker's out-of-scope phrases ("заказ на озоне") yielding to such a message too when an entry reaches the answer
            // threshold, 56.4 / 71.8 / 1.9% (59.0 / 76.3 / 1.9% at any threshold, but "do you have job openings" got offered the
            // working hours)
            assertThat(f.inScope()).isGreaterThanOrEqualTo(250);
            assertThat(f.rightOrOfferedRate()).as(f.report()).isGreaterThanOrEqualTo(0.71);
            assertThat(f.wrongConfidentRate()).as(f.report()).isLessThanOrEqualTo(0.02);
        }
    }
}
