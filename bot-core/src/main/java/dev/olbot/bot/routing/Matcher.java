package dev.olbot.bot.routing;

import dev.olbot.bot.BotContext;
import java.util.List;

/** Decides whether an utterance is meant for an intent. Must be fast and side-effect free. */
public interface Matcher {

    Precedence kind();

    Match match(Utterance utterance, BotContext ctx);

    /**
     * The keys this matcher claims (normalized keywords, a command word, a pattern); two intents
     * of the same kind claiming the same key are refused at registration.
     */
    List<String> keys();

    /** How the matcher reads in messages: {@code keyword 'price'}, {@code regex 'order (\d+)'}. */
    String describe();
}
