package dev.olbot.examples.faq;

/** What the knowledge base says to a client's message: an answer, two close candidates, or nothing. */
public sealed interface FaqMatch {

    /** One entry won clearly. */
    record Answer(FaqEntry entry, double score) implements FaqMatch {}

    /** The two best entries scored within the configured margin of each other. */
    record Ambiguous(FaqEntry first, double firstScore, FaqEntry second, double secondScore) implements FaqMatch {}

    /** Nothing scored above the threshold. */
    record NoMatch(double bestScore) implements FaqMatch {}
}
