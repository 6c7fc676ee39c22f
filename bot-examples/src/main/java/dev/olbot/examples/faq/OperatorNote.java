package dev.olbot.examples.faq;

import dev.olbot.bot.BotContext;
import dev.olbot.event.ApiVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A note for the operator who takes the dialog over: posted into the open-line chat with
 * {@code imbot.message.add} and {@code SKIP_CONNECTOR=Y} (REFERENCE §4.1: "do not send to the Open
 * Channel's external connectors"), so the operator reads it in the chat and the client never sees it.
 * {@code imopenlines.bot.session.message.send} with {@code NAME=DEFAULT} would reach the client too
 * (it is posted with {@code IMPORTANT_CONNECTOR=Y}, §7.1), and a client should not read "the bot
 * could not answer you twice". Chatbots 2.0 dialogs fall back to that line message (OLBot's
 * {@code Reply} has no skip-connector flag, so the v2 equivalent is not wired here).
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
            if (ctx.event().meta().version() == ApiVersion.V2) {
                ctx.sendLineMessage(text);
                return;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("BOT_ID", ctx.botId());
            p.put("DIALOG_ID", ctx.dialog().dialogId());
            p.put("MESSAGE", text);
            p.put("SYSTEM", "Y");
            p.put("SKIP_CONNECTOR", "Y");
            p.put("URL_PREVIEW", "N");
            ctx.rest().call(ctx.portal(), "imbot.message.add", p).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("could not post the operator note in dialog {}: {}", ctx.dialog().dialogId(), e.toString());
        }
    }
}
