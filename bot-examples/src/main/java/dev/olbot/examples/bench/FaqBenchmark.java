package dev.olbot.examples.bench;

import dev.olbot.examples.faq.FaqBot;
import dev.olbot.examples.faq.FaqSettings;
import dev.olbot.kb.KbMatch;
import dev.olbot.kb.KnowledgeBase;
import dev.olbot.kb.KnowledgeBaseIndex;
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
        KnowledgeBaseIndex index = KnowledgeBaseIndex.of(kb, settings.thresholds());
        this.matcher = text -> {
            KbMatch r = index.match(text);
            if (r instanceof KbMatch.Answer a) {
                return new FaqEvaluation.Verdict.Answer(a.entry().id());
            }
            if (r instanceof KbMatch.DidYouMean d) {
                return new FaqEvaluation.Verdict.DidYouMean(d.candidates().stream().map(c -> c.entry().id()).toList());
            }
            return new FaqEvaluation.Verdict.NoAnswer();
        };
    }

    /** The shipped knowledge base and settings. */
    public static FaqBenchmark shipped() {
        return new FaqBenchmark(KnowledgeBase.load(FaqBot.KNOWLEDGE_BASE), FaqSettings.defaults());
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
