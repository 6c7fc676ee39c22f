package dev.olbot.examples.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options that choose a bot, the same in {@code chat}, {@code scenario} and {@code serve}. */
final class BotChoice {

    @Option(names = "--bot", paramLabel = "NAME|CLASS",
            description = "The bot: a name (faq, triage, quickstart, or one your jar lists) or a class implementing dev.olbot.bot.BotProvider.")
    String bot;

    @Option(names = "--jar", paramLabel = "JAR", description = "A jar with your bot (and META-INF/services/dev.olbot.bot.BotProvider).")
    Path jar;

    @Option(names = "--bot-config", paramLabel = "FILE", description = "The bot's own config file (faq: knowledge base, triage: triage.yaml).")
    Path botConfig;

    @Option(names = "--config", hidden = true, paramLabel = "FILE")
    Path ambiguousConfig;

    /** The bot named by {@code positional} or {@code --bot}, built; throws {@link CliFailure} for any mistake. */
    BotCatalog.Chosen choose(BotCatalog catalog, String positional) {
        if (ambiguousConfig != null) {
            throw CliFailure.usage("--config is gone: use --bot-config FILE for the bot's own config"
                    + " (serve: --properties FILE for OLBOT_* settings)");
        }
        if (positional != null && bot != null && !positional.equals(bot)) {
            throw CliFailure.usage("two bots given ('" + positional + "' and --bot " + bot + "): give one");
        }
        return catalog.choose(positional != null ? positional : bot, jar, botConfig);
    }
}
