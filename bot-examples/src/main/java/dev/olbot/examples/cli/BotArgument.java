package dev.olbot.examples.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The bot of a command that runs one bot ({@code chat}, {@code webchat}, {@code emulator},
 * {@code serve}): its name as the first argument or through {@link BotChoice}'s options, and
 * {@code --verbose}. ({@code scenario} takes files as arguments and uses {@link BotChoice} alone.)
 */
final class BotArgument {

    @Parameters(index = "0", arity = "0..1", paramLabel = "BOT", description = "The bot's name (faq, triage, quickstart, ...); or use --bot.")
    String name;

    @Mixin
    BotChoice choice = new BotChoice();

    @Mixin
    VerboseOption verbose = new VerboseOption();

    /** The bot the command line names, built; throws {@link CliFailure} for any mistake. */
    BotCatalog.Chosen choose(BotCatalog catalog) {
        return choice.choose(catalog, name);
    }
}
