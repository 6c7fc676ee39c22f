package dev.olbot.bot.text;

import dev.olbot.bot.BotContext;
import dev.olbot.bot.ErrorPolicy;
import dev.olbot.bot.routing.PersonRequest;
import dev.olbot.kb.LocalText;

/**
 * What the framework itself says, in Russian and English; {@link BotContext#language()} picks one.
 * Bots replace them where they configure the behaviour (an {@link ErrorPolicy}, a flow's handlers,
 * {@link PersonRequest#then}).
 */
public final class BotTexts {

    /** A handler failed. */
    public static final LocalText APOLOGY = LocalText.of("Извините, у нас что-то пошло не так. Попробуйте ещё раз, пожалуйста.",
            "Sorry, something went wrong on our side. Please try again.");
    /** Failures in a row: the dialog goes to an operator. */
    public static final LocalText ERROR_HANDOFF = LocalText.of("Извините, сейчас я не могу помочь. Соединяю вас с оператором.",
            "Sorry, I can't help right now. Connecting you to an operator.");
    /** The client asked for a person. */
    public static final LocalText PERSON_HANDOFF = LocalText.of("Соединяю вас с оператором, он ответит здесь же.",
            "Connecting you to an operator; they will answer here.");
    /** The client asked for a person outside an open line, where there is no operator queue. */
    public static final LocalText NO_OPERATOR_HERE = LocalText.of("В этом чате нет операторов, но я постараюсь помочь.",
            "There are no operators in this chat, but I will try to help.");
    /** The client cancelled a flow. */
    public static final LocalText CANCELLED = LocalText.of("Хорошо, отменил. Чем ещё могу помочь?",
            "OK, cancelled. What else can I do for you?");
    /** Added to a question asked again after invalid answers. */
    public static final LocalText WAY_OUT = LocalText.of("Если не получается — напишите «оператор», и я позову человека, или «отмена», чтобы выйти.",
            "If this does not work, write “operator” and I will call a person, or “cancel” to stop.");
    /** Too many invalid answers: the dialog goes to an operator. */
    public static final LocalText TOO_MANY_ATTEMPTS = LocalText.of("Похоже, мне не удаётся понять ответ. Соединяю вас с оператором.",
            "It seems I can't get this right. Connecting you to an operator.");

    private BotTexts() {}
}
