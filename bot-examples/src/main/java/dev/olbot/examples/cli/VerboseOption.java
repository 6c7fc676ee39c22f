package dev.olbot.examples.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: errors show the stack trace behind their one line (read by {@link Olbot}'s error handler). */
final class VerboseOption {

    @Option(names = "--verbose", description = "Print the stack trace behind an error.")
    boolean verbose;
}
