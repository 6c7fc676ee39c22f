package dev.olbot.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Ranks known phrases by how well a client's message matches them, with a confidence in [0, 1]
 * that means the same for every phrase. Each phrase is a document of an in-memory Lucene index
 * (ByteBuffersDirectory, BM25); a message is analysed by {@link TextAnalysis}, and each of its terms
 * that the index does not know (nor the phrases' values' context) matches known terms one typo away,
 * words of the same family, the two known terms it is written together from ({@link Vocabulary}), or,
 * typed in Latin letters, what it reads as in Russian ({@link Transliteration}).
 *
 * <p>The confidence of a phrase is {@code coverage × (1 - Q + Q × explained)}: {@code coverage} is the
 * phrase's BM25 score for the message divided by its score for its own text — the IDF-weighted share
 * of the phrase the message says — and {@code explained} the share of the message's words the phrase
 * has (out of at most {@value #EXPLAINED_WORDS}; see {@link #SIBLING_WEIGHT}, {@link #CONTEXT_WEIGHT},
 * {@link #UNKNOWN_WORD_WEIGHT}); {@code Q} = {@value #QUERY_WEIGHT}. So a message saying all of a
 * phrase's rare words scores high even with extra words around them, and a message sharing one
 * common word with it scores low. A phrase that shares only {@link TextAnalysis#generic} words with
 * the message is left out, and one without a negation scores {@value #UNNEGATED_WEIGHT} of itself for
 * a message with one. A phrase whose value's phrases lack a topic word of the message (a word some
 * other phrase has as written, neither generic nor a negation) scores {@value #OTHER_TOPIC_WEIGHT} of
 * itself, and a context word explains only a message word no phrase has. Immutable and thread-safe.
 *
 * @param <T> what a phrase stands for (an entry, an intent)
 */
public final class PhraseIndex<T> {

    /** Weight of a term matched one or two edits away, relative to an exact term. */
    public static final double TYPO_WEIGHT = Vocabulary.TYPO_WEIGHT;
    /** How much the share of the message a phrase explains counts against the phrase's own coverage. */
    public static final double QUERY_WEIGHT = 0.6;
    /**
     * A phrase that has this many of the message's words explains it fully: greetings, stories and
     * order numbers around a question cost it little.
     */
    public static final int EXPLAINED_WORDS = 3;
    /** A message word found in another phrase of the same value, relative to one found in the phrase. */
    public static final double SIBLING_WEIGHT = 0.8;
    /**
     * A message word found in the value's context (an answer), relative to one found in the phrase —
     * only a word no phrase has: a word another value's phrases have is that value's topic.
     */
    public static final double CONTEXT_WEIGHT = 0.5;
    /**
     * Factor on the confidence of a phrase without a negation for a message with one ("не могу
     * оплатить" against "как можно оплатить"): such a phrase may be offered, rarely answered.
     */
    public static final double UNNEGATED_WEIGHT = 0.85;
    /**
     * How many words a word the index knows nothing of (no typo, no family either) counts as when
     * a short message is explained: "open the door" is less "when are you open" than "open now" is.
     */
    public static final double UNKNOWN_WORD_WEIGHT = 1.5;
    /**
     * Factor on the confidence of a phrase whose value asks other kinds of question than the message
     * ("когда доставка" against an entry whose questions all ask "сколько"): it may be offered, rarely
     * answered.
     */
    public static final double OTHER_QUESTION_WEIGHT = 0.85;
    /**
     * Factor on the confidence of a phrase whose value's questions lack a topic word of the message
     * that other questions have ("оплата по счёту": "счёт" is the invoice entry's word, not the
     * payment methods'): it may be offered, rarely answered.
     */
    public static final double OTHER_TOPIC_WEIGHT = 0.85;
    /**
     * Factor on the confidence of a value the index is about when the message says a foreign word
     * — one only the outside values' phrases have ("озон" of the out-of-scope example "заказ на
     * озоне") — that the value's phrases lack: "статус заказа на озоне" is another shop's order.
     * Replaces {@link #OTHER_TOPIC_WEIGHT} for that message.
     */
    public static final double FOREIGN_WORD_WEIGHT = 0.7;
    /**
     * A message with at least this many topic words tells a story about the shop, and one foreign
     * word in it is a detail of the story, not the business it is about: "прочитала в новостях про
     * утечки данных из интернет-магазинов, я у вас покупала и вводила карту, вы храните данные карт?",
     * "the promo code from your newsletter does not work". Such a message is ranked as if it said no
     * foreign word. Near misses are short ("сколько стоит доставка пиццы"): on the FAQ's examples'
     * cross-validation, 6 made 4 more in-scope messages right or offered (and one wrong answer:
     * "машинку" no longer marked the entries down) and let no out-of-scope message through; 5 one
     * more right or offered and one out-of-scope message through; 4 let 13 through. Ignoring the
     * foreign word's turn-away alone (keeping its ×0.7) rescued 2.
     */
    public static final int STORY_TOPIC_WORDS = 6;
    /** Words of at most this many letters match by a typo only beside another word of the phrase. */
    public static final int SHORT_WORD = PhraseRules.SHORT_WORD;
    /**
     * Weight of a question word ({@link TextAnalysis#question}: amount, time, place, manner) in the
     * score and among the message's words, relative to a word of the topic: it picks between "when"
     * and "how much" entries of one topic without deciding the topic.
     */
    public static final double QUESTION_WORD_WEIGHT = 0.3;
    /** Weight of a Latin-letter word read as Russian, relative to the match of the Cyrillic word. */
    public static final double TRANSLIT_WEIGHT = TermExpansion.TRANSLIT_WEIGHT;
    private static final String FIELD = "t";

    /** One candidate: the phrase, what it stands for, and its confidence in [0, 1]. */
    public record Scored<T>(String phrase, T value, double confidence) {}

    /**
     * The candidates of {@link #rank}, and whether the message says a topic word: a word some phrase
     * (of a value the index is about, not an outside one) has as written (or through a synonym) that is not {@link TextAnalysis#generic} — not a typo, a
     * word of the same family or a word of the values' context only; and whether it says a foreign
     * word (one only outside values' phrases have: see {@link #FOREIGN_WORD_WEIGHT}).
     */
    public record Ranking<T>(List<Scored<T>> candidates, boolean topicWord, boolean foreignWord) {
        public Ranking {
            candidates = List.copyOf(candidates);
        }

        /** A ranking of an index without outside values. */
        public Ranking(List<Scored<T>> candidates, boolean topicWord) {
            this(candidates, topicWord, false);
        }
    }

    private record Phrase<T>(String text, T value, Set<String> terms, double selfScore, boolean stopWordsOnly) {}

    private final TextAnalysis analysis;
    private final List<Phrase<T>> phrases;
    private final IndexSearcher searcher;
    private final TermExpansion expander;
    private final PhraseRules rules;
    private final ValueTerms<T> valueTerms;

    private PhraseIndex(TextAnalysis analysis, Map<String, ? extends T> phrases, Map<? extends T, String> context, Set<T> outside) {
        this.analysis = analysis;
        this.rules = new PhraseRules(analysis);
        this.valueTerms = new ValueTerms<>(analysis, outside);
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        List<Set<String>> termSets = new ArrayList<>();
        Set<Integer> stopWordPhrases = new HashSet<>();
        Set<String> vocab = new HashSet<>();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer())
                .setSimilarity(new BM25Similarity()))) {
            for (String p : phrases.keySet()) {
                List<String> terms = analysis.terms(p);
                boolean stopWordsOnly = terms.stream().allMatch(analysis::question);
                if (stopWordsOnly) {
                    terms = analysis.allTerms(p); // "who are you": only stop words, keep them all
                    stopWordPhrases.add(termSets.size());
                }
                if (terms.isEmpty()) {
                    throw new IllegalArgumentException("the phrase '" + p + "' has no words");
                }
                Document d = new Document();
                d.add(new TextField(FIELD, String.join(" ", terms), Field.Store.NO));
                w.addDocument(d);
                termSets.add(Set.copyOf(terms));
                vocab.addAll(terms);
                valueTerms.phrase(phrases.get(p), terms, !stopWordsOnly);
            }
            context.forEach((value, text) -> {
                List<String> terms = analysis.terms(text);
                valueTerms.context(value, terms);
                vocab.addAll(terms);
            });
            valueTerms.seal();
            w.commit();
            this.searcher = new IndexSearcher(DirectoryReader.open(dir));
            searcher.setSimilarity(new BM25Similarity());
            List<Phrase<T>> list = new ArrayList<>();
            int doc = 0;
            for (Map.Entry<String, ? extends T> e : phrases.entrySet()) {
                Set<String> terms = termSets.get(doc);
                double self = searcher.explain(query(exact(terms)), doc).getValue().doubleValue();
                list.add(new Phrase<>(e.getKey(), e.getValue(), terms, self, stopWordPhrases.contains(doc)));
                doc++;
            }
            this.phrases = List.copyOf(list);
            this.expander = new TermExpansion(analysis, new Vocabulary(vocab, analysis.synonymStems()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indexes phrase → value with {@link TextAnalysis#standard()}. */
    public static <T> PhraseIndex<T> of(Map<String, ? extends T> phrases) {
        return of(TextAnalysis.standard(), phrases);
    }

    /** Indexes phrase → value (iteration order kept) with the given analysis. */
    public static <T> PhraseIndex<T> of(TextAnalysis analysis, Map<String, ? extends T> phrases) {
        return of(analysis, phrases, Map.of());
    }

    /**
     * Indexes phrase → value, plus a context text per value (a knowledge-base entry's answer): its
     * words never match on their own, but a message's word found in the value's context counts
     * {@value #CONTEXT_WEIGHT} of a word found in the phrase toward how much of the message the
     * phrase explains ("how many days for delivery" leans to the entry whose answer says "days").
     */
    public static <T> PhraseIndex<T> of(TextAnalysis analysis, Map<String, ? extends T> phrases, Map<? extends T, String> context) {
        return of(analysis, phrases, context, Set.of());
    }

    /**
     * {@link #of(TextAnalysis, Map, Map)} where the phrases of the {@code outside} values say what
     * the index is NOT about (out-of-scope examples): they are ranked like the others, and their
     * words, when a message says them, lower the other values' confidence like any other value's
     * topic word does — but they do not make the message a {@link Ranking#topicWord()} one.
     */
    public static <T> PhraseIndex<T> of(TextAnalysis analysis, Map<String, ? extends T> phrases, Map<? extends T, String> context,
            Set<? extends T> outside) {
        if (phrases.isEmpty()) {
            throw new IllegalArgumentException("a phrase index needs at least one phrase");
        }
        return new PhraseIndex<>(analysis, new LinkedHashMap<>(phrases), Map.copyOf(context), Set.copyOf(outside));
    }

    public TextAnalysis analysis() {
        return analysis;
    }

    /** The message shares with {@code phrase} only names of the shop's goods ({@link ValueTerms#ownName}). */
    private boolean sharesOnlyOwnNames(Map<String, Map<String, Double>> expansions, Set<String> phrase) {
        for (Map<String, Double> said : expansions.values()) {
            for (String term : said.keySet()) {
                if (phrase.contains(term) && !valueTerms.ownName(term)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Candidates with a confidence above zero, best first, at most one (the best phrase) per value. */
    public List<Scored<T>> rank(String text) {
        return ranking(text).candidates();
    }

    /** {@link #rank} and whether the message says a topic word of the phrases ({@link Ranking}). */
    public Ranking<T> ranking(String text) {
        List<String> terms = analysis.terms(text);
        boolean stopWordsOnly = terms.stream().allMatch(analysis::question);
        if (stopWordsOnly) {
            terms = analysis.allTerms(text); // "who are you": its words as written, no typos or families
        }
        if (terms.isEmpty()) {
            return new Ranking<>(List.of(), false);
        }
        Map<String, Map<String, Double>> expansions = stopWordsOnly ? expander.exact(terms) : expander.expand(terms);
        List<String> topicWords = stopWordsOnly ? List.of() : terms.stream().filter(valueTerms::topicWord).toList();
        List<String> foreignWords = topicWords.stream().filter(valueTerms::foreignWord).toList();
        if (foreignWords.size() == 1 && topicWords.size() >= STORY_TOPIC_WORDS) {
            foreignWords = List.of(); // a story about the shop that names another business in passing
        }
        boolean negated = terms.contains(NegationFilter.TERM);
        List<List<String>> slots = analysis.slots(text);
        if (slots.isEmpty()) {
            slots = terms.stream().map(List::of).toList();
        }
        Map<T, Scored<T>> best = new LinkedHashMap<>();
        try {
            for (ScoreDoc hit : searcher.search(query(expansions), phrases.size()).scoreDocs) {
                Phrase<T> p = phrases.get(hit.doc);
                boolean noTopic = stopWordsOnly ? !p.stopWordsOnly()
                        : rules.onlyGeneric(expansions, p.terms()) || rules.onlyShortTypos(expansions, p.terms());
                if (noTopic) {
                    continue; // "где купить хлеб" shares only "купить" with "купить сертификат"; "sing" alone is not "sign"
                }
                if (valueTerms.outside(p.value()) && sharesOnlyOwnNames(expansions, p.terms())) {
                    continue; // "купил смартфон, можно вернуть?" shares only the good with "какой смартфон лучше"
                }
                double coverage = Math.min(1.0, hit.score / p.selfScore());
                double explained;
                double foreignShare = valueTerms.outside(p.value()) ? valueTerms.foreignShare(p.terms(), foreignWords) : 0;
                if (foreignShare > 0) {
                    // an out-of-scope example is about its foreign words: "доставка пиццы" is "заказать пиццу"
                    coverage = Math.max(coverage, foreignShare);
                    explained = valueTerms.explainedOutside(slots, expansions, p.terms());
                } else {
                    explained = valueTerms.explained(slots, expansions, p.terms(), p.value());
                }
                double confidence = coverage * (1 - QUERY_WEIGHT + QUERY_WEIGHT * explained);
                if (negated && !p.terms().contains(NegationFilter.TERM)) {
                    confidence *= UNNEGATED_WEIGHT; // "не могу оплатить" is not quite "как можно оплатить"
                }
                if (rules.asksOtherQuestion(terms, valueTerms.asked(p.value()))) {
                    confidence *= OTHER_QUESTION_WEIGHT; // "когда доставка" is not quite "сколько стоит доставка"
                }
                if (!valueTerms.outside(p.value()) && valueTerms.lacksTopicWord(p.value(), foreignWords)) {
                    confidence *= FOREIGN_WORD_WEIGHT; // "статус заказа на озоне" is another shop's order
                } else if (!valueTerms.outside(p.value()) && valueTerms.lacksTopicWord(p.value(), topicWords)) {
                    // an out-of-scope example names the foreign thing; the shop's words around it are expected
                    confidence *= OTHER_TOPIC_WEIGHT; // "оплата по счёту" is not quite "как можно оплатить"
                }
                if (confidence > 0) {
                    best.merge(p.value(), new Scored<>(p.text(), p.value(), confidence),
                            (a, b) -> a.confidence() >= b.confidence() ? a : b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Scored<T>> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingDouble((Scored<T> s) -> s.confidence()).reversed());
        return new Ranking<>(out, topicWords.stream().anyMatch(valueTerms::insideTopicWord), !foreignWords.isEmpty());
    }

    /** The best confidence of any phrase for {@code value}, or 0. */
    public double confidence(String text, T value) {
        return rank(text).stream().filter(s -> s.value().equals(value)).mapToDouble(Scored::confidence).findFirst().orElse(0);
    }

    private Query query(Map<String, Map<String, Double>> expansions) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Map<String, Double> alternatives : expansions.values()) {
            if (alternatives.isEmpty()) {
                continue;
            }
            List<Query> disjuncts = new ArrayList<>();
            alternatives.forEach((term, weight) -> {
                Query q = new TermQuery(new Term(FIELD, term));
                double w = analysis.question(term) ? weight * QUESTION_WORD_WEIGHT : weight;
                disjuncts.add(w == 1.0 ? q : new BoostQuery(q, (float) w));
            });
            b.add(new DisjunctionMaxQuery(disjuncts, 0), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    private static Map<String, Map<String, Double>> exact(Set<String> terms) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        terms.forEach(t -> out.put(t, Map.of(t, 1.0)));
        return out;
    }
}
