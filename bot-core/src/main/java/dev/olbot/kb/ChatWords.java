package dev.olbot.kb;

import dev.olbot.bot.routing.Utterance;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Word lists of client messages that {@link TextAnalysis} treats specially, beyond Lucene's Russian
 * and English stop words: chat filler that is dropped, and generic words that are kept but never
 * carry a match on their own.
 */
public final class ChatWords {

    private ChatWords() {}

    /** Words of chat messages that never decide a topic, beyond Lucene's Russian and English stop sets. */
    public static final List<String> FILLER = List.of(
            "здравствуйте", "здраствуйте", "привет", "приветствую", "добрый", "доброе", "доброй", "день", "вечер", "утро",
            "подскажите", "подскажи", "скажите", "пожалуйста", "пожалуйсто", "плиз", "спасибо", "хочу", "хотел", "хотела",
            "можно", "могу", "есть", "это", "мне", "мой", "моя", "мое", "мои", "мою", "моего", "моей", "ваш", "ваша",
            "ваше", "ваши", "вашем", "у", "ли", "уже", "ещё", "еще", "очень", "вопрос", "нужно", "надо", "какой", "какая",
            "какие", "каким", "какую", "какое", "нужен", "нужна", "нужны",
            "узнать", "интересует", "такое", "ну", "вот", "а", "и", "там", "тут", "же",
            "hi", "hello", "hey", "please", "pls", "plz", "thanks", "i", "me", "my", "you", "your", "we", "our", "us",
            "can", "could", "would", "do", "does", "did", "want", "like", "get", "what", "which",
            "who", "any", "some", "just", "need", "have", "has", "there", "here", "im", "its", "is", "am",
            "are", "was", "good", "morning", "afternoon", "evening", "question", "tell", "know", "about", "also", "still",
            "right", "now", "one", "whats", "what's", "wat", "up", "u", "r", "ur", "thx", "ok", "okay", "hiya", "folks", "guys", "ребята",
            "слушайте", "вообще", "короче", "типа", "блин", "всем", "всё", "все");

    /**
     * Question words by kind — amount, time, place, direction, manner — in both languages: weak terms that
     * never carry a match on their own but pick between entries of one topic ("когда доставка" is
     * about the time, "сколько доставка" about the cost). See {@link QuestionWordFilter}.
     */
    public static final Map<String, List<String>> QUESTION = Map.of(
            "сколько", List.of("сколько", "скольки", "скока", "скоко", "сколко", "сколька", "почем", "much", "many"),
            "когда", List.of("когда", "када", "кагда", "когдп", "завтра", "сегодня", "долго", "долгая", "долгий", "долгое", "when", "tomorrow", "today"),
            "где", List.of("где", "гле", "where", "wheres"),
            "куда", List.of("куда", "откуда"),
            "как", List.of("как", "how", "hows"));

    /**
     * Words that are terms but never carry a topic on their own: a match made of these alone ("где
     * купить хлеб", "whats the time", "what is 2 plus 2") is no match ({@link TextAnalysis#generic}).
     */
    public static final List<String> GENERIC = List.of(
            "купить", "покупать", "куплю", "стоит", "стоить", "стоят", "время", "времени", "создать", "создал", "сделать",
            "делать", "новый", "новое", "новые", "хороший", "дать", "дай", "взять", "найти", "сказать", "рассказать",
            "вчера", "час", "часа", "часов", "человек", "вещь", "штука", "лучший", "самый", "большой",
            "buy", "bought", "cost", "costs", "time", "make", "made", "create", "created", "new", "good", "best", "tell",
            "say", "thing", "stuff", "day", "days", "yesterday", "something", "people", "big",
            "story");

    /**
     * Short replies in a conversation — yes, no, ok, thanks — that ask nothing: a message made of these
     * alone ("нет", "ок, спасибо", "yes!") is never answered or offered a keyboard ({@link #bareReply}).
     */
    public static final Set<String> REPLIES = Set.of(
            "да", "нет", "неа", "не", "ок", "окей", "ага", "угу", "ясно", "понятно", "ладно", "хорошо", "спасибо",
            "благодарю", "супер", "отлично", "понял", "поняла", "yes", "yeah", "yep", "no", "nope", "ok", "okay",
            "sure", "thanks", "thank", "thx", "great", "fine", "got", "it", "cool");

    /**
     * Words by which a client addresses the business it writes to — "у вас", "ваш сайт", "you", "your" —
     * in Cyrillic and Latin letters ({@link #addressesUs}).
     */
    public static final Set<String> ADDRESS = Set.of(
            "вас", "вам", "вами", "ваш", "ваша", "ваше", "ваши", "вашего", "вашей", "вашем", "вашу", "вашим", "ваших", "вашими",
            "vas", "vam", "vash", "vasha", "vashe", "vashi", "vashego", "vashem", "you", "your", "yours", "ya'll", "yall");

    /** Whether {@code text} addresses the business it is written to: says one of {@link #ADDRESS}. */
    public static boolean addressesUs(String text) {
        String n = Utterance.normalize(text);
        return !n.isEmpty() && Arrays.stream(n.split(" ")).anyMatch(ADDRESS::contains);
    }

    /** Whether {@code text} says nothing but {@link #REPLIES} (after {@link Utterance#normalize}). */
    public static boolean bareReply(String text) {
        String n = Utterance.normalize(text);
        return !n.isEmpty() && Arrays.stream(n.split(" ")).allMatch(REPLIES::contains);
    }
}
