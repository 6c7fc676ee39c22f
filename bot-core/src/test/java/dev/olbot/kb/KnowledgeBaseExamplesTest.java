package dev.olbot.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team's labelled client messages ({@link KbExamples}): their file, and what the classifier learns from them. */
class KnowledgeBaseExamplesTest {

    private static final KnowledgeBase KB = KnowledgeBaseLearnedTest.KB;

    private static final String FLOWERS = """
            ## flowers
            -\tдоставка цветов
            -\tзаказать букет цветов с доставкой
            -\tцветы с доставкой к 8 марта
            -\tсколько стоит доставка букета роз
            -\tбукет невесте доставите?
            """;

    @Nested
    class TheFile {
        @Test
        void readsEachMessageWithTheEntriesThatAnswerItAndThePartItIsIn() {
            KbExamples e = KbExamples.parse("x.tsv", """
                    # written by the support lead
                    delivery-cost\tскока стоит доставака
                    ## second week
                    delivery-time+order-status\tкогда привезут и где он щас
                    -\tпочему небо голубое
                    """);

            assertThat(e.all()).containsExactly(
                    new KbExamples.Example("", Set.of("delivery-cost"), "скока стоит доставака", 2),
                    new KbExamples.Example("second week", Set.of("delivery-time", "order-status"), "когда привезут и где он щас", 4),
                    new KbExamples.Example("second week", Set.of(), "почему небо голубое", 5));
            assertThat(e.parts()).containsExactly("", "second week");
            assertThat(e.all().get(2).inScope()).isFalse();
        }

        @Test
        void leavesOnePartOutOrKeepsOnlyIt() {
            KbExamples e = KbExamples.parse("x.tsv", "## a\n-\tone\n## b\n-\ttwo\n-\tthree\n");

            assertThat(e.without("a").all()).extracting(KbExamples.Example::text).containsExactly("two", "three");
            assertThat(e.only("a").all()).extracting(KbExamples.Example::text).containsExactly("one");
        }

        @Test
        void namesTheFileAndLineOfALineWithoutALabel() {
            assertThatThrownBy(() -> KbExamples.parse("x.tsv", "-\tfine\nno tab here\n"))
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessage("x.tsv:2: expected 'entry-id<TAB>client message' ('-' for out of scope)");
            assertThatThrownBy(() -> KbExamples.parse("x.tsv", "delivery-cost+\tskoka\n"))
                    .isInstanceOf(KnowledgeBaseException.class).hasMessage("x.tsv:1: 'delivery-cost+' is not 'id' or 'id+id'");
        }

        @Test
        void isRefusedWhenAnExampleNamesAnEntryTheBaseDoesNotHave() {
            KbExamples e = KbExamples.parse("x.tsv", "-\tfine\nteleport\tбыстрее можно?\n");

            assertThatThrownBy(() -> KB.withExamples(e)).isInstanceOf(KnowledgeBaseException.class)
                    .hasMessage("x.tsv:2: 'teleport' is no entry's id in shop.yaml");
        }
    }

    @Nested
    class NamedByTheYaml {
        private static final String YAML = """
                entries:
                  - id: delivery-cost
                    questions: {ru: ["Сколько стоит доставка?"]}
                    answer: "390 ₽."
                examples: %s
                """;

        @Test
        void isReadFromTheFolderOfTheKnowledgeBaseFile(@TempDir Path dir) throws Exception {
            Files.writeString(dir.resolve("faq.yaml"), YAML.formatted("faq-examples.tsv"), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("faq-examples.tsv"), "delivery-cost\tскока за доставку\n", StandardCharsets.UTF_8);

            KnowledgeBase kb = KnowledgeBase.load(dir.resolve("faq.yaml"));

            assertThat(kb.examples().all()).extracting(KbExamples.Example::text).containsExactly("скока за доставку");
            assertThat(kb.examples().source()).isEqualTo(dir.resolve("faq-examples.tsv").toString());
        }

        @Test
        void isRefusedWithTheFileNamedWhenTheFileIsMissing(@TempDir Path dir) throws Exception {
            Files.writeString(dir.resolve("faq.yaml"), YAML.formatted("nope.tsv"), StandardCharsets.UTF_8);

            assertThatThrownBy(() -> KnowledgeBase.load(dir.resolve("faq.yaml"))).isInstanceOf(KnowledgeBaseException.class)
                    .hasMessageStartingWith(dir.resolve("nope.tsv") + ": cannot read the examples");
        }

        @Test
        void isRefusedInYamlParsedFromTextWhichHasNoFolder() {
            assertThatThrownBy(() -> KnowledgeBase.parse("t.yaml", YAML.formatted("faq-examples.tsv")))
                    .isInstanceOf(KnowledgeBaseException.class).hasMessageStartingWith("t.yaml: field 'examples': ");
            assertThatThrownBy(() -> KnowledgeBase.parse("t.yaml", YAML.formatted("[a, b]")))
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessage("t.yaml: field 'examples': expected the name of a file of labelled messages, got [\"a\",\"b\"]");
        }
    }

