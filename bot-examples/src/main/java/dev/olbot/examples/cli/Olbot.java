package dev.olbot.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code olbot} launcher: {@code java -jar bot-examples/target/olbot.jar <command>}. */
@Command(
        name = "olbot",
        mixinStandardHelpOptions = true,
        version = "olbot 0.1.0",
        description = "Run, inspect and test Bitrix24 Open Lines bots built with OLBot.",
        subcommands = {CommandLine.HelpCommand.class, ChatCommand.class, ServeCommand.class, ScenarioCommand.class, InspectCommand.class, BenchCommand.class, WebchatCommand.class})
public final class Olbot implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Olbot()).execute(args));
    }
}
