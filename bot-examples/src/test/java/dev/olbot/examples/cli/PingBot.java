package dev.olbot.examples.cli;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotProvider;
import dev.olbot.bot.routing.Intent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A team's bot that is not one of the shipped examples: answers "ping" with the word in its config file. */
public class PingBot implements BotProvider {

    @Override
    public Bot create(Optional<Path> config) {
        String answer = config.map(PingBot::read).orElse("pong");
        if (answer.isBlank()) {
            throw new IllegalArgumentException(config.orElseThrow() + ": the answer is empty");
        }
        return Bot.builder("ping_bot").name("Ping")
                .onWelcome(ctx -> ctx.reply("Ping bot here."))
                .on(Intent.keywords("ping"), ctx -> ctx.reply(answer))
                .fallback(ctx -> ctx.reply("Say ping."))
                .build();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
