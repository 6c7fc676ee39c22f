package dev.olbot.bot;

import dev.olbot.bot.text.BotTexts;

/**
 * Decides what the client sees when a handler throws. The cause is already logged with portal and
 * dialog ids. {@code failures} counts consecutive failed turns of this dialog (1 for the first).
 */
@FunctionalInterface
public interface ErrorPolicy {

    void onError(BotContext ctx, Exception error, int failures) throws Exception;

    /**
     * Says {@code sorry} on each failure; from the {@code handoffAfter}-th consecutive failure on,
     * says {@code handoff} and hands an open-line dialog to the operator queue.
     */
    static ErrorPolicy apologizeThenHandOff(String sorry, String handoff, int handoffAfter) {
        return (ctx, error, failures) -> {
            boolean openLine = ctx.dialog().isOpenLine();
            if (failures >= handoffAfter && openLine) {
                ctx.reply(handoff);
                ctx.toOperator();
            } else {
                ctx.reply(sorry);
            }
        };
    }

    /** The same, with texts per language picked by {@link BotContext#language()}. */
    static ErrorPolicy apologizeThenHandOff(dev.olbot.kb.LocalText sorry, dev.olbot.kb.LocalText handoff, int handoffAfter) {
        return (ctx, error, failures) -> apologizeThenHandOff(sorry.in(ctx.language()), handoff.in(ctx.language()), handoffAfter)
                .onError(ctx, error, failures);
    }

    /**
     * The default: a polite apology ({@link BotTexts#APOLOGY}), and after two failures in a row an
     * operator ({@link BotTexts#ERROR_HANDOFF}), in the client's language.
     */
    static ErrorPolicy defaults() {
        return apologizeThenHandOff(BotTexts.APOLOGY, BotTexts.ERROR_HANDOFF, 2);
    }
}
