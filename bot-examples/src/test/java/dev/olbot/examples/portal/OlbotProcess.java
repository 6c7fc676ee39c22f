package dev.olbot.examples.portal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code olbot ARGS} as a child process on the test class path: its output collected line by line, its input writable. */
final class OlbotProcess implements AutoCloseable {

    private final Process process;
    private final Writer in;
    private final List<String> lines = new ArrayList<>();

    OlbotProcess(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                "-cp", System.getProperty("java.class.path"), "dev.olbot.examples.cli.Olbot"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        process = pb.start();
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (java.io.IOException ended) {
                // the process ended
            }
        });
        pump.setDaemon(true);
        pump.start();
    }

    /** Types a line into the process. */
    void type(String line) throws Exception {
        in.write(line + "\n");
        in.flush();
    }

    /** The first group of the first output line matching {@code regex} (waits up to 60 s). */
    String await(String regex) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.currentTimeMillis() + 60_000;
        synchronized (lines) {
            while (true) {
                for (String l : lines) {
                    Matcher m = p.matcher(l);
                    if (m.find()) {
                        return m.groupCount() > 0 ? m.group(1) : m.group();
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("no output line matched /" + regex + "/ within 60 s; output:\n  " + String.join("\n  ", lines));
                }
                lines.wait(left);
            }
        }
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Waits for the process to end by itself; returns its exit code. */
    int waitFor() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the process did not end; output:\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
