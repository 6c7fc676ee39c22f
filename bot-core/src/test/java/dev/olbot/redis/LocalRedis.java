package dev.olbot.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} for one test class: started on a free port on 127.0.0.1 with no
 * persistence, in a temp directory, ready once it answers {@code PING}; killed after the class.
 * Never a system Redis. Use as {@code @RegisterExtension static final LocalRedis REDIS = new LocalRedis();}.
 */
public final class LocalRedis implements BeforeAllCallback, AfterAllCallback {

    private static final String BINARY = "redis-server";

    private Process process;
    private Path dir;
    private int port;
    private int depth; // @Nested classes run beforeAll/afterAll again: one server for the outermost class

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (depth++ == 0) {
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (--depth == 0) {
            stop();
        }
    }

    public void start() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("olbot-redis");
        for (int attempt = 0; attempt < 5 && process == null; attempt++) {
            port = freePort();
            Process p = new ProcessBuilder(List.of(BINARY, "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
                    "--appendonly", "no", "--dir", dir.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
            if (waitForPing(p)) {
                process = p;
            } else {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (process == null) {
            throw new IllegalStateException("redis-server did not start (is it installed? .ci/run installs it): "
                    + Files.readString(dir.resolve("redis.log")));
        }
    }

    /** Kills the server (SIGKILL, as a crash would) and removes its directory. */
    public void stop() throws IOException, InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Stops the server answering (SIGSTOP): connections stay open and commands hang, as in a network partition. */
    public void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Lets a paused server answer again (SIGCONT), with everything it held; commands sent meanwhile run now. */
    public void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String which) throws IOException, InterruptedException {
        if (new ProcessBuilder("kill", which, String.valueOf(process.pid())).start().waitFor() != 0) {
            throw new IllegalStateException("kill " + which + " " + process.pid() + " failed");
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    private boolean waitForPing(Process p) throws InterruptedException {
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
