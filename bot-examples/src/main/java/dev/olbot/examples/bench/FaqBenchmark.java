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

    private static final int TIMED_PASSES = 5;

    private final Function<String, FaqEvaluation.Verdict> matcher;

    public FaqBenchmark(KnowledgeBase kb, FaqSettings settings) {
        KnowledgeBaseIndex index = KnowledgeBaseIndex.of(kb, settings.thresholds());
        this.matcher = text -> {
            KbMatch r = index.match(text);
            if (r instanceof KbMatch.Answer a) {
                return new FaqEvaluation.Verdict.Answer(a.entries().stream().map(e -> e.id()).toList());
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

    /**
     * Prints the parts asked for ({@code tuning}, {@code held-out} or {@code both}); with {@code
     * misses}, every miss of the printed parts. While tuning, print only the tuning part: the
     * held-out figures must not steer the tuning.
     */
    public List<FaqEvaluation.Figures> run(PrintStream out, String part, boolean misses) {
        List<String> sets = switch (part) {
            case "tuning" -> List.of(FaqEvalSet.TUNING);
            case "held-out" -> List.of(FaqEvalSet.HELD_OUT);
            case "both" -> List.of(FaqEvalSet.TUNING, FaqEvalSet.HELD_OUT);
            default -> throw new IllegalArgumentException("--part: tuning, held-out or both, got '" + part + "'");
        };
        List<FaqEvaluation.Figures> all = new java.util.ArrayList<>();
        for (String set : sets) {
            FaqEvalSet cases = FaqEvalSet.load(set);
            FaqEvaluation.Figures f = FaqEvaluation.evaluate(cases, matcher); // also the warm-up pass
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < TIMED_PASSES; i++) {
                cases.cases().forEach(c -> matcher.apply(c.message()));
            }
            int n = TIMED_PASSES * cases.cases().size();
            double micros = (System.nanoTime() - start) / 1e3 / n;
            double cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / n;
            out.println(f.report());
            // CPU time of the matching thread: what a message costs, even when other processes share the cores
            out.printf(java.util.Locale.ROOT, "  matching time:                      %.0f us per message, %.0f us of CPU (mean of %d passes after one)%n",
                    micros, cpuMicros, TIMED_PASSES);
            if (misses) {
                f.misses().forEach(m -> out.println("    " + m));
            }
            all.add(f);
        }
        return all;
    }
}
