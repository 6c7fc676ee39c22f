package dev.olbot.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parts of a message that may each ask a question of their own: split at sentence ends and
 * question marks, and at a joining word between clauses ("и", "а также", "а ещё", "and", "also"; a
 * bare "ещё" only when it opens a clause after a comma: in "гарантия ещё есть, где чинить" it means
 * "still"). "сколько стоит доставка и как вернуть товар?" → "сколько стоит доставка", "как вернуть
 * товар". {@link KnowledgeBaseIndex#match} answers two parts only when each, matched on its own, is a
 * confident answer of a different entry. Stateless.
 */
final class MessageParts {

    /** At most this many parts are matched; a longer message is taken as one. */
    static final int MAX_PARTS = 3;

    private static final Pattern SPLIT = Pattern.compile(
            "[?!.;]+|,?\\s+(?:и|а также|а еще|а ещё|также|and|also|and also)\\s+|,\\s*(?:ещё|еще)\\s+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private MessageParts() {}

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");

    /**
     * The last sentence of a message of two sentences or more, when it is a question (ends with a
     * question mark): "заказал вчера ноутбук, начальник торопит. когда привезут?" → "когда
     * привезут?"; empty otherwise.
     */
    static java.util.Optional<String> lastQuestion(String text) {
        String[] sentences = SENTENCE_END.split(text == null ? "" : text.strip());
        String last = sentences[sentences.length - 1].strip();
        return sentences.length >= 2 && last.endsWith("?") ? java.util.Optional.of(last) : java.util.Optional.empty();
    }

    /** The non-blank parts in message order; one part (the whole text) when there is nothing to split at. */
    static List<String> of(String text) {
        return split(text).stream().map(Part::text).toList();
    }

    /**
     * One part of a message and whether a question mark follows it ("сколько стоит доставка? и как
     * вернуть" → asked, then not).
     */
    record Part(String text, boolean asked) {}

    /** {@link #of}, each part with whether the message puts a question mark right after it. */
    static List<Part> split(String text) {
        String t = text == null ? "" : text;
        List<Part> out = new ArrayList<>();
        java.util.regex.Matcher m = SPLIT.matcher(t);
        int from = 0;
        while (true) {
            boolean found = m.find();
            int end = found ? m.start() : t.length();
            String part = t.substring(from, end);
            if (!part.isBlank()) {
                out.add(new Part(part.strip(), found && m.group().contains("?")));
            }
            if (!found) {
                break;
            }
            from = m.end();
        }
        return out.isEmpty() || out.size() > MAX_PARTS ? List.of(new Part(t.strip(), t.strip().endsWith("?"))) : out;
    }
}
