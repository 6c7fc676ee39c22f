package dev.olbot.bot.text;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotContext;
import java.util.Optional;

/**
 * The language of a client's message, told by its script: Cyrillic letters are {@code ru}, Latin
 * letters {@code en}; digits, emoji and punctuation say nothing. The engine remembers the last
 * language a client wrote in ({@link #VAR}), so {@link BotContext#language()} also works in turns
 * without text (a timeout, the bot joining); before the client wrote anything it is the bot's
 * configured {@code Bot.Builder.language}.
 */
public final class Language {

    /** The dialog variable holding the language of the client's last message with letters. */
    public static final String VAR = "olbot.lang";

    private Language() {}

    /** {@code ru}, {@code en}, or empty when the text has no Cyrillic or Latin letter. */
    public static Optional<String> detect(String text) {
        if (text == null) {
            return Optional.empty();
        }
        boolean latin = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.CYRILLIC) {
                return Optional.of("ru");
            }
            latin |= script == Character.UnicodeScript.LATIN && Character.isLetter(c);
            i += Character.charCount(c);
        }
        return latin ? Optional.of("en") : Optional.empty();
    }
}
