package dev.olbot.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How the classifier's probabilities change the ranker's decision. */
class SecondOpinionTest {

    private static final Object OUT = "out";
    private static final KbEntry COST = entry("delivery-cost");
    private static final KbEntry TIME = entry("delivery-time");
    private static final KbEntry PLAN = entry("installments");

    private static KbEntry entry(String id) {
        return new KbEntry(id, Map.of("ru", List.of("вопрос " + id)), LocalText.of("ответ", "answer"), List.of(), List.of());
    }

    private static KbMatch offered(KbEntry first, double confidence, KbEntry second) {
        return new KbMatch.DidYouMean(List.of(new KbMatch.Candidate(first, confidence), new KbMatch.Candidate(second, confidence - 0.05)));
    }

    private static Map<Object, Double> p(double cost, double time, double plan, double out) {
        return Map.of(COST, cost, TIME, time, PLAN, plan, OUT, out);
    }

    private final SecondOpinion opinion = SecondOpinion.defaults();

    @Nested
    class TheyAgree {
        @Test
        void answersADidYouMeanWhoseFirstEntryTheClassifierBacks() {
            KbMatch m = opinion.apply(offered(PLAN, 0.47, COST), p(0.03, 0.02, 0.9, 0.05), OUT, false);

            assertThat(m).isEqualTo(new KbMatch.Answer(PLAN, 0.47));
        }

        @Test
        void keepsTheDidYouMeanWhenTheClassifierBacksTheRunnerUpToo() {
            KbMatch ranked = offered(COST, 0.55, TIME);

            assertThat(opinion.apply(ranked, p(0.6, 0.3, 0.05, 0.05), OUT, false)).isEqualTo(ranked);
        }

        @Test
        void keepsTheDidYouMeanOfAWeakMatch() {
            KbMatch ranked = offered(PLAN, 0.32, COST);

            assertThat(opinion.apply(ranked, p(0.03, 0.02, 0.9, 0.05), OUT, false)).isEqualTo(ranked);
        }

        @Test
        void keepsTheDidYouMeanOfAMessageWithAForeignWord() {
            KbMatch ranked = offered(PLAN, 0.56, COST); // "статус заказа такси": "такси" is only an out-of-scope example's word

            assertThat(opinion.apply(ranked, p(0.03, 0.02, 0.9, 0.05), OUT, true)).isEqualTo(ranked);
        }
    }

    @Nested
    class TheyDisagree {
        @Test
        void offersTheAnswerAndTheClassifiersEntryInsteadOfAnswering() {
            KbMatch m = opinion.apply(new KbMatch.Answer(COST, 0.7), p(0.1, 0.8, 0.05, 0.05), OUT, false);

            assertThat(m).isInstanceOfSatisfying(KbMatch.DidYouMean.class,
                    d -> assertThat(d.candidates()).extracting(KbMatch.Candidate::entry).containsExactly(COST, TIME));
        }

        @Test
        void answersWhenTheClassifierStillGivesTheEntrySomeChance() {
            KbMatch ranked = new KbMatch.Answer(COST, 0.7);

            assertThat(opinion.apply(ranked, p(0.3, 0.6, 0.05, 0.05), OUT, false)).isEqualTo(ranked);
        }

        @Test
        void leavesTwoAnswersOfTwoQuestionsAlone() {
            KbMatch ranked = new KbMatch.Answer(COST, 0.7, List.of(new KbMatch.Candidate(PLAN, 0.8)));

            assertThat(opinion.apply(ranked, p(0.1, 0.8, 0.05, 0.05), OUT, false)).isEqualTo(ranked);
        }
    }

    @Nested
    class OutOfScope {
        @Test
        void turnsAwayAnAnswerOrADidYouMeanWhenTheOutOfScopeClassWinsClearly() {
            assertThat(opinion.apply(new KbMatch.Answer(COST, 0.7), p(0.08, 0.06, 0.06, 0.8), OUT, false))
                    .isEqualTo(new KbMatch.NoAnswer(0.7, true));
            assertThat(opinion.apply(offered(TIME, 0.4, COST), p(0.08, 0.06, 0.06, 0.8), OUT, false))
                    .isEqualTo(new KbMatch.NoAnswer(0.4, true));
        }

