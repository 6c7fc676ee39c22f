package dev.olbot.examples.faq;

import dev.olbot.bot.Utterance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Prepares a question for matching: {@link Utterance#normalize} (case, {@code ё}, punctuation), drops
 * words that carry no topic ("как", "мне", "пожалуйста", "how", "my", "please", ...), and cuts common
 * Russian and English word endings ("доставки" → "доставк", "delivered" → "deliver"), so that
 * inflection and filler words do not decide which answer wins.
 */
final class QueryText {

    private static final Set<String> STOP = Set.of(
            // ru
            "а", "и", "но", "или", "в", "во", "на", "с", "со", "по", "за", "до", "от", "из", "к", "ко", "о", "об", "у",
            "для", "при", "же", "бы", "ли", "то", "это", "как", "где", "когда", "что", "чем", "кто", "какой", "какая",
            "какие", "каким", "какую", "какое", "сколько", "можно", "есть", "я", "мне", "меня", "мой", "моя", "мое", "мои",
            "мою", "моего", "моей", "мы", "нам", "нас", "вы", "вас", "вам", "ваш", "ваша", "ваше", "ваши", "вашем", "он",
            "она", "они", "его", "ее", "их", "хочу", "хотел", "хотела", "хотим", "нужно", "надо", "пожалуйста", "подскажите",
            "скажите", "здравствуйте", "добрый", "день", "вечер", "привет", "уже", "еще", "очень", "просто", "сейчас",
            "там", "тут", "так", "вот", "ну", "все", "всё", "если", "чтобы", "вопрос", "нужен", "нужна", "нужны",
            // en
            "how", "do", "does", "did", "i", "im", "my", "me", "you", "your", "we", "our", "us", "is", "are", "am", "was",
            "the", "a", "an", "to", "of", "in", "on", "for", "can", "could", "what", "where", "when", "which", "there",
            "it", "be", "with", "please", "hi", "hello", "about", "get", "want", "would", "like", "this", "that", "and",
            "or", "at", "by", "will", "much", "many", "any", "some", "if", "so", "just", "need", "t", "s", "don", "doesn",
            "have", "has", "hey", "question", "tell", "know", "not");

    private static final List<String> RU_ENDINGS = sortedByLength(
            "иями", "ями", "ами", "ией", "иям", "ием", "ого", "его", "ому", "ему", "ыми", "ими", "ых", "их", "ой", "ей",
            "ий", "ый", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю", "ов", "ев", "ах", "ях", "ам", "ям", "ом", "ем",
            "ешь", "ете", "ишь", "ите", "ить", "ать", "ять", "еть", "уть", "ться", "тся", "лся", "лась", "лось", "ся",
            "ила", "ала", "или", "али", "ла", "ло", "ли", "ть", "ют", "ут", "ит", "ет", "ат", "ят",
            "у", "ю", "а", "я", "о", "е", "ы", "и", "ь", "й");

    private static final List<String> EN_ENDINGS = sortedByLength("ing", "ed", "es", "s", "ly");

    private QueryText() {}

    /** The words that decide the topic, stemmed, in order; may be empty. */
    static List<String> topicWords(String text) {
        String n = Utterance.normalize(text);
        List<String> out = new ArrayList<>();
        if (n.isEmpty()) {
            return out;
        }
        for (String w : n.split(" ")) {
            if (!STOP.contains(w)) {
                out.add(stem(w));
            }
        }
        return out;
    }

    /** {@link #topicWords} joined by spaces, or the normalized text when every word was a filler. */
    static String prepare(String text) {
        List<String> words = topicWords(text);
        return words.isEmpty() ? Utterance.normalize(text) : String.join(" ", words);
    }

    static String stem(String word) {
        boolean cyrillic = word.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
        List<String> endings = cyrillic ? RU_ENDINGS : EN_ENDINGS;
        int minStem = cyrillic ? 3 : 4;
        for (String e : endings) {
            if (word.endsWith(e) && word.length() - e.length() >= minStem && !(e.equals("s") && word.endsWith("ss"))) {
                return word.substring(0, word.length() - e.length());
            }
        }
        return word;
    }

    private static List<String> sortedByLength(String... endings) {
        List<String> list = new ArrayList<>(List.of(endings));
        list.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(list);
    }
}
