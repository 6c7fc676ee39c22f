package dev.olbot.kb;

import java.util.List;

/** What a knowledge base says to a client's message: an answer, a few candidates to pick from, or nothing. */
public sealed interface KbMatch {

    /** An entry and how sure the match is, in [0, 1]. */
    record Candidate(KbEntry entry, double confidence) {}

    /**
     * One entry scored at least the answer threshold and clearly ahead of the rest; {@code also}: the
     * entries of further questions of the same message, each answered with confidence on its own
     * ("сколько стоит доставка? и как вернуть товар"), in message order.
     */
    record Answer(KbEntry entry, double confidence, List<Candidate> also) implements KbMatch {
        public Answer {
            also = List.copyOf(also);
        }

        /** An answer to a message with one question. */
        public Answer(KbEntry entry, double confidence) {
            this(entry, confidence, List.of());
        }

        /** The answered entries in message order: {@link #entry()}, then {@link #also()}. */
        public List<KbEntry> entries() {
            List<KbEntry> out = new java.util.ArrayList<>();
            out.add(entry);
            also.forEach(c -> out.add(c.entry()));
            return List.copyOf(out);
        }
    }

    /** The best entries, best first, scored within the "did you mean" band or too close to each other. */
    record DidYouMean(List<Candidate> candidates) implements KbMatch {
        public DidYouMean {
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("did you mean needs at least one candidate");
            }
        }
    }

    /**
     * No answer: nothing scored inside the band, or an out-of-scope example ({@link KbOutOfScope})
     * matched clearly better than any entry, or the classifier learned from the knowledge base put
     * the message in its out-of-scope class ({@link SecondOpinion}) — both {@code outOfScope};
     * {@code bestConfidence} (the best entry's) is for logs and tuning.
     */
    record NoAnswer(double bestConfidence, boolean outOfScope) implements KbMatch {
        /** Nothing scored inside the band. */
        public NoAnswer(double bestConfidence) {
            this(bestConfidence, false);
        }
    }
}
