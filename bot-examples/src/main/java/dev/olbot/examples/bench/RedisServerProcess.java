package dev.olbot.examples.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} of the harness's own: a free port on 127.0.0.1, no persistence, its files in
 * {@code dir}; ready once it answers {@code PING}. Never a system Redis.
 */
final class RedisServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts one; throws with redis-server's own output when it does not answer within 10 s. */
    static RedisServerProcess start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path log = dir.resolve("redis.log");
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = freePort();
            Process p;
            try {
                p = new ProcessBuilder(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
                        "--appendonly", "no", "--dir", dir.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw new IllegalStateException("redis-server could not be started (is it installed? apt-get install redis-server): "
                        + e.getMessage());
            }
            if (answersPing(p, port)) {
                return new RedisServerProcess(p, port);
            }
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        throw new IllegalStateException("redis-server did not start: " + Files.readString(log).strip());
    }

    /** Stops it answering (SIGSTOP): connections stay open and commands wait, as in a network partition. */
    void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Lets it answer again (SIGCONT), with everything it held. */
    void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String which) throws IOException, InterruptedException {
        if (new ProcessBuilder("kill", which, String.valueOf(process.pid())).start().waitFor() != 0) {
            throw new IllegalStateException("kill " + which + " " + process.pid() + " failed");
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
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

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            resume(); // a stopped process does not die of SIGKILL until it is continued on some systems
        } catch (IOException | RuntimeException ignored) {
            // it is killed below anyway
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
