package dev.olbot.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a {@link KnowledgeBaseIndex} weighs the classifier it learns from its knowledge base (each
 * entry's questions one class, the out-of-scope examples another: {@link KbClassifier}) against the
 * ranker's decision (BM25 + typos, {@link PhraseIndex}). The ranker decides first; then:
 * <ul>
 *   <li><b>they agree → answer</b>: a "did you mean" whose first entry is the classifier's most likely
 *       class, with a probability of at least {@code agree}, and a ranker confidence of at least
 *       {@code agreeConfidence}, is answered when the classifier gives the runner-up less than {@code
 *       doubt} and the message says no foreign word ("можно платить частями" → instalments;
 *       "статус заказа анекдот" stays a "did you mean": "анекдот" is an out-of-scope example's word);
 *   <li><b>they disagree → did you mean</b>: an answer whose entry the classifier gives less than
 *       {@code doubt}, while another entry is its most likely class, becomes a "did you mean" of the
 *       two;
 *   <li><b>out of scope wins clearly → no answer</b>: when the out-of-scope class has a probability of
 *       at least {@code outOfScope}, an answer or a "did you mean" becomes {@link KbMatch.NoAnswer}
 *       with {@code outOfScope} set — unless <b>the classifier backs the ranker's first entry</b>: it
 *       is the classifier's most likely entry, with a probability of at least {@code backed}; then
 *       the ranker's entries are offered (a "did you mean"), since both readings are plausible ("я
 *       живу в германии, можно заказать к себе туда?": "not ours" 0.50, the delivery regions 0.18 and
 *       the ranker's first).
 *   <li><b>the classifier is sure where the ranker turned away → answer</b>: a message the ranker
 *       turned away as out of scope (an out-of-scope example outscored the entries) that says no
 *       foreign word is answered with the classifier's most likely entry when that has a probability
 *       of at least {@code overrule} and "not ours" at most a quarter of it ("нам нужен счет на
 *       юрлицо, берём 5 мониторов в офис": the examples about offices and companies outscored the
 *       invoice's questions; the classifier gives the invoice 0.87, "not ours" 0.05). Any other message
 *       the ranker turned away stays turned away.
 * </ul>
 * A message equal to a question (a button) is answered as before; a knowledge base with fewer than
 * {@value #MIN_CLASSES} classes learns nothing (too few to tell apart). The defaults were chosen
 * with {@code olbot bench faq} on the tuning part of the FAQ evaluation set.
 *
 * @param agree the classifier's probability from which it confirms the ranker's first "did you mean" entry (0..1)
 * @param agreeConfidence the ranker's confidence that entry needs as well (0..1)
 * @param doubt below this probability of an entry the classifier does not back it (0..1)
 * @param outOfScope the out-of-scope class's probability that turns a message away (0..1; above 1: never)
 * @param backed from this probability of the ranker's first entry, when no other entry is more
 *     likely, the classifier backs it: a message it would turn away is offered the ranker's entries
 *     instead (0..1; above 1: never)
 * @param overrule from this probability of its most likely entry (and "not ours" at most a quarter
 *     of it), the classifier answers a message the ranker turned away as out of scope (0..1; above 1:
 *     never)
 */
public record SecondOpinion(double agree, double agreeConfidence, double doubt, double outOfScope, double backed, double overrule) {

    /** A knowledge base needs at least this many classes (entries, plus out of scope) for the classifier to be learned. */
    public static final int MIN_CLASSES = 4;

    public SecondOpinion {
        check("agree", agree, 1);
        check("agreeConfidence", agreeConfidence, 1);
        check("doubt", doubt, 1);
        check("outOfScope", outOfScope, 2);
        check("backed", backed, 2);
        check("overrule", overrule, 2);
    }

    /** With {@code overrule} at its default ({@value #OVERRULE}). */
    public SecondOpinion(double agree, double agreeConfidence, double doubt, double outOfScope, double backed) {
        this(agree, agreeConfidence, doubt, outOfScope, backed, OVERRULE);
    }

    /**
     * The default {@code overrule}, chosen on the FAQ examples' cross-validation: 0.6 answered four more
     * messages of 2,426 (three invoices for companies, one request for contacts), none wrongly, and let no
     * out-of-scope message through; 0.85 one; as an offer instead of an answer at 0.5 or below, two
     * out-of-scope messages came through.
     */
    public static final double OVERRULE = 0.6;

    /** With {@code backed} at its default ({@value #BACKED}). */
    public SecondOpinion(double agree, double agreeConfidence, double doubt, double outOfScope) {
        this(agree, agreeConfidence, doubt, outOfScope, BACKED);
    }

    /** The default {@code backed}. */
    public static final double BACKED = 0.1;

    /** agree 0.5, agreeConfidence 0.4, doubt 0.2, outOfScope 0.5, backed 0.1, overrule 0.6. */
    public static SecondOpinion defaults() {
        return new SecondOpinion(0.5, 0.4, 0.2, 0.5, BACKED, OVERRULE);
    }

    /**
     * The ranker alone: the classifier is still learned (its probabilities are there for tuning)
     * but changes no decision.
     */
    public static SecondOpinion off() {
        return new SecondOpinion(1, 1, 0, 2, 2, 2);
    }

    private static void check(String name, double v, int max) {
        if (!(v >= 0 && v <= max)) {
            throw new IllegalArgumentException("second opinion: " + name + " must be in 0.." + max + ", got " + v);
        }
    }

    /**
     * The decision after the classifier's opinion ({@code p}: each class's probability; {@code
     * outside}: the out-of-scope class; {@code foreignWord}: the message says a word only the
     * out-of-scope examples have, so the ranker's "did you mean" stays one).
     */
    KbMatch apply(KbMatch ranked, Map<Object, Double> p, Object outside, boolean foreignWord) {
        if (p.isEmpty()) {
            return ranked;
        }
        KbEntry top = null;
        double pTop = -1;
        for (Map.Entry<Object, Double> e : p.entrySet()) {
            if (e.getKey() instanceof KbEntry k && e.getValue() > pTop) {
                top = k;
                pTop = e.getValue();
            }
        }
        if (ranked instanceof KbMatch.NoAnswer n && n.outOfScope()) {
            boolean sure = top != null && pTop >= overrule && p.getOrDefault(outside, 0.0) <= overrule / 4;
            return sure && !foreignWord ? new KbMatch.Answer(top, pTop) : ranked;
        }
        boolean turnedAway = p.getOrDefault(outside, 0.0) >= outOfScope;
        if (turnedAway && backs(ranked, top, pTop)) {
            return offer(ranked);
        }
        if (ranked instanceof KbMatch.Answer a) {
            if (turnedAway) {
                return new KbMatch.NoAnswer(a.confidence(), true);
            }
            if (a.also().isEmpty() && top != null && !top.equals(a.entry()) && p.getOrDefault(a.entry(), 0.0) < doubt) {
                List<KbMatch.Candidate> two = new ArrayList<>();
                two.add(new KbMatch.Candidate(a.entry(), a.confidence()));
                two.add(new KbMatch.Candidate(top, pTop));
                return new KbMatch.DidYouMean(two);
            }
            return ranked;
        }
        if (ranked instanceof KbMatch.DidYouMean d) {
            if (turnedAway) {
                return new KbMatch.NoAnswer(d.candidates().get(0).confidence(), true);
            }
            KbMatch.Candidate first = d.candidates().get(0);
            boolean runnerUpDoubted = d.candidates().size() < 2 || p.getOrDefault(d.candidates().get(1).entry(), 0.0) < doubt;
            if (!foreignWord && first.entry().equals(top) && pTop >= agree && first.confidence() >= agreeConfidence && runnerUpDoubted) {
                return new KbMatch.Answer(first.entry(), first.confidence());
            }
        }
        return ranked;
    }

    /** The classifier's most likely entry {@code top} is the ranker's first one, likely enough to be offered. */
    private boolean backs(KbMatch ranked, KbEntry top, double pTop) {
        KbEntry first = ranked instanceof KbMatch.Answer a ? a.entry()
                : ranked instanceof KbMatch.DidYouMean d ? d.candidates().get(0).entry() : null;
        return first != null && first.equals(top) && pTop >= backed;
    }

    /** The ranker's decision as a "did you mean": an answer (with its other parts' answers) becomes an offer. */
    private static KbMatch offer(KbMatch ranked) {
        if (ranked instanceof KbMatch.Answer a) {
            List<KbMatch.Candidate> all = new ArrayList<>();
            all.add(new KbMatch.Candidate(a.entry(), a.confidence()));
            all.addAll(a.also());
            return new KbMatch.DidYouMean(all);
        }
        return ranked;
    }
}
