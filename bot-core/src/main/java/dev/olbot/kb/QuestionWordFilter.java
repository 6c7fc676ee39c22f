package dev.olbot.kb;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Keeps a question word as the term of its kind, in both languages, where stop-word lists drop it:
 * amount ("сколько", "скока", "почём", "much", "many"), time ("когда", "завтра", "when"), place
 * ("где", "where"), direction ("куда", "откуда") and manner ("как", "how"). These are weak terms ({@link
 * ChatWords#QUESTION}): they never carry a match on their own but pick between entries of one topic —
 * "когда доставка" leans to the delivery time, "сколько доставка" to its cost. The term starts with
 * {@value #MARK} (not a letter) and is marked as a keyword, so no stemmer touches it. Not thread-safe
 * (one per token stream).
 */
final class QuestionWordFilter extends TokenFilter {

    /** Starts every question term. */
    static final String MARK = "?";

    private final Map<String, String> kinds;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    QuestionWordFilter(TokenStream input, Map<String, String> kinds) {
        super(input);
        this.kinds = kinds;
    }

    /** Whether an analysed term is a question word's term. */
    static boolean isQuestion(String term) {
        return term.startsWith(MARK);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String kind = kinds.get(term.toString());
        if (kind != null) {
            term.setEmpty().append(MARK).append(kind);
            keyword.setKeyword(true);
        }
        return true;
    }
}
