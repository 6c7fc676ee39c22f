package dev.olbot.kb;

import java.util.List;

/** What a knowledge base says to a client's message: an answer, a few candidates to pick from, or nothing. */
public sealed interface KbMatch {

    /** An entry and how sure the match is, in [0, 1]. */
    record Candidate(KbEntry entry, double confidence) {}

    /** One entry scored at least the answer threshold and clearly ahead of the rest. */
    record Answer(KbEntry entry, double confidence) implements KbMatch {}

    /** The best entries, best first, scored within the "did you mean" band or too close to each other. */
    record DidYouMean(List<Candidate> candidates) implements KbMatch {
        public DidYouMean {
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("did you mean needs at least one candidate");
            }
        }
    }

    /** Nothing scored inside the band; {@code bestConfidence} is for logs and tuning. */
    record NoAnswer(double bestConfidence) implements KbMatch {}
}
