package dev.olbot.kb;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Keeps a negation as one term, {@value #TERM}, in both languages ("не", "нет", "not", "no",
 * "don't", "doesnt", "can't", ...), where stop-word lists drop it: "не проходит оплата" is not "как
 * оплатить", and "it doesn't turn on" is "не включается". The term is marked as a keyword so no
 * stemmer touches it. Not thread-safe (one per token stream).
 */
final class NegationFilter extends TokenFilter {

    /** The term every negation becomes. */
    static final String TERM = "не";

    /** The words read as a negation; the stop filter must not remove them. */
    static final Set<String> WORDS = Set.of("не", "нет", "ни", "неа", "not", "no", "dont", "don't", "doesnt", "doesn't",
            "didnt", "didn't", "cant", "can't", "cannot", "wont", "won't", "isnt", "isn't", "hasnt", "hasn't", "havent",
            "haven't", "arent", "aren't", "wasnt", "wasn't", "never");

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    NegationFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (WORDS.contains(term.toString())) {
            term.setEmpty().append(TERM);
            keyword.setKeyword(true);
        }
        return true;
    }
}
