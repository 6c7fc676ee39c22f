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

    /** The local port a command wanted is taken (or cannot be bound): one line naming the port and why. */
    static CliFailure portNotFree(int port, String why, Throwable cause) {
        return cannotRun("port " + port + " on 127.0.0.1 is not free: " + BotCatalog.firstLine(why), cause);
    }

    /** Waits up to 10 s for a server to listen; a failure to bind is {@link #portNotFree}. */
    static <T> T listening(int port, io.vertx.core.Future<T> started) throws Exception {
        try {
            return started.toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw portNotFree(port, e.getCause().getMessage(), e);
        }
    }

    int exitCode() {
        return exitCode;
    }
}
