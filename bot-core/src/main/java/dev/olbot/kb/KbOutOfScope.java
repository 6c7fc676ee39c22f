package dev.olbot.kb;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a knowledge base is NOT about, the way Rasa's and Dialogflow's out-of-scope examples work:
 * phrasings of messages that reach the chat but are another business's (food delivery, another
 * marketplace's orders, a bank, a social network), ranked like the entries' questions. When one of
 * them matches a message clearly better than any entry, the verdict is {@link KbMatch.NoAnswer}
 * with {@link KbMatch.NoAnswer#outOfScope()} set, and a bot may send {@link #reply()} ("I can only
 * help with TechMarket orders") instead of its fallback.
 *
 * <pre>{@code
 * out_of_scope:
 *   reply:
 *     ru: "Я отвечаю только на вопросы о заказах в TechMarket."
 *     en: "I can only help with TechMarket orders."
 *   questions:
 *     ru: ["доставка еды", "заказ на озоне", "вызвать такси"]
 *     en: ["food delivery", "my amazon order", "call a taxi"]
 * }</pre>
 *
 * @param questions phrasings per language; may be empty (no out-of-scope examples)
 * @param reply what to say to a message judged out of scope, if anything
 */
public record KbOutOfScope(Map<String, List<String>> questions, Optional<LocalText> reply) {

    private static final KbOutOfScope NONE = new KbOutOfScope(Map.of(), Optional.empty());

    public KbOutOfScope {
        Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
        questions.forEach((language, list) -> copy.put(language, List.copyOf(list)));
        questions = java.util.Collections.unmodifiableMap(copy);
        reply = java.util.Objects.requireNonNull(reply);
    }

    /** No out-of-scope examples. */
    public static KbOutOfScope none() {
        return NONE;
    }

    /** The phrasings of {@code questions}, with an optional reply. */
    public static KbOutOfScope of(Map<String, List<String>> questions, LocalText reply) {
        return new KbOutOfScope(questions, Optional.ofNullable(reply));
    }

    /** Every phrasing, of every language. */
    public List<String> all() {
        return questions.values().stream().flatMap(List::stream).toList();
    }
}
