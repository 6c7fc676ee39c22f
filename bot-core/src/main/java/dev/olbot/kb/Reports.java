package dev.olbot.kb;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tells the part of a client message that reports what happened — the context of the question —
 * from the parts that ask, by their words alone: "возврат оформлен и одобрен, а деньги когда на карту
 * упадут?" reports a return and asks for the refund time; "оплатила 20го", "заказ ещё не уехал", "i
 * returned the keyboard last monday" report. {@link MessageReading} answers such a part only when
 * no other answered part of the message asks, requests or names a bare topic: its entry (the
 * returns, for a return that is already done) is the one thing the client does not ask about.
 * <p>
 * A part <b>asks</b> when a question mark follows it or it says a question word ("когда", "можно",
 * "ли", "what", "can i"). A part that does not ask <b>reports</b> when it says a verb in the past
 * ("оплатил", "пришла", "i returned", "was approved"), a short passive participle ("оформлен",
 * "одобрена", "принят") or a number of five digits or more (an order's), unless it asks for something
 * ("хочу вернуть колонку, не зашла", "отмените заказ 30219", "i need", "please") or names a problem
 * the client wants help with ("забыла пароль", "i lost my receipt", "сломался") — measured on the
 * FAQ's examples, without these two exceptions such two-question messages lost one of their answers.
 * A bare topic ("доставка в казань") neither asks nor reports. There is no part-of-speech tagger
 * here: past forms are read from endings, with the nouns and adverbs of a shop's chat that end the
 * same way ("чехол", "недели", "около", "цена", "отмена") listed as none. Stateless.
 */
final class Reports {

    private Reports() {}

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    /** Russian past tense: a vowel, then "л" and its endings — "оплатил", "пришла", "списали", "сломался". */
    private static final Pattern RU_PAST = Pattern.compile("[а-я]{2,}[аеиоуыя]л(а|о|и)?(сь|ся)?");
    /** Russian short passive participles: "оформлен", "одобрена", "отправлено", "принят", "открыт". */
    private static final Pattern RU_PARTICIPLE = Pattern.compile("[а-я]{3,}(ан|ян|ен)(а|о|ы)?|[а-я]{2,}(нят|ыт)(а|о|ы)?");
    /** Russian past forms without a vowel before "л". */
    private static final Set<String> RU_PAST_OTHER = Set.of("привез", "привезла", "привезли", "довез", "довезли", "принес",
            "принесли", "смог", "смогла", "смогли", "помог", "помогла", "помогли", "пришло", "пришли", "пришла", "ушла",
            "ушли", "нашла", "нашли", "зашла", "вышла", "вышли");
    /** Words that end like a past form or a participle but are none. */
    private static final Set<String> NOT_PAST = Set.of("чехол", "недели", "сначала", "около", "безнал", "журнал", "футбол",
            "стол", "школа", "квартал", "кабели", "модели", "детали", "мебели", "канал", "сигнал", "терминал", "материал",
            "оригинал", "цена", "цены", "замена", "замены", "отмена", "отмены", "смена", "экран", "экрана", "экраны",
            "стена", "диван", "карман", "пейпал", "need", "speed", "feed", "seed", "used", "based", "red", "bed", "interested",
            "limited", "wired", "detailed", "advanced", "tired", "scared", "excited");
    /** English past tense and participles: "returned", "was approved", "i paid". */
    private static final Pattern EN_PAST = Pattern.compile("[a-z]{3,}ed");
    private static final Set<String> EN_PAST_OTHER = Set.of("bought", "paid", "got", "sent", "came", "went", "made",
            "gave", "took", "said", "told", "brought", "was", "were");
    /** An order's number, or any long number: "заказ 48213907". */
    private static final Pattern NUMBER = Pattern.compile("\\d{5,}");

    /** Words of a request: a part that says one asks for something. */
    private static final Set<String> REQUEST = Set.of("хочу", "хотим", "хотел", "хотела", "хотели", "хотелось", "нужно",
            "надо", "нужен", "нужна", "нужны", "прошу", "помогите", "want", "wanted", "need", "please", "pls", "plz");
    /** Russian imperatives of the polite form: "отмените", "верните", "подскажите". */
    private static final Pattern RU_IMPERATIVE = Pattern.compile("[а-я]{3,}(ите|йте)");
    /** The verbs of a problem the client wants help with: "забыла пароль", "i lost my receipt". */
    private static final Set<String> PROBLEM = Set.of("забыл", "забыла", "забыли", "потерял", "потеряла", "потеряли",
            "сломался", "сломалась", "сломалось", "сломал", "сломала", "forgot", "lost", "broke");

    /** Question words: {@link ChatWords#QUESTION} without the words of time that ask nothing ("сегодня ей платил"). */
    private static final Set<String> QUESTION = ChatWords.QUESTION.values().stream().flatMap(List::stream)
            .filter(w -> !Set.of("завтра", "сегодня", "долго", "долгая", "долгий", "долгое", "tomorrow", "today").contains(w))
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> RU_ASKING = Set.of("что", "чем", "чего", "почему", "зачем", "какой", "какая", "какие",
            "какое", "каких", "каким", "какую", "ли", "можно", "нельзя", "разве", "кто", "реально", "правда");
    /** English words that open a question ("what", "can", "is"), after any of {@link #OPENING}. */
    private static final Set<String> EN_ASKING_FIRST = Set.of("what", "whats", "what's", "when", "where", "how", "why",
            "which", "who", "can", "could", "do", "does", "did", "is", "are", "will", "would", "should", "may", "have", "has",
            "any", "anything");
    private static final Set<String> OPENING = Set.of("and", "also", "so", "but", "hi", "hey", "hello", "ok", "и", "а", "но");
    /** An English question inside a clause: "and if i dont like it can i return it". */
    private static final Pattern EN_INVERTED = Pattern.compile(
            "\\b(can|could|do|does|will|would|should|is|are|may)\\s+(i|you|we|it|there|they|my|your)\\b");

    /** Whether the part asks: a question mark follows it, or it says a question word. */
    static boolean asks(MessageParts.Part part) {
        if (part.asked()) {
            return true;
        }
        String[] words = words(part.text());
        if (EN_INVERTED.matcher(String.join(" ", words)).find()) {
            return true;
        }
        boolean first = true;
        for (String w : words) {
            if (RU_ASKING.contains(w) || QUESTION.contains(w) || first && EN_ASKING_FIRST.contains(w)) {
                return true;
            }
            first &= OPENING.contains(w);
        }
        return false;
    }

    /**
     * Whether the part, which does not ask ({@link #asks}), reports what happened: a verb in the
     * past, a participle or an order's number, and no request or problem.
     */
    static boolean reports(String text) {
        String[] words = words(text);
        for (String w : words) {
            if (REQUEST.contains(w) || RU_IMPERATIVE.matcher(w).matches() || PROBLEM.contains(w)) {
                return false;
            }
        }
        if (NUMBER.matcher(text).find()) {
            return true;
        }
        for (String w : words) {
            if (!NOT_PAST.contains(w) && (RU_PAST.matcher(w).matches() || RU_PARTICIPLE.matcher(w).matches()
                    || RU_PAST_OTHER.contains(w) || EN_PAST.matcher(w).matches() || EN_PAST_OTHER.contains(w))) {
                return true;
            }
        }
        return false;
    }

    /** The part is context: it does not ask and it reports. */
    static boolean context(MessageParts.Part part) {
        return !asks(part) && reports(part.text());
    }

    private static String[] words(String text) {
        return WORD.matcher(text.toLowerCase(Locale.ROOT).replace('ё', 'е')).results().map(r -> r.group()).toArray(String[]::new);
    }
}
