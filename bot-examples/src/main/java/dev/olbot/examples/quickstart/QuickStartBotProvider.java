package dev.olbot.examples.quickstart;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotProvider;
import java.nio.file.Path;
import java.util.Optional;

/** {@code olbot chat quickstart}: the README's ten-line bot (it has no config file). */
public final class QuickStartBotProvider implements BotProvider {

    @Override
    public String name() {
        return "quickstart";
    }

    @Override
    public String description() {
        return "the README's ten-line shop bot";
    }

    @Override
    public Bot create(Optional<Path> config) {
        if (config.isPresent()) {
            throw new IllegalArgumentException("the quickstart bot has no config file; drop --bot-config " + config.get());
        }
        return QuickStartBot.create();
    }
}