        @Test
        void offersTheRankersEntriesWhenTheClassifierAlsoBacksTheRankersFirstEntry() {
            KbMatch ranked = offered(TIME, 0.31, COST);

            assertThat(opinion.apply(ranked, p(0.05, 0.18, 0.02, 0.5), OUT, false)).isEqualTo(ranked);
            assertThat(opinion.apply(new KbMatch.Answer(COST, 0.7), p(0.15, 0.05, 0.05, 0.55), OUT, false))
                    .isEqualTo(new KbMatch.DidYouMean(List.of(new KbMatch.Candidate(COST, 0.7))));
        }

        @Test
        void turnsAwayWhenTheEntryItBacksIsNotTheRankersFirst() {
            assertThat(opinion.apply(offered(TIME, 0.31, COST), p(0.18, 0.05, 0.02, 0.5), OUT, false))
                    .isEqualTo(new KbMatch.NoAnswer(0.31, true));
        }

        @Test
        void turnsAwayWhenItBacksTheRankersFirstEntryTooWeakly() {
            assertThat(opinion.apply(offered(TIME, 0.31, COST), p(0.03, 0.06, 0.02, 0.5), OUT, false))
                    .isEqualTo(new KbMatch.NoAnswer(0.31, true));
        }

        @Test
        void answersWhenTheOutOfScopeClassIsOnlyTheLikeliest() {
            KbMatch ranked = new KbMatch.Answer(COST, 0.7);

            assertThat(opinion.apply(ranked, p(0.35, 0.1, 0.1, 0.45), OUT, false)).isEqualTo(ranked);
        }

        @Test
        void neverMakesAnAnswerOfNoAnswer() {
            KbMatch none = new KbMatch.NoAnswer(0.1);

            assertThat(opinion.apply(none, p(0.9, 0.05, 0.03, 0.02), OUT, false)).isEqualTo(none);
        }

        @Test
        void answersAMessageTheRankerTurnedAwayWhenTheClassifierIsSureOfOneEntry() {
            KbMatch away = new KbMatch.NoAnswer(0.68, true); // "нам нужен счет на юрлицо, берём 5 мониторов в офис"

            assertThat(opinion.apply(away, p(0.87, 0.03, 0.02, 0.05), OUT, false)).isEqualTo(new KbMatch.Answer(COST, 0.87));
        }

        @Test
        void keepsTurningAwayWhenTheClassifierIsNotSureOrAForeignWordIsSaid() {
            KbMatch away = new KbMatch.NoAnswer(0.6, true);

            assertThat(opinion.apply(away, p(0.55, 0.2, 0.1, 0.1), OUT, false)).isEqualTo(away); // under 0.6
            assertThat(opinion.apply(away, p(0.7, 0.05, 0.05, 0.2), OUT, false)).isEqualTo(away); // "not ours" over a quarter
            assertThat(opinion.apply(away, p(0.9, 0.05, 0.03, 0.02), OUT, true)).isEqualTo(away); // "доставка пиццы"
            assertThat(SecondOpinion.off().apply(away, p(0.9, 0.05, 0.03, 0.02), OUT, false)).isEqualTo(away);
        }
    }

    @Nested
    class Settings {
        @Test
        void offLeavesTheRankersDecisionAsItIs() {
            SecondOpinion off = SecondOpinion.off();
            KbMatch answer = new KbMatch.Answer(COST, 0.7);
            KbMatch offer = offered(PLAN, 0.5, COST);

            assertThat(off.apply(answer, p(0.0, 0.0, 0.0, 1.0), OUT, false)).isEqualTo(answer);
            assertThat(off.apply(answer, p(0.0, 1.0, 0.0, 0.0), OUT, false)).isEqualTo(answer);
            assertThat(off.apply(offer, p(0.0, 0.0, 1.0, 0.0), OUT, false)).isEqualTo(offer);
        }

        @Test
        void refusesAValueOutOfItsRangeNamingIt() {
            assertThatThrownBy(() -> new SecondOpinion(1.5, 0.4, 0.2, 0.5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("second opinion: agree must be in 0..1, got 1.5");
            assertThatThrownBy(() -> new SecondOpinion(0.5, 0.4, -0.1, 0.5)).hasMessageContaining("doubt");
            assertThatThrownBy(() -> new SecondOpinion(0.5, 0.4, 0.2, Double.NaN)).hasMessageContaining("outOfScope");
            assertThatThrownBy(() -> new SecondOpinion(0.5, 0.4, 0.2, 0.5, -1)).hasMessage("second opinion: backed must be in 0..2, got -1.0");
        }
    }
}
