package dev.olbot.rest.methods;

import dev.olbot.rest.methods.internal.Invoker;
import dev.olbot.rest.methods.internal.Params;
import dev.olbot.rest.methods.internal.Results;
import io.vertx.core.Future;

/**
 * The bot's Open Line helpers ({@code imopenlines.bot.session.*}); see {@link BotSessionSpecs}.
 * All take the numeric Open Line {@code CHAT_ID} (not the {@code chatN} dialog id) and complete
 * with {@code true}. {@code imopenlines.bot.session.operator} fails with {@code WRONG_CHAT} when an
 * operator already has the dialog.
 */
public final class BotSession {

    private final Invoker invoker;

    BotSession(Invoker invoker) {
        this.invoker = invoker;
    }

    /** {@code NAME=DEFAULT}: posts {@code text} as an automatic (system-style) message that reaches the client. */
    public Future<Boolean> sendMessage(long chatId, String text) {
        return invoker.call(BotSessionSpecs.MESSAGE_SEND, Params.of("CHAT_ID", chatId, "NAME", "DEFAULT", "MESSAGE", text), Results::bool);
    }

    /** {@code NAME=WELCOME}: posts the line's configured greeting. */
    public Future<Boolean> sendWelcome(long chatId) {
        return invoker.call(BotSessionSpecs.MESSAGE_SEND, Params.of("CHAT_ID", chatId, "NAME", "WELCOME"), Results::bool);
    }

    /** Hands the dialog to the line's queue (a free operator). */
    public Future<Boolean> toOperator(long chatId) {
        return invoker.call(BotSessionSpecs.OPERATOR, Params.of("CHAT_ID", chatId), Results::bool);
    }

    /** Transfers to an employee or another line. */
    public Future<Boolean> transfer(Transfer transfer) {
        return invoker.call(BotSessionSpecs.TRANSFER, transfer.toParams(), Results::bool);
    }

    /** Finishes the session on behalf of the application's bot. */
    public Future<Boolean> finish(long chatId) {
        return invoker.call(BotSessionSpecs.FINISH, Params.of("CHAT_ID", chatId), Results::bool);
    }
}
