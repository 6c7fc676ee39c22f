package dev.olbot.bot;

/**
 * What the bot does for one event. Runs off the Vert.x event loop, in dialog order (never two at a
 * time for one dialog); may block; may throw — the bot's {@link ErrorPolicy} decides what the
 * client sees.
 */
@FunctionalInterface
public interface Handler {

    void handle(BotContext ctx) throws Exception;
}
