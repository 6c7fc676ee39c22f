package dev.olbot.bot;

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

    /** The default: a polite apology, and after two failures in a row, an operator. */
    static ErrorPolicy defaults() {
        return apologizeThenHandOff("Sorry, something went wrong on our side. Please try again.",
                "Sorry, I can't help right now. Connecting you to an operator.", 2);
    }
}
