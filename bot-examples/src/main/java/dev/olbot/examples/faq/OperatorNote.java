package dev.olbot.examples.faq;

import dev.olbot.bot.BotContext;
import dev.olbot.bot.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A note for the operator who takes the dialog over: posted into the open-line chat but not to the
 * client's channel ({@link Reply#forOperatorOnly}: {@code SKIP_CONNECTOR=Y}, REFERENCE §4.1), so the
 * operator reads it and the client never sees it. {@code imopenlines.bot.session.message.send} with
 * {@code NAME=DEFAULT} would reach the client too (it is posted with {@code IMPORTANT_CONNECTOR=Y},
 * §7.1), and a client should not read "the bot could not answer you twice".
 *
 * <p>Sends what the turn queued so far first, to keep the order; a failure is logged and does not
 * stop the handoff.
 */
public final class OperatorNote {

    private static final Logger log = LoggerFactory.getLogger(OperatorNote.class);

    private OperatorNote() {}

    /** Posts {@code text} (BB-code, already escaped where it echoes the client) for the operator. */
    public static void post(BotContext ctx, String text) {
        try {
            ctx.flush();
            ctx.reply(Reply.forOperatorOnly(text));
            ctx.flush();
        } catch (RuntimeException e) {
            log.warn("could not post the operator note in dialog {}: {}", ctx.dialog().dialogId(), e.toString());
        }
    }
}
