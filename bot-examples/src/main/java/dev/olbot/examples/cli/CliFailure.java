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

    /** A file argument that is missing or names a folder: "{@code what} /x does not exist" or "… is a folder, not a file". */
    static CliFailure noFile(String what, java.nio.file.Path file) {
        return usage(what + " " + file + (java.nio.file.Files.isDirectory(file) ? " is a folder, not a file" : " does not exist"));
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

    /** A local port asked for on the command line: 0 (any free port) to 65535, else a usage mistake naming the option. */
    static int checkedPort(int port) {
        if (port < 0 || port > 65_535) {
            throw usage("--port: expected 0..65535 (0 = any free port), was " + port);
        }
        return port;
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
