package dev.olbot.examples.cli;

/** The launcher's exit codes, as documented in the README and in {@code olbot --help}. */
final class ExitCode {

    /** Done; every scenario passed; the event decoded. */
    static final int OK = 0;
    /** A scenario failed; the inspected file is not a Bitrix24 event. */
    static final int FAILED = 1;
    /** A mistake in what was given: option, bot name, file, properties key, config value. */
    static final int USAGE = 2;
    /** The environment stands in the way: the port is taken, a file cannot be read or written. */
    static final int CANNOT_RUN = 3;
    /** A defect: an unexpected exception (run with --verbose and report it). */
    static final int INTERNAL = 4;

    private ExitCode() {}
}
