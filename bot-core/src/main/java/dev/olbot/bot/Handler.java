package dev.olbot.bot;

import dev.olbot.bot.routing.Intent;

/**
 * What the bot does for one event. Runs off the Vert.x event loop, in dialog order (never two at a
 * time for one dialog); may block; may throw — the bot's {@link ErrorPolicy} decides what the
 * client sees.
 */
@FunctionalInterface
public interface Handler {

    void handle(BotContext ctx) throws Exception;

    /**
     * A handler that starts the flow {@code name}: {@code .on(Intent.keywords("buy"),
     * Handler.startFlow("lead"))}. Unlike {@code ctx.startFlow(name)} inside a lambda, the bot checks
     * the name when it is built and refuses a flow that is not registered.
     */
    static Handler startFlow(String name) {
        return new StartFlow(name);
    }

    /** The handler {@link #startFlow(String)} returns. */
    record StartFlow(String flow) implements Handler {
        public StartFlow {
            if (flow == null || flow.isBlank()) {
                throw new IllegalArgumentException("startFlow: a flow name is required");
            }
        }

        @Override
        public void handle(BotContext ctx) {
            ctx.startFlow(flow);
        }
    }
}
