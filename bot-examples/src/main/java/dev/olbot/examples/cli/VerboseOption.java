package dev.olbot.examples.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: errors show the stack trace behind their one line (read by {@link Olbot}'s error handler). */
final class VerboseOption {

    @Option(names = "--verbose", description = "Print the stack trace behind an error.")
    boolean verbose;

    /**
     * An interactive command prints its own lines: OLBot's own log goes down to WARN unless the user
     * set {@code OLBOT_LOG} (as a system property or in the environment).
     */
    static void quietOwnLogsUnlessAsked() {
        if (System.getProperty("OLBOT_LOG") == null && System.getenv("OLBOT_LOG") == null) {
            System.setProperty("OLBOT_LOG", "WARN");
        }
    }
}
