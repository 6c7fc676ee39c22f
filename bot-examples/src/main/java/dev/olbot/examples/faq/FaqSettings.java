package dev.olbot.examples.faq;

import dev.olbot.kb.KnowledgeBaseIndex;
import dev.olbot.kb.LocalText;

import java.util.List;
import java.util.Objects;

/**
 * How the FAQ bot behaves: matching thresholds, the welcome's top questions, the words that ask for
 * a person or end the chat, and every text it says (Russian and English). Immutable; start from
 * {@link #builder()}, which holds working defaults.
 *
 * @param thresholds     when an entry is answered, offered in "did you mean", or not found
 *                       ({@link KnowledgeBaseIndex.Thresholds#defaults()})
 * @param maxMisses      misses in a row before the dialog goes to an operator
 * @param topQuestions   entry ids shown as buttons in the welcome
 * @param operatorWords  a message with one of these words (or their inflected forms) asks for a person
 * @param closingPhrases whole messages that end the conversation ("спасибо", "bye", ...)
 * @param yesWords       answers that confirm closing the chat
 * @param noWords        answers that keep it open
 */
public record FaqSettings(
        String code,
        String name,
        KnowledgeBaseIndex.Thresholds thresholds,
        int maxMisses,
        List<String> topQuestions,
        List<String> operatorWords,
        List<String> closingPhrases,
        List<String> yesWords,
        List<String> noWords,
        Texts texts) {

    public FaqSettings {
        Objects.requireNonNull(thresholds, "FaqSettings: thresholds");
        if (maxMisses < 1) {
            throw new IllegalArgumentException("FaqSettings: maxMisses must be >= 1");
        }
        topQuestions = List.copyOf(topQuestions);
        operatorWords = List.copyOf(operatorWords);
        closingPhrases = List.copyOf(closingPhrases);
        yesWords = List.copyOf(yesWords);
        noWords = List.copyOf(noWords);
        Objects.requireNonNull(texts);
    }

    /**
     * What the bot says. {@code ${...}} placeholders: {@code handoffSummary} gets {@code question}
     * (the client's last message), {@code misses} (the unanswered messages) and {@code reason}.
     */
    public record Texts(LocalText welcome, LocalText didYouMean, LocalText notUnderstood, LocalText handoff,
            LocalText handoffSummary, LocalText closing, LocalText closeQuestion, LocalText yes, LocalText no,
            LocalText goOn, LocalText goodbye, LocalText moreInfo, LocalText reasonMisses, LocalText reasonAsked) {}

    public static FaqSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with the defaults; change what you need. */
    public static final class Builder {
        private String code = "faq_bot";
        private String name = "TechMarket";
        private KnowledgeBaseIndex.Thresholds thresholds = KnowledgeBaseIndex.Thresholds.defaults();
        private int maxMisses = 2;
        private List<String> topQuestions = List.of("delivery-time", "order-status", "payment-methods", "returns");
        private List<String> operatorWords = List.of("оператор", "человек", "менеджер", "специалист", "сотрудник",
                "консультант", "живой", "operator", "human", "agent", "person", "manager", "representative");
        private List<String> closingPhrases = List.of("спасибо", "спасибо большое", "большое спасибо", "благодарю",
                "спасибо пока", "спасибо до свидания", "пока", "до свидания", "всего доброго", "все понятно спасибо",
                "понятно спасибо", "thanks", "thank you", "thanks a lot", "thank you very much", "thx", "bye", "goodbye",
                "thanks bye", "ok thanks", "got it thanks");
        private List<String> yesWords = List.of("да", "да закрыть", "закрыть", "закрывайте", "можно", "yes", "yes close",
                "close", "sure", "ok");
        private List<String> noWords = List.of("нет", "нет еще вопрос", "не надо", "no", "not yet", "no i have a question");
        private Texts texts = new Texts(
                LocalText.of("Здравствуйте! Я бот поддержки TechMarket. Задайте вопрос своими словами или выберите популярный:",
                        "Hello! I am the TechMarket support bot. Ask your question in your own words or pick a popular one:"),
                LocalText.of("Уточните, пожалуйста, что вы имели в виду:", "Did you mean:"),
                LocalText.of("Извините, я не нашёл ответа. Попробуйте сформулировать иначе или напишите «оператор».",
                        "Sorry, I could not find an answer. Try other words, or write “operator”."),
                LocalText.of("Соединяю вас с оператором, он ответит в ближайшее время.",
                        "Connecting you to an operator; they will answer shortly."),
                LocalText.of("[b]Бот передаёт диалог оператору[/b] (${reason})[br]Последний вопрос: ${question}[br]Без ответа: ${misses}",
                        "[b]The bot hands this dialog over[/b] (${reason})[br]Last question: ${question}[br]Unanswered: ${misses}"),
                LocalText.of("Рад был помочь!", "Glad I could help!"),
                LocalText.of("Можно закрыть чат?", "Can I close the chat?"),
                LocalText.of("Да", "Yes"),
                LocalText.of("Нет, ещё вопрос", "No, one more question"),
                LocalText.of("Хорошо, задавайте вопрос.", "Sure, go ahead."),
                LocalText.of("Спасибо за обращение! Хорошего дня.", "Thank you for contacting us! Have a nice day."),
                LocalText.of("Подробнее:", "More:"),
                LocalText.of("бот не нашёл ответа", "the bot found no answer"),
                LocalText.of("клиент попросил оператора", "the client asked for a person"));

        private Builder() {}

        public Builder code(String code) { this.code = code; return this; }
        public Builder name(String name) { this.name = name; return this; }
        public Builder thresholds(KnowledgeBaseIndex.Thresholds thresholds) { this.thresholds = thresholds; return this; }
        public Builder maxMisses(int maxMisses) { this.maxMisses = maxMisses; return this; }
        public Builder topQuestions(String... ids) { this.topQuestions = List.of(ids); return this; }
        public Builder operatorWords(String... words) { this.operatorWords = List.of(words); return this; }
        public Builder closingPhrases(String... phrases) { this.closingPhrases = List.of(phrases); return this; }
        public Builder yesWords(String... words) { this.yesWords = List.of(words); return this; }
        public Builder noWords(String... words) { this.noWords = List.of(words); return this; }
        public Builder texts(Texts texts) { this.texts = texts; return this; }

        public FaqSettings build() {
            return new FaqSettings(code, name, thresholds, maxMisses, topQuestions, operatorWords, closingPhrases,
                    yesWords, noWords, texts);
        }
    }
}
