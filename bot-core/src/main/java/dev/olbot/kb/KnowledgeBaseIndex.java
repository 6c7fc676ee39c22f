package dev.olbot.kb;

import dev.olbot.bot.routing.Utterance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches client messages against a {@link KnowledgeBase}: every question of every entry is a
 * phrase of one {@link PhraseIndex} (BM25 over Lucene-analysed text plus typo tolerance), and an
 * entry's confidence is its best phrase's. The decision uses one threshold and one band:
 * <ul>
 *   <li>confidence ≥ {@link Thresholds#answer()} (default {@value #ANSWER}) and ahead of the runner-up
 *       by {@link Thresholds#margin()} → {@link KbMatch.Answer};
 *   <li>otherwise, confidence ≥ {@link Thresholds#suggest()} (default {@value #SUGGEST}) → {@link
 *       KbMatch.DidYouMean} with up to {@link Thresholds#maxSuggestions()} entries from the band;
 *   <li>below → {@link KbMatch.NoAnswer}.
 * </ul>
 * The knowledge base's out-of-scope examples ({@link KbOutOfScope}) are phrases of the same index:
 * when one ranks first, at least {@link Thresholds#suggest()}, and ahead of the best entry by {@link
 * Thresholds#margin()}, the verdict is {@link KbMatch.NoAnswer} with {@code outOfScope} — unless the
 * message speaks to the shop ({@link ChatWords#addressesUs}: "у вас", "ваш", "you") and an entry
 * reaches {@link Thresholds#answer()}: then the other business is an aside, and the message is matched
 * as if they had not ranked first ("от какой суммы у вас бесплатная доставка? на озоне от тысячи":
 * "заказ на озоне" is an example; "do you have job openings" stays turned away). An entry that is not
 * ahead of them by the margin is offered, not answered; they are never offered.
 * A message equal to one of the questions (what a button sends) is answered outright (or, equal to
 * an out-of-scope example, turned away). Then a classifier learned from the same knowledge base
 * when the index is built ({@link KbClassifier}: each entry's questions one class, the out-of-scope
 * examples another) gives its opinion on that decision ({@link SecondOpinion}: agree → answer,
 * disagree → "did you mean", out of scope → no answer), and the team's labelled client messages, when
 * the base has them, may confirm a "did you mean" into an answer ({@link ExampleConfirmation}; not
 * with {@link SecondOpinion#off()}). The defaults were calibrated with {@code
 * olbot bench faq} on the tuning part of the FAQ evaluation set.
 * Immutable and thread-safe.
 */
public final class KnowledgeBaseIndex {

    /** Default confidence from which an entry is answered. */
    public static final double ANSWER = 0.6;
    /** Default lower end of the "did you mean" band. */
    public static final double SUGGEST = 0.3;
    /** Default lower end of the band for a message that says a topic word of the questions. */
    public static final double TOPIC_SUGGEST = 0.2;
    /** Default lead the best entry needs over the runner-up to be answered without asking. */
    public static final double MARGIN = 0.1;

    /**
     * The decision's numbers, all in [0, 1], {@code topicSuggest <= suggest <= answer}.
     *
     * @param topicSuggest the lower end of the band when the message says a topic word of the
     *     questions ({@link PhraseIndex.Ranking#topicWord()}: "а в минск отправите" says "отправлять"):
     *     such a message is about something the knowledge base covers, so a weaker match is still
     *     offered, while small talk without one keeps {@code suggest}
     * @param maxSuggestions at most this many "did you mean" candidates (1..10)
     */
    public record Thresholds(double answer, double suggest, double topicSuggest, double margin, int maxSuggestions) {
        public Thresholds {
            check("answer", answer);
            check("suggest", suggest);
            check("topicSuggest", topicSuggest);
            check("margin", margin);
            if (suggest > answer) {
                throw new IllegalArgumentException("thresholds: suggest (" + suggest + ") must not exceed answer (" + answer + ")");
            }
            if (topicSuggest > suggest) {
                throw new IllegalArgumentException("thresholds: topicSuggest (" + topicSuggest + ") must not exceed suggest (" + suggest + ")");
            }
            if (maxSuggestions < 1 || maxSuggestions > 10) {
                throw new IllegalArgumentException("thresholds: maxSuggestions must be 1..10, got " + maxSuggestions);
            }
        }

        /** One lower end of the band for every message ({@code topicSuggest = suggest}). */
        public Thresholds(double answer, double suggest, double margin, int maxSuggestions) {
            this(answer, suggest, suggest, margin, maxSuggestions);
        }

        public static Thresholds defaults() {
            return new Thresholds(ANSWER, SUGGEST, TOPIC_SUGGEST, MARGIN, 3);
        }

        private static void check(String name, double v) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("thresholds: " + name + " must be in 0..1, got " + v);
            }
        }
    }

    /** The value that stands for the out-of-scope examples among the entries in the phrase index. */
    private static final Object OUT_OF_SCOPE = new Object() {
        @Override public String toString() { return "out of scope"; }
    };

    private final KnowledgeBase kb;
    private final Thresholds thresholds;
    private final PhraseIndex<Object> index;
    /** The key of the shop's goods ({@link KnowledgeBase#goods()}) among the index's contexts: no phrase's value. */
    private static final Object OUR_GOODS = new Object();
    private final Map<String, Object> exact = new HashMap<>();
    private final SecondOpinion opinion;
    /** Null when the base has fewer than {@link SecondOpinion#MIN_CLASSES} classes. */
    private final KbClassifier<Object> classifier;
    /** Null when the base has no examples. */
    private final ExampleConfirmation examples;
    private final MessageReading reading;
    /** The examples' messages as the team labelled them: {@link #labelled}. */
    private final Map<String, KbMatch> labelled;

    private KnowledgeBaseIndex(KnowledgeBase kb, Thresholds thresholds, SecondOpinion opinion) {
        this.kb = kb;
        this.thresholds = thresholds;
        this.opinion = java.util.Objects.requireNonNull(opinion, "opinion");
        Map<String, Object> phrases = new LinkedHashMap<>();
        Map<KbEntry, String> answers = new HashMap<>(); // each entry's answer: the context of its questions and examples
        for (KbEntry e : kb.entries()) {
            answers.put(e, String.join(" ", e.answer().byLanguage().values()));
            for (List<String> variants : e.questions().values()) {
                for (String v : variants) {
                    phrases.put(v, e);
                    exact.put(Utterance.normalize(v), e);
                }
            }
        }
        for (String q : kb.outOfScope().all()) {
            phrases.putIfAbsent(q, OUT_OF_SCOPE);
            exact.putIfAbsent(Utterance.normalize(q), OUT_OF_SCOPE);
        }
        for (String q : ForeignNames.cyrillicReadings(kb.outOfScope().all(), ForeignNames.shopWords(kb))) {
            phrases.putIfAbsent(q, OUT_OF_SCOPE); // "нетфликс" as well as "netflix"
        }
        Map<Object, String> context = new HashMap<>(answers);
        if (!kb.goods().isEmpty()) {
            context.put(OUR_GOODS, String.join(" ", kb.goods())); // a word of the context is never a foreign word
        }
        this.index = PhraseIndex.of(kb.analysis(), phrases, context, Set.of(OUT_OF_SCOPE));
        this.classifier = KbClassifier.learn(kb, OUT_OF_SCOPE);
        this.examples = ExampleConfirmation.of(kb, answers);
        this.reading = new MessageReading(new KbWords.Matcher(kb.analysis(), kb.notOurs(), kb.goods()), this::decide);
        this.labelled = opinion.equals(SecondOpinion.off()) ? Map.of() : labelled(kb); // the ranker alone learns nothing from examples
    }

    public static KnowledgeBaseIndex of(KnowledgeBase kb) {
        return new KnowledgeBaseIndex(kb, Thresholds.defaults(), SecondOpinion.defaults());
    }

    public static KnowledgeBaseIndex of(KnowledgeBase kb, Thresholds thresholds) {
        return new KnowledgeBaseIndex(kb, thresholds, SecondOpinion.defaults());
    }

    /**
     * With the classifier learned from the base weighed by {@code opinion} ({@link
     * SecondOpinion#off()}: the ranker alone).
     */
    public static KnowledgeBaseIndex of(KnowledgeBase kb, Thresholds thresholds, SecondOpinion opinion) {
        return new KnowledgeBaseIndex(kb, thresholds, opinion);
    }

    public SecondOpinion opinion() {
        return opinion;
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /**
     * The decision for one message. A message written as one of the base's examples ({@link
     * KnowledgeBase#examples()}; case, punctuation and {@code ё} aside) is answered as the team
     * labelled it — its entry, both entries of a two-question example, or out of scope for {@code
     * -} — unless copies of it carry different labels: a message the bot got wrong is put right by
     * adding it to the examples. A message of two or three parts ({@link MessageParts}: "сколько
     * стоит доставка и как вернуть товар?") whose parts, matched on their own, are confident answers
     * of different entries gets them all, in message order ({@link KbMatch.Answer#also()}) — but for a
     * part that only reports what happened ("возврат оформлен и одобрен, а деньги когда на карту
     * упадут?") beside one that does not ({@link Reports}): that part is context, not answered. A bare
     * reply ({@link ChatWords#bareReply}: "нет", "ок") is no answer, and so is a message that names
     * another business's thing ({@link KnowledgeBase#notOurs()}: out of scope) unless it speaks to the
     * shop ({@link ChatWords#addressesUs}: "у вас", "your" — the other business is then an aside). A message in Latin
     * letters only that is not answered as written is answered by its Cyrillic reading when that is
     * an answer (the words' readings alone are weaker matches, and short ones like "brak" none).
     */
    public KbMatch match(String text) {
        KbMatch known = labelled.get(Utterance.normalize(text));
        return known != null ? known : reading.match(text);
    }

    /**
     * The examples' messages (normalised as {@link Utterance#normalize}) with the decision their
     * label makes: an answer of confidence 1 (two entries in the base's order for "a+b"), or out of
     * scope for "-". A message whose copies are labelled differently is left to the matcher.
     */
    private static Map<String, KbMatch> labelled(KnowledgeBase kb) {
        Map<String, Set<String>> labels = new HashMap<>();
        Set<String> disputed = new java.util.HashSet<>();
        for (KbExamples.Example example : kb.examples().all()) {
            String key = Utterance.normalize(example.text());
            Set<String> before = labels.putIfAbsent(key, example.entries());
            if (before != null && !before.equals(example.entries())) {
                disputed.add(key);
            }
        }
        Map<String, KbMatch> out = new HashMap<>();
        labels.forEach((key, ids) -> {
            if (key.isEmpty() || disputed.contains(key)) {
                return;
            }
            List<KbEntry> entries = kb.entries().stream().filter(e -> ids.contains(e.id())).toList();
            if (ids.isEmpty()) {
                out.put(key, new KbMatch.NoAnswer(0, true));
            } else if (entries.size() == ids.size()) {
                out.put(key, new KbMatch.Answer(entries.get(0), 1.0,
                        entries.stream().skip(1).map(e -> new KbMatch.Candidate(e, 1.0)).toList()));
            }
        });
        return Map.copyOf(out);
    }

    private MessageReading.Decision decide(String text) {
        Object hit = exact.get(Utterance.normalize(text));
        if (hit instanceof KbEntry e) {
            KbMatch answer = new KbMatch.Answer(e, 1.0);
            return new MessageReading.Decision(answer, answer, false);
        }
        if (hit == OUT_OF_SCOPE) {
            KbMatch away = new KbMatch.NoAnswer(0, true);
            return new MessageReading.Decision(away, away, true);
        }
        PhraseIndex.Ranking<Object> ranking = index.ranking(text);
        KbMatch ranked = decide(ranking, ChatWords.addressesUs(text));
        boolean ask = classifier != null && !opinion.equals(SecondOpinion.off());
        KbMatch decided = ask ? opinion.apply(ranked, classifier.probabilities(text), OUT_OF_SCOPE, ranking.foreignWord()) : ranked;
        if (ask && examples != null) {
            decided = examples.confirm(text, decided);
        }
        return new MessageReading.Decision(decided, ranked, ranking.foreignWord());
    }

    /**
     * The ranker's decision; {@code addressed}: the message speaks to the shop, so out-of-scope phrases do not turn it
     * away when an entry matches it as well as an answer needs.
     */
    private KbMatch decide(PhraseIndex.Ranking<Object> ranking, boolean addressed) {
        List<KbMatch.Candidate> ranked = candidates(ranking);
        double best = ranked.isEmpty() ? 0 : ranked.get(0).confidence();
        double outside = outOfScope(ranking);
        boolean away = outside >= thresholds.suggest() && (outside - best >= thresholds.margin() || ranking.foreignWord() && outside >= best);
        if (away && !(addressed && best >= thresholds.answer())) {
            return new KbMatch.NoAnswer(best, true); // "доставка пиццы" is someone else's business
        }
        double floor = ranking.topicWord() ? thresholds.topicSuggest() : thresholds.suggest();
        if (best < floor) {
            return new KbMatch.NoAnswer(best, away);
        }
        double second = Math.max(ranked.size() > 1 ? ranked.get(1).confidence() : 0, outside);
        if (best >= thresholds.answer() && best - second >= thresholds.margin()) {
            return new KbMatch.Answer(ranked.get(0).entry(), best);
        }
        List<KbMatch.Candidate> band = new ArrayList<>();
        for (KbMatch.Candidate c : ranked) {
            if (c.confidence() < floor || band.size() == thresholds.maxSuggestions()) {
                break;
            }
            band.add(c);
        }
        return new KbMatch.DidYouMean(band);
    }

    /** Every entry with a confidence above zero, best first. */
    public List<KbMatch.Candidate> ranked(String text) {
        return candidates(index.ranking(text));
    }

    private static List<KbMatch.Candidate> candidates(PhraseIndex.Ranking<Object> ranking) {
        return ranking.candidates().stream().filter(s -> s.value() instanceof KbEntry)
                .map(s -> new KbMatch.Candidate((KbEntry) s.value(), s.confidence())).toList();
    }

    /** The best out-of-scope example's confidence, or 0. */
    private static double outOfScope(PhraseIndex.Ranking<Object> ranking) {
        return ranking.candidates().stream().filter(s -> s.value() == OUT_OF_SCOPE).mapToDouble(PhraseIndex.Scored::confidence)
                .findFirst().orElse(0);
    }

    /**
     * The confidence of the best out-of-scope example for {@code text} (0 when none matches or the
     * base has none): for tuning, beside {@link #ranked}.
     */
    public double outOfScopeConfidence(String text) {
        return outOfScope(index.ranking(text));
    }

    /**
     * The learned classifier's probability of each class for {@code text}: entry ids, and {@value
     * #OUT_OF_SCOPE_CLASS} for the out-of-scope examples; empty when the base has fewer than {@link
     * SecondOpinion#MIN_CLASSES} classes. For tuning, beside {@link #ranked}.
     */
    public Map<String, Double> classified(String text) {
        Map<String, Double> out = new HashMap<>();
        if (classifier != null) {
            classifier.probabilities(text).forEach((c, p) -> out.put(c instanceof KbEntry e ? e.id() : OUT_OF_SCOPE_CLASS, p));
        }
        return out;
    }

    /** The key of the out-of-scope class in {@link #classified}. */
    public static final String OUT_OF_SCOPE_CLASS = "(out of scope)";

    /** What was learned, for a log line or a benchmark: classes, features, training time, the weights' size. */
    public String classifierSummary() {
        return classifier == null ? "no classifier (fewer than " + SecondOpinion.MIN_CLASSES + " classes)" : classifier.summary();
    }
}
