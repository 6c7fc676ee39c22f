package dev.olbot.examples.cli;

/**
 * A mistake or obstacle the launcher reports as one line and an exit code (see {@link ExitCode}); the stack
 * trace of its cause is printed only with {@code --verbose}.
 */
final class CliFailure extends RuntimeException {

    private final int exitCode;

    CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** What was given is wrong: an argument, a file, a name, a key or a value in a config file. */
    static CliFailure usage(String message) {
        return new CliFailure(ExitCode.USAGE, message, null);
    }

    static CliFailure usage(String message, Throwable cause) {
        return new CliFailure(ExitCode.USAGE, message, cause);
    }

    /** The environment stands in the way: a port in use, a file that cannot be written. */
    static CliFailure cannotRun(String message, Throwable cause) {
        return new CliFailure(ExitCode.CANNOT_RUN, message, cause);
    }

    int exitCode() {
        return exitCode;
    }
}
