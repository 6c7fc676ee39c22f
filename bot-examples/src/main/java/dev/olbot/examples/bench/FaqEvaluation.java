package dev.olbot.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Scores a FAQ matcher on a {@link FaqEvalSet}: for in-scope messages, how often the confident
 * answer is right (top-1), how often the right entry is answered or offered in "did you mean", and
 * how often a confident answer is wrong; for out-of-scope messages, how often the matcher says it
 * has no answer. {@code olbot bench faq} prints these for the tuning and the held-out part.
 */
public final class FaqEvaluation {

    /** What a matcher did with one message, reduced to entry ids. */
    public sealed interface Verdict {
        /** A confident answer: one entry, or several for a message of several questions, in message order. */
        record Answer(List<String> ids) implements Verdict {
            public Answer {
                ids = List.copyOf(ids);
            }

            public Answer(String id) {
                this(List.of(id));
            }
        }

        /** A "did you mean" keyboard with these entries. */
        record DidYouMean(List<String> ids) implements Verdict {}

        /** No answer. */
        record NoAnswer() implements Verdict {}
    }

    /** The figures of one set; rates are 0..1. */
    public record Figures(String set, int inScope, int top1, int rightOrOffered, int wrongConfident, int outOfScope,
            int correctNoAnswer, int twoQuestions, int bothAnswered, int nearMisses, int nearMissesUnanswered,
            List<String> misses) {

        public double top1Rate() {
            return rate(top1, inScope);
        }

        public double rightOrOfferedRate() {
            return rate(rightOrOffered, inScope);
        }

        public double wrongConfidentRate() {
            return rate(wrongConfident, inScope);
        }

        public double noAnswerRate() {
            return rate(correctNoAnswer, outOfScope);
        }

        /** One line per figure, the way {@code olbot bench faq} prints them. */
        public String report() {
            return String.format(java.util.Locale.ROOT, """
                    %s: %d client messages, %d out-of-scope
                      top-1 right answer:                 %5.1f%% (%d)
                      right answer or in did-you-mean:    %5.1f%% (%d)   target >= 95%%
                      wrong confident answer:             %5.1f%% (%d)   target <= 2%%
                      out-of-scope correctly unanswered:  %5.1f%% (%d)   target >= 95%%
                      two questions, both answered:       %d of %d""",
                    set, inScope, outOfScope, 100 * top1Rate(), top1, 100 * rightOrOfferedRate(), rightOrOffered,
                    100 * wrongConfidentRate(), wrongConfident, 100 * noAnswerRate(), correctNoAnswer, bothAnswered,
                    twoQuestions) + (nearMisses == 0 ? "" : String.format(java.util.Locale.ROOT,
                    "\n  of them near misses, unanswered:    %5.1f%% (%d of %d); the other out-of-scope %.1f%% (%d of %d)",
                    100 * rate(nearMissesUnanswered, nearMisses), nearMissesUnanswered, nearMisses,
                    100 * rate(correctNoAnswer - nearMissesUnanswered, outOfScope - nearMisses), correctNoAnswer - nearMissesUnanswered,
                    outOfScope - nearMisses));
        }

        /** The figures of this set and {@code other} together, as one set named {@code set}. */
        public Figures plus(String set, Figures other) {
            List<String> all = new ArrayList<>(misses);
            all.addAll(other.misses);
            return new Figures(set, inScope + other.inScope, top1 + other.top1, rightOrOffered + other.rightOrOffered,
                    wrongConfident + other.wrongConfident, outOfScope + other.outOfScope, correctNoAnswer + other.correctNoAnswer,
                    twoQuestions + other.twoQuestions, bothAnswered + other.bothAnswered, nearMisses + other.nearMisses,
                    nearMissesUnanswered + other.nearMissesUnanswered, List.copyOf(all));
        }

        private static double rate(int n, int of) {
            return of == 0 ? 0 : (double) n / of;
        }
    }

    private FaqEvaluation() {}

    /** Runs the matcher over every case of the set. */
    public static Figures evaluate(FaqEvalSet set, Function<String, Verdict> matcher) {
        int inScope = 0, top1 = 0, offered = 0, wrong = 0, oos = 0, none = 0, two = 0, both = 0, near = 0, nearNone = 0;
        List<String> misses = new ArrayList<>();
        for (FaqEvalSet.Case c : set.cases()) {
            Verdict v = matcher.apply(c.message());
            if (!c.inScope()) {
                oos++;
                near += c.nearMiss() ? 1 : 0;
                if (v instanceof Verdict.NoAnswer) {
                    none++;
                    nearNone += c.nearMiss() ? 1 : 0;
                } else {
                    misses.add("line " + c.line() + (c.nearMiss() ? " out-of-scope (near miss) got " : " out-of-scope got ") + v + ": " + c.message());
                }
                continue;
            }
            inScope++;
            if (c.expected().size() > 1) {
                two++;
            }
            if (v instanceof Verdict.Answer a) {
                // every answer given must be one the message asks for
                if (c.expected().containsAll(a.ids())) {
                    top1++;
                    offered++;
                    if (a.ids().size() > 1 && a.ids().size() == c.expected().size()) {
                        both++;
                    }
                } else {
                    wrong++;
                    misses.add("line " + c.line() + " WRONG " + a.ids() + " for " + c.expected() + ": " + c.message());
                }
            } else if (v instanceof Verdict.DidYouMean d && d.ids().stream().anyMatch(c.expected()::contains)) {
                offered++;
            } else {
                misses.add("line " + c.line() + " " + v + " for " + c.expected() + ": " + c.message());
            }
        }
        return new Figures(set.name(), inScope, top1, offered, wrong, oos, none, two, both, near, nearNone, misses);
    }
}
