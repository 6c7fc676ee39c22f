package dev.olbot.examples.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code olbot serve} child process of the harness, on a fixed port and data folder, so that after a
 * {@code kill -9} it starts again as the same instance (its inbox journal and instance id). Its output goes
 * to {@code serve.log} in its data folder; it counts as started once {@code /health/live} answers 200.
 */
final class ServedInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path dataDir;
    private final Map<String, String> env;
    private Process process;

    ServedInstance(String name, int port, Path dataDir, Map<String, String> env) {
        this.name = name;
        this.port = port;
        this.dataDir = dataDir;
        this.env = Map.copyOf(env);
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    /** Starts the process and waits (up to 60 s) until it serves HTTP. */
    ServedInstance start() throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener", "-cp", classPath(),
                "dev.olbot.examples.cli.Olbot", "serve", "--bot", OrdinalEchoBot.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("serve.log").toFile()));
        pb.environment().putAll(env);
        pb.environment().put("OLBOT_HOST", "127.0.0.1");
        pb.environment().put("OLBOT_PORT", Integer.toString(port));
        pb.environment().put("OLBOT_DATA_DIR", dataDir.toString());
        process = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " (olbot serve) ended at start; see " + dataDir.resolve("serve.log"));
            }
            if (live()) {
                return this;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " (olbot serve) did not answer /health/live within 60 s; see "
                + dataDir.resolve("serve.log"));
    }

    private boolean live() throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The class path of this JVM, absolute (the children may resolve it from another folder). */
    private static String classPath() {
        List<String> parts = new ArrayList<>();
        for (String p : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            parts.add(Path.of(p).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, parts);
    }

    /** SIGKILL: no shutdown hook, no drain, nothing flushed that was not already. */
    /** CPU time the process has used so far (0 when it is not running or the system does not say). */
    java.time.Duration cpuTime() {
        return process == null ? java.time.Duration.ZERO
                : process.toHandle().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }

    void kill9() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
