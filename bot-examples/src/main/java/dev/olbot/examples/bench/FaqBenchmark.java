package dev.olbot.examples.bench;

import dev.olbot.examples.faq.FaqMatch;
import dev.olbot.examples.faq.FaqMatcher;
import dev.olbot.examples.faq.FaqSettings;
import dev.olbot.examples.faq.KnowledgeBase;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * {@code olbot bench faq}: the FAQ bot's matcher, with its shipped settings, over the labelled
 * evaluation set — the tuning part and the held-out part reported separately.
 */
public final class FaqBenchmark {

    private final Function<String, FaqEvaluation.Verdict> matcher;

    public FaqBenchmark(KnowledgeBase kb, FaqSettings settings) {
        FaqMatcher m = new FaqMatcher(kb, settings.threshold(), settings.margin());
        this.matcher = text -> {
            FaqMatch r = m.match(text);
            if (r instanceof FaqMatch.Answer a) {
                return new FaqEvaluation.Verdict.Answer(a.entry().id());
            }
            if (r instanceof FaqMatch.Ambiguous a) {
                return new FaqEvaluation.Verdict.DidYouMean(List.of(a.first().id(), a.second().id()));
            }
            return new FaqEvaluation.Verdict.NoAnswer();
        };
    }

    /** The shipped knowledge base and settings. */
    public static FaqBenchmark shipped() {
        return new FaqBenchmark(KnowledgeBase.load(KnowledgeBase.DEFAULT_RESOURCE), FaqSettings.defaults());
    }

    public FaqEvaluation.Figures evaluate(String resource) {
        return FaqEvaluation.evaluate(FaqEvalSet.load(resource), matcher);
    }

    /** Prints both parts; with {@code verbose}, every miss of the tuning part (never the held-out one's). */
    public List<FaqEvaluation.Figures> run(PrintStream out, boolean verbose, boolean showHeldOutMisses) {
        FaqEvaluation.Figures tuning = evaluate(FaqEvalSet.TUNING);
        FaqEvaluation.Figures heldOut = evaluate(FaqEvalSet.HELD_OUT);
        out.println(tuning.report());
        if (verbose) {
            tuning.misses().forEach(m -> out.println("    " + m));
        }
        out.println(heldOut.report());
        if (showHeldOutMisses) {
            heldOut.misses().forEach(m -> out.println("    " + m));
        }
        return List.of(tuning, heldOut);
    }
}
