package dev.olbot.examples.bench;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotProvider;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The bot of {@code olbot bench cluster}: every client message gets exactly one reply, {@code echo <text>}. The
 * harness writes the message's ordinal into the text ({@code m1} … {@code m10}), so a dialog's replies show
 * whether anything was lost, sent twice or answered out of order.
 */
public final class OrdinalEchoBot implements BotProvider {

    /** The bot's code on the portal. */
    public static final String CODE = "cluster_bench";

    @Override
    public Bot create(Optional<Path> config) {
        return Bot.builder(CODE).name("Cluster bench").fallback(ctx -> ctx.reply("echo " + ctx.utterance().text())).build();
    }
}
