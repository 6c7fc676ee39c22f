package dev.olbot.examples.bench;

import dev.olbot.examples.faq.FaqBot;
import dev.olbot.examples.faq.FaqSettings;
import dev.olbot.kb.KbMatch;
import dev.olbot.kb.KnowledgeBase;
import dev.olbot.kb.KnowledgeBaseIndex;
import dev.olbot.kb.SecondOpinion;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * {@code olbot bench faq}: the FAQ bot's matcher, with its shipped settings, over the labelled
 * evaluation set — the tuning part and the held-out part reported separately.
 */
public final class FaqBenchmark {

    private static final int TIMED_PASSES = 5;

    private final KnowledgeBase kb;
    private final FaqSettings settings;
    private final Function<String, FaqEvaluation.Verdict> matcher;
    private final KnowledgeBaseIndex index;
    private final double buildMillis;
    /** The heap the index holds on to (lasting, after a GC), measured around its build. */
    private final long heapBytes;
    /** The knowledge base's own examples matched part by part, computed once. */
    private FaqEvaluation.Figures crossValidated;
    /**
     * The last part of the examples and the index learned without it, for timing the examples: the index
     * learned from all of them answers each as labelled at once, which times nothing but a lookup.
     */
    private FaqEvalSet timedPart;
    private Function<String, FaqEvaluation.Verdict> timedMatcher;

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    public FaqBenchmark(KnowledgeBase kb, FaqSettings settings) {
        this(kb, settings, SecondOpinion.defaults());
    }

    /** With the classifier's weight in the decision given ({@link SecondOpinion#off()}: the ranker alone). */
    public FaqBenchmark(KnowledgeBase kb, FaqSettings settings, SecondOpinion opinion) {
        this.kb = kb;
        this.settings = settings;
        long heap = usedHeap();
        long start = System.nanoTime();
        this.index = KnowledgeBaseIndex.of(kb, settings.thresholds(), opinion);
        this.buildMillis = (System.nanoTime() - start) / 1e6;
        this.heapBytes = usedHeap() - heap;
        this.matcher = matcher(index);
    }

    private static Function<String, FaqEvaluation.Verdict> matcher(KnowledgeBaseIndex index) {
        return text -> {
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
        return shipped(SecondOpinion.defaults());
    }

    /** The shipped knowledge base and settings, with the classifier's weight given. */
    public static FaqBenchmark shipped(SecondOpinion opinion) {
        return new FaqBenchmark(KnowledgeBase.load(FaqBot.KNOWLEDGE_BASE), FaqSettings.defaults(), opinion);
    }

    /** What the index learned from the whole knowledge base (every example) does with {@code text}. */
    public FaqEvaluation.Verdict verdict(String text) {
        return matcher.apply(text);
    }

    /**
     * The figures of a labelled set. The knowledge base's own examples (the tuning part) are
     * cross-validated: each of their parts is matched by an index learned without it ({@link
     * #crossValidated}); any other set by the index learned from all of them.
     */
    public FaqEvaluation.Figures evaluate(String resource) {
        return ownExamples(resource) ? crossValidated() : FaqEvaluation.evaluate(FaqEvalSet.load(resource), matcher);
    }

    /** True when {@code resource} is the knowledge base's own examples file (already loaded with it). */
    private boolean ownExamples(String resource) {
        return resource.equals(kb.examples().source());
    }

    /**
     * The knowledge base's examples, each part matched by an index learned from the knowledge base
     * and every other part — so no message is judged by a classifier that learned it (parts are
     * written by different people at different times, so this is also how a new writer's messages
     * fare). The ranker alone learns nothing from examples: then one index matches them all.
     */
    public synchronized FaqEvaluation.Figures crossValidated() {
        if (crossValidated == null) {
            String name = kb.examples().source() + ", cross-validated by part";
            if (index.opinion().equals(SecondOpinion.off())) {
                crossValidated = FaqEvaluation.evaluate(FaqEvalSet.of(name, kb.examples()), matcher);
            } else {
                FaqEvaluation.Figures all = null;
                java.util.Set<Integer> nearMisses = FaqEvalSet.nearMissLines(kb.examples());
                for (String part : kb.examples().parts()) {
                    KnowledgeBaseIndex without = KnowledgeBaseIndex.of(kb.withExamples(kb.examples().without(part)), settings.thresholds(),
                            index.opinion());
                    FaqEvalSet cases = FaqEvalSet.of(name, kb.examples().only(part), nearMisses);
                    Function<String, FaqEvaluation.Verdict> unseen = matcher(without);
                    FaqEvaluation.Figures f = FaqEvaluation.evaluate(cases, unseen);
                    timedPart = cases;
                    timedMatcher = unseen;
                    all = all == null ? f : all.plus(name, f);
                }
                crossValidated = all;
            }
        }
        return crossValidated;
    }

    /**
     * Prints the parts asked for ({@code tuning}, {@code held-out}, {@code both}, or {@code other-businesses}:
     * in-scope messages that name another business in passing); with {@code
     * misses}, every miss of the printed parts. While tuning, print only the tuning part: the
     * held-out figures must not steer the tuning.
     */
    public List<FaqEvaluation.Figures> run(PrintStream out, String part, boolean misses) {
        List<String> sets = switch (part) {
            case "tuning" -> List.of(FaqEvalSet.TUNING);
            case "held-out" -> List.of(FaqEvalSet.HELD_OUT);
            case "both" -> List.of(FaqEvalSet.TUNING, FaqEvalSet.HELD_OUT);
            case "other-businesses" -> List.of(FaqEvalSet.OTHER_BUSINESSES);
            default -> throw new IllegalArgumentException("--part: tuning, held-out, both or other-businesses, got '" + part + "'");
        };
        List<FaqEvaluation.Figures> all = new java.util.ArrayList<>();
        out.printf(java.util.Locale.ROOT, "index built in %.0f ms, holds %.1f MiB of heap; examples: %s; classifier: %s; decisions: %s%n",
                buildMillis, heapBytes / 1048576.0, kb.examples(),
                index.classifierSummary(), index.opinion().equals(SecondOpinion.off()) ? "the ranker alone (--ranker-only)"
                        : "ranker + classifier " + index.opinion());
        for (String set : sets) {
            boolean own = ownExamples(set);
            // the examples' figures come from crossValidated; they are timed on their last part, by the index that did not learn it
            FaqEvaluation.Figures f = own ? crossValidated() : null;
            FaqEvalSet cases = own && timedPart != null ? timedPart : own ? FaqEvalSet.of(set, kb.examples(), java.util.Set.of())
                    : FaqEvalSet.load(set);
            Function<String, FaqEvaluation.Verdict> matcher = own && timedMatcher != null ? timedMatcher : this.matcher;
            if (own) {
                FaqEvaluation.evaluate(cases, matcher); // the warm-up pass
            } else {
                f = FaqEvaluation.evaluate(cases, matcher); // also the warm-up pass
            }
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
