package dev.olbot.kb;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * Turns a client's message into the terms matching compares, with Apache Lucene's analysis chain:
 * Unicode word tokens ({@link StandardTokenizer}), numbers dropped, lower case, English {@code 's}
 * dropped, {@code ё} → {@code е}, accents folded ({@link ASCIIFoldingFilter}), negations in both
 * languages kept as one term ({@link NegationFilter}), question words kept as the term of their
 * kind ({@link QuestionWordFilter}: "скока" and "how much" are both amount), Russian and English
 * stop words plus the filler of chat messages ({@link ChatWords#FILLER}: "подскажите",
 * "пожалуйста", "hello", ...), the Snowball stemmer of each word's script, then team synonyms ({@link SynonymGraphFilter},
 * matched on the stems: each word or phrase of a group, in any inflection, becomes one token that
 * stands for the group). The typo in "скока стоит доставака" is left to {@link PhraseIndex}.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * TextAnalysis a = TextAnalysis.builder().synonyms("санкт-петербург", "питер", "спб").build();
 * }</pre>
 */
public final class TextAnalysis {

    /** Starts the token that stands for a synonym group (not a letter, so no stemmer touches it). */
    private static final String GROUP_MARK = "\u00a7";

    /** Each question word → its kind ({@link ChatWords#QUESTION}). */
    private static final Map<String, String> QUESTION_KINDS = questionKinds();

    private static final TextAnalysis STANDARD = builder().build();

    private static Map<String, String> questionKinds() {
        Map<String, String> out = new HashMap<>();
        ChatWords.QUESTION.forEach((kind, words) -> words.forEach(w -> out.put(w, kind)));
        return Map.copyOf(out);
    }

    private final Analyzer content;
    private final Set<String> generic;
    private final Map<String, String> synonymStems;
    private final Analyzer everyWord;
    private final Map<String, List<String>> synonyms;

    private TextAnalysis(Map<String, List<String>> synonyms, Set<String> extraStopWords) {
        this.synonyms = synonyms;
        CharArraySet stop = new CharArraySet(500, false);
        for (Collection<?> words : List.of(RussianAnalyzer.getDefaultStopSet(), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET,
                ChatWords.FILLER, extraStopWords)) {
            for (Object w : words) {
                String word = w instanceof char[] c ? new String(c) : w.toString();
                if (!NegationFilter.WORDS.contains(word)) { // a negation is a term of its own
                    stop.add(word);
                }
            }
        }
        CharArraySet stopSet = CharArraySet.unmodifiableSet(stop);
        // synonyms are matched after stemming, so "пункты выдачи" and "пунктов выдачи" meet "пункт выдачи"
        SynonymMap map = synonymMap(synonyms, new Chain(null, stopSet));
        this.content = new Chain(map, stopSet);
        this.everyWord = new Chain(map, CharArraySet.EMPTY_SET);
        this.generic = stems(ChatWords.GENERIC);
        this.synonymStems = synonymStems(synonyms, new Chain(null, stopSet));
    }