    @Nested
    class Learning {
        @Test
        void turnsAwayAMessageLikeTheTeamsOutOfScopeExamples() {
            KnowledgeBaseIndex without = KnowledgeBaseIndex.of(KB);
            KnowledgeBaseIndex with = KnowledgeBaseIndex.of(KB.withExamples(KbExamples.parse("flowers.tsv", FLOWERS)));

            assertThat(without.match("доставка цветов маме")).isNotInstanceOf(KbMatch.NoAnswer.class);
            assertThat(with.match("доставка цветов маме")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
            assertThat(with.match("Сколько стоит доставка?")).isInstanceOf(KbMatch.Answer.class);
        }

        @Test
        void learnsAnEntryFromHowClientsAskedIt() {
            KbExamples lost = KbExamples.parse("lost.tsv", """
                    order-status\tпосылка потерялась
                    order-status\tпосылку так и не получил
                    order-status\tгде моя посылка
                    """);

            double before = KnowledgeBaseIndex.of(KB).classified("посылка не пришла").get("order-status");
            double after = KnowledgeBaseIndex.of(KB.withExamples(lost)).classified("посылка не пришла").get("order-status");

            assertThat(before).isLessThan(0.3);
            assertThat(after).isGreaterThan(0.5);
        }

        @Test
        void answersAnOfferWhenClientsWroteItTheSameWayBeforeAndOnlyThen() {
            KbExamples monthly = KbExamples.parse("monthly.tsv", """
                    installments\tплатежи помесячно можно ли
                    installments\tа платежи помесячно можно?
                    order-status\tгде посылка
                    """);
            KnowledgeBase kb = KB.withExamples(monthly);

            assertThat(KnowledgeBaseIndex.of(KB).match("платежи помесячно можно?")).isInstanceOf(KbMatch.DidYouMean.class);
            assertThat(KnowledgeBaseIndex.of(kb).match("платежи помесячно можно?")).isInstanceOfSatisfying(KbMatch.Answer.class,
                    a -> assertThat(a.entry().id()).isEqualTo("installments"));
            // the ranker alone learns nothing from examples; and examples never put an entry forward by themselves
            // (but for the very message they hold: answersAMessageWrittenAsAnExampleTheWayTheTeamLabelledIt)
            assertThat(KnowledgeBaseIndex.of(kb, KnowledgeBaseIndex.Thresholds.defaults(), SecondOpinion.off()).match("платежи помесячно можно?"))
                    .isInstanceOf(KbMatch.DidYouMean.class);
            assertThat(KnowledgeBaseIndex.of(kb).match("где же посылка")).isEqualTo(KnowledgeBaseIndex.of(KB).match("где же посылка"));
        }

        @Test
        void turnsAwayALetterHeldDownWhenClientsTypedThatLetterBefore() {
            // "ааааааа" reads as the examples' word "ааа" written twice: it failed with an IndexOutOfBoundsException
            KbExamples shouts = KbExamples.parse("shouts.tsv", "-\tааа\n-\tаааа\n");
            KnowledgeBaseIndex index = KnowledgeBaseIndex.of(KB.withExamples(shouts));

            assertThat(index.match("ааааааа")).isInstanceOf(KbMatch.NoAnswer.class);
        }

        @Test
        void answersAMessageWrittenAsAnExampleTheWayTheTeamLabelledIt() {
            // a team fixes a message its bot got wrong by adding it to the examples, and expects that very message answered
            KbExamples fixes = KbExamples.parse("fixes.tsv", """
                    ## fixes
                    order-status\tкурьер так и не доехал
                    -\tсколько стоит доставка в марс
                    delivery-cost+installments\tа доставка платная? и частями можно?
                    """);
            KnowledgeBaseIndex without = KnowledgeBaseIndex.of(KB);
            KnowledgeBaseIndex with = KnowledgeBaseIndex.of(KB.withExamples(fixes));

            assertThat(without.match("курьер так и не доехал")).isNotInstanceOf(KbMatch.Answer.class);
            assertThat(with.match("Курьер так и не доехал!!")).isInstanceOfSatisfying(KbMatch.Answer.class,
                    a -> assertThat(a.entry().id()).isEqualTo("order-status"));
            assertThat(without.match("сколько стоит доставка в марс")).isInstanceOf(KbMatch.Answer.class);
            assertThat(with.match("Сколько стоит доставка в Марс?")).isInstanceOfSatisfying(KbMatch.NoAnswer.class,
                    n -> assertThat(n.outOfScope()).isTrue());
            assertThat(with.match("а доставка платная? и частями можно?")).isInstanceOfSatisfying(KbMatch.Answer.class,
                    a -> assertThat(a.entries()).extracting(KbEntry::id).containsExactly("delivery-cost", "installments"));
            // only the message as written: the rest is still the matcher's
            assertThat(with.match("сколько стоит доставка")).isInstanceOfSatisfying(KbMatch.Answer.class,
                    a -> assertThat(a.entry().id()).isEqualTo("delivery-cost"));
        }

        @Test
        void leavesAMessageWhoseCopiesAreLabelledDifferentlyToTheMatcher() {
            KbExamples disputed = KbExamples.parse("disputed.tsv", """
                    ## one writer
                    delivery-time\tдоставка
                    ## another
                    delivery-cost\tдоставка
                    """);

            KbMatch decided = KnowledgeBaseIndex.of(KB.withExamples(disputed)).match("доставка");

            assertThat(decided instanceof KbMatch.Answer a && a.confidence() == 1.0).as("taken as labelled: %s", decided).isFalse();
        }

        @Test
        void learnsNothingFromAMessageWithTwoQuestions() {
            KbExamples two = KbExamples.parse("two.tsv", "order-status+installments\tпосылка потерялась, и рассрочка есть?\n");

            assertThat(KnowledgeBaseIndex.of(KB.withExamples(two)).classified("посылка потерялась"))
                    .isEqualTo(KnowledgeBaseIndex.of(KB).classified("посылка потерялась"));
        }
    }

    @Test
    void areNoneForABaseBuiltInCodeOrParsedWithoutThem() {
        assertThat(KB.examples()).isSameAs(KbExamples.none());
        assertThat(KbExamples.none().all()).isEqualTo(List.of());
    }
}
