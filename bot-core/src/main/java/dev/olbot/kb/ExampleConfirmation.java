package dev.olbot.kb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The team's labelled client messages ({@link KbExamples}) ranked like questions, but only to
 * confirm: a "did you mean" whose first entry is also, clearly, the entry of the examples most like
 * the message is answered — "the clients who wrote this before meant that entry". The examples never
 * put an entry forward that the ranker and the classifier did not, and never answer a message they
 * turned away: ranked as questions, client messages full of the shop's words would answer another
 * business's near misses too (measured: README, "Measured figures"). Immutable and thread-safe.
 */
final class ExampleConfirmation {

    /** The examples' confidence in their first entry from which they confirm it. */
    static final double CONFIRM = 0.7;
    /** How far ahead of the examples' second entry the first must be. */
    static final double LEAD = 0.4;

    private final PhraseIndex<KbEntry> examples;

    private ExampleConfirmation(PhraseIndex<KbEntry> examples) {
        this.examples = examples;
    }

    /**
     * The confirmation of a knowledge base's examples (each labelled with one entry and saying a
     * word); null when it has none. {@code answers}: each entry's answer, its examples' context as it
     * is its questions'.
     */
    static ExampleConfirmation of(KnowledgeBase kb, Map<KbEntry, String> answers) {
        Map<String, KbEntry> phrases = new LinkedHashMap<>();
        for (KbExamples.Example x : kb.examples().all()) {
            if (x.entries().size() == 1 && x.text().codePoints().anyMatch(Character::isLetter)) {
                phrases.putIfAbsent(x.text(), kb.entry(x.entries().iterator().next()).orElseThrow());
            }
        }
        return phrases.isEmpty() ? null : new ExampleConfirmation(PhraseIndex.of(kb.analysis(), phrases, answers));
    }

    /** {@code decided}, or the answer of its first entry when it is a "did you mean" the examples confirm. */
    KbMatch confirm(String text, KbMatch decided) {
        if (!(decided instanceof KbMatch.DidYouMean d)) {
            return decided;
        }
        List<PhraseIndex.Scored<KbEntry>> ranked = examples.rank(text);
        if (ranked.isEmpty()) {
            return decided;
        }
        KbMatch.Candidate first = d.candidates().get(0);
        double second = ranked.size() > 1 ? ranked.get(1).confidence() : 0;
        boolean confirmed = ranked.get(0).value().equals(first.entry()) && ranked.get(0).confidence() >= CONFIRM
                && ranked.get(0).confidence() - second >= LEAD;
        return confirmed ? new KbMatch.Answer(first.entry(), first.confidence()) : decided;
    }
}
