package dev.olbot.examples.server;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotProvider;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Echoes a client's message — after {@code SLOW_ECHO_DELAY_MS} milliseconds when that variable is
 * set, so a test can kill the process while events are accepted and not yet handled.
 */
public class SlowEchoBot implements BotProvider {

    @Override
    public Bot create(Optional<Path> config) {
        long delay = Long.parseLong(System.getenv().getOrDefault("SLOW_ECHO_DELAY_MS", "0"));
        return Bot.builder("slow_echo").name("Slow echo")
                .fallback(ctx -> {
                    Thread.sleep(delay);
                    ctx.reply("echo: " + ctx.utterance().text());
                })
                .build();
    }
}
