package dev.olbot.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} ({@link RedisProcess}) for one test class: started on a free port on
 * 127.0.0.1 with no persistence, in a temp directory; killed after the class. Never a system Redis.
 * Use as {@code @RegisterExtension static final LocalRedis REDIS = new LocalRedis();}.
 */
public final class LocalRedis implements BeforeAllCallback, AfterAllCallback {

    private RedisProcess process;
    private Path dir;
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

    public void start() throws IOException {
        dir = Files.createTempDirectory("olbot-redis");
        process = RedisProcess.start(dir);
    }

    /** Kills the server (SIGKILL, as a crash would) and removes its directory; again, does nothing. */
    public void stop() throws IOException {
        if (process != null) {
            process.close();
            process = null;
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
            dir = null;
        }
    }

    /** Stops the server answering (SIGSTOP): connections stay open and commands hang, as in a network partition. */
    public void pause() {
        process.pause();
    }

    /** Lets a paused server answer again (SIGCONT), with everything it held; commands sent meanwhile run now. */
    public void resume() {
        if (process != null) {
            process.resume();
        }
    }

    public int port() {
        return process.port();
    }

    public String url() {
        return process.url();
    }
}
