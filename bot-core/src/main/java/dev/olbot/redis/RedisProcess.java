package dev.olbot.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of one's own for tests and benchmarks: started from the {@code PATH} on a
 * free port on 127.0.0.1 with no persistence, its files in a folder given, ready once it answers
 * {@code PING}; never a system Redis. {@link #pause()} and {@link #resume()} make it stop and start
 * answering (SIGSTOP/SIGCONT, as in a network partition); {@link #close()} kills it.
 *
 * <pre>{@code
 * try (RedisProcess redis = RedisProcess.start(dir)) {
 *     env.put("OLBOT_REDIS_URL", redis.url());
 *     ...
 * }
 * }</pre>
 */
public final class RedisProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts one, its files (and {@code redis.log}) in {@code dir}.
     *
     * @throws IllegalStateException naming the cause (not installed, or redis-server's own output) when it
     *                               does not answer within 10 s
     */
    public static RedisProcess start(Path dir) {
        try {
            Files.createDirectories(dir);
            Path log = dir.resolve("redis.log");
            for (int attempt = 0; attempt < 5; attempt++) {
                int port = freePort();
                Process p;
                try {
                    p = new ProcessBuilder(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                            "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                } catch (IOException e) {
                    throw new IllegalStateException("redis-server could not be started (is it installed? apt-get install "
                            + "redis-server): " + e.getMessage());
                }
                if (answersPing(p, port)) {
                    return new RedisProcess(p, port);
                }
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            throw new IllegalStateException("redis-server did not start: " + Files.readString(log).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting redis-server", e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}, the form {@code OLBOT_REDIS_URL} takes. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops it answering (SIGSTOP): connections stay open and commands wait, as in a network partition. */
    public void pause() {
        signal("-STOP");
    }

    /** Lets it answer again (SIGCONT), with everything it held; commands sent meanwhile run now. */
    public void resume() {
        signal("-CONT");
    }

    private void signal(String which) {
        try {
            if (new ProcessBuilder("kill", which, String.valueOf(process.pid())).start().waitFor() != 0) {
                throw new IllegalStateException("kill " + which + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling redis-server", e);
        }
    }

    /** A port free on 127.0.0.1 now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean answersPing(Process p, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] reply = new byte[7];
                int n = s.getInputStream().read(reply);
                if (n > 0 && new String(reply, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Kills it (SIGKILL, continued first if paused) and waits up to 10 s for it to end. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                resume();
            } catch (RuntimeException ignored) {
                // killed below anyway
            }
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
