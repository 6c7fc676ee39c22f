package dev.olbot.bot;

/**
 * Code around every turn that reaches the router (logging, metrics, auth checks, language
 * detection…). Call {@code next.proceed()} to continue, or don't to stop the turn. Runs on the
 * dialog's lane thread; may block; may throw.
 */
@FunctionalInterface
public interface Middleware {

    void handle(BotContext ctx, Next next) throws Exception;

    /** The rest of the chain. */
    @FunctionalInterface
    interface Next {
        void proceed() throws Exception;
    }
}
