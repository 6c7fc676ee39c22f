package dev.olbot.examples;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotProvider;
import dev.olbot.examples.cli.EmbeddedAccount;
import dev.olbot.examples.faq.FaqBotProvider;
import dev.olbot.examples.quickstart.QuickStartBotProvider;
import dev.olbot.examples.triage.TriageBotProvider;
import dev.olbot.testkit.scenario.BotTestKit;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The example bots, for tests and benchmarks. The launcher finds them like any other bot, through their
 * {@link BotProvider}s listed in {@code META-INF/services/dev.olbot.bot.BotProvider}.
 */
public enum ExampleBots {
    FAQ(new FaqBotProvider()), TRIAGE(new TriageBotProvider()), QUICKSTART(new QuickStartBotProvider());

    private final BotProvider provider;

    ExampleBots(BotProvider provider) {
        this.provider = provider;
    }

    public BotProvider provider() {
        return provider;
    }

    /** Builds the bot from its shipped config, or from {@code config} when given. */
    public Bot create(Path config) {
        return provider.create(Optional.ofNullable(config));
    }

    /** The embedded account this bot expects (the triage config transfers to lines 3 and 4 and to user 55). */
    public Consumer<BotTestKit.Options> embedded(Path config) {
        return EmbeddedAccount.of(create(config), provider);
    }
}