    private Set<String> stems(List<String> words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            out.addAll(run(new Chain(null, CharArraySet.EMPTY_SET), w));
        }
        return Set.copyOf(out);
    }

    /** The stem of each one-word synonym → its group's term. */
    private Map<String, String> synonymStems(Map<String, List<String>> groups, Chain plain) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            List<String> groupTerm = run(content, group.getKey());
            List<String> words = new ArrayList<>(group.getValue());
            words.add(group.getKey());
            for (String w : words) {
                List<String> stem = run(plain, w);
                if (groupTerm.size() == 1 && stem.size() == 1 && !stem.get(0).equals(groupTerm.get(0))) {
                    out.put(stem.get(0), groupTerm.get(0));
                }
            }
        }
        return Map.copyOf(out);
    }

    /** Lucene's chain with the Russian and English stop words and the built-in filler; no synonyms. */
    public static TextAnalysis standard() {
        return STANDARD;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The terms that carry a message's topic, in order, duplicates removed; may be empty. */
    public List<String> terms(String text) {
        return run(content, text);
    }

    /**
     * The terms of {@link #terms} grouped by the word they stand for: a word and its synonym group's
     * token share a slot, so a synonym does not count as an extra word of the message.
     */
    public List<List<String>> slots(String text) {
        List<List<String>> out = new ArrayList<>();
        try (TokenStream ts = content.tokenStream("t", text == null ? "" : text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.length() == 0) {
                    continue;
                }
                if (inc.getPositionIncrement() == 0 && !out.isEmpty()) {
                    out.get(out.size() - 1).add(term.toString());
                } else {
                    out.add(new ArrayList<>(List.of(term.toString())));
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every word's term, stop words included: for phrases that consist of stop words only ("who are you"). */
    public List<String> allTerms(String text) {
        return run(everyWord, text);
    }

    /**
     * The stem of each one-word synonym → the term of its group, for typo matching: "доставака" is
     * one typo from the stem of "доставка", a word the synonym filter turns into its group's term.
     */
    public Map<String, String> synonymStems() {
        return synonymStems;
    }

    /**
     * Whether an analysed term never carries a match alone: one of the {@link ChatWords#GENERIC}
     * words or a {@link #question} word.
     */
    public boolean generic(String term) {
        return generic.contains(term) || QuestionWordFilter.isQuestion(term);
    }

    /**
     * Whether an analysed term is a question word's kind ({@link ChatWords#QUESTION}: amount, time,
     * place, manner) — a weak term that helps pick between entries of one topic.
     */
    public boolean question(String term) {
        return QuestionWordFilter.isQuestion(term);
    }

    /** The synonym groups, each keyed by its first word, in the order given (so every run builds the same terms). */
    public Map<String, List<String>> synonyms() {
        return synonyms;
    }

    private static List<String> run(Analyzer analyzer, String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream("t", text == null ? "" : text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.length() > 0) {
                    out.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    private static SynonymMap synonymMap(Map<String, List<String>> groups, Analyzer base) {
        if (groups.isEmpty()) {
            return null;
        }
        try {
            SynonymMap.Builder b = new SynonymMap.Builder(true);
            int n = 0;
            for (Map.Entry<String, List<String>> g : groups.entrySet()) {
                CharsRef target = new CharsRef(GROUP_MARK + n++); // one token, never stemmed or stopped
                b.add(words(base, g.getKey()), target, false); // replaced: "пункт выдачи" and "пвз" weigh the same
                for (String s : g.getValue()) {
                    b.add(words(base, s), target, false);
                }
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CharsRef words(Analyzer base, String phrase) {
        List<String> terms = run(base, phrase);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("the synonym '" + phrase + "' has only stop words");
        }
        String[] w = terms.toArray(String[]::new);
        return SynonymMap.Builder.join(w, new CharsRefBuilder());
    }

    /** Lower case, {@code ё} → {@code е}, every run of non-letters one space: what the chain sees before synonyms. */
    private static final class Lowered {
        static String of(String s) {
            return s.toLowerCase(java.util.Locale.ROOT).replace('ё', 'е').replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        }
    }

    private static final class Chain extends Analyzer {
        private static final NormalizeCharMap YO;

        static {
            NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
            b.add("ё", "е");
            b.add("Ё", "Е");
            YO = b.build();
        }

        private final SynonymMap synonyms;
        private final CharArraySet stop;

        Chain(SynonymMap synonyms, CharArraySet stop) {
            this.synonyms = synonyms;
            this.stop = stop;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new MappingCharFilter(YO, reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new TypeTokenFilter(source, Set.of("<NUM>"));
            ts = new LowerCaseFilter(ts);
            ts = new EnglishPossessiveFilter(ts);
            ts = new ASCIIFoldingFilter(ts);
            ts = new NegationFilter(ts);
            ts = new QuestionWordFilter(ts, QUESTION_KINDS);
            ts = new StopFilter(ts, stop);
            ts = new ScriptStemFilter(ts);
            if (synonyms != null) {
                ts = new SynonymGraphFilter(ts, synonyms, true);
            }
            return new TokenStreamComponents(source, ts);
        }
    }

    /** Synonyms and extra stop words; {@link #build()} makes the analysis. */
    public static final class Builder {
        private final Map<String, List<String>> synonyms = new LinkedHashMap<>();
        private final Set<String> stop = new LinkedHashSet<>();

        private Builder() {}

        /**
         * A synonym group: every word or phrase given also stands for the first one, so a message
         * saying any of them matches questions that say the first ({@code "санкт-петербург", "питер",
         * "спб"}). Fails on an empty group or an empty word.
         */
        public Builder synonyms(String first, String... others) {
            String key = Lowered.of(first);
            if (key.isEmpty() || others.length == 0) {
                throw new IllegalArgumentException("a synonym group needs a word and at least one synonym: " + first);
            }
            List<String> list = new ArrayList<>(synonyms.getOrDefault(key, List.of()));
            for (String o : others) {
                String w = Lowered.of(o);
                if (w.isEmpty()) {
                    throw new IllegalArgumentException("synonyms of '" + first + "': a synonym is empty");
                }
                if (!w.equals(key)) {
                    list.add(w);
                }
            }
            synonyms.put(key, List.copyOf(list));
            return this;
        }

        /** Every group of {@code groups}: the first word of each list stands for the rest. */
        public Builder synonyms(Collection<List<String>> groups) {
            for (List<String> g : groups) {
                if (g.size() < 2) {
                    throw new IllegalArgumentException("a synonym group needs at least two words: " + g);
                }
                synonyms(g.get(0), g.subList(1, g.size()).toArray(String[]::new));
            }
            return this;
        }

        /** Words to ignore on top of the built-in stop words and {@link ChatWords#FILLER}. */
        public Builder stopWords(String... words) {
            for (String w : words) {
                stop.add(Lowered.of(w));
            }
            return this;
        }

        public TextAnalysis build() {
            return new TextAnalysis(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(synonyms)), Set.copyOf(stop));
        }
    }

    @Override
    public String toString() {
        return "TextAnalysis" + synonyms.keySet();
    }

}
