package dev.olbot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code olbot webchat triage --port 0}, driven as a user would: a browser's requests, and the operator's typing. */
class WebchatCommandTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theVisitorChatsWithTheBotAndThenWithTheOperatorInTheTerminal() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typing);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        picocli.CommandLine olbot = Olbot.commandLine(stdin);
        olbot.setOut(new PrintWriter(new OutputStreamWriter(printed, StandardCharsets.UTF_8), true));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> olbot.execute("webchat", "triage", "--port", "0"));

        String base = waitFor(() -> {
            Matcher m = Pattern.compile("\\* widget: (http://127\\.0\\.0\\.1:\\d+)/").matcher(printed.toString(StandardCharsets.UTF_8));
            return m.find() ? m.group(1) : null;
        });
        assertThat(get(base + "/").body()).contains("<title>Web chat</title>");
        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(base + "/api/conversations/c1/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"visitorId\":\"v1\",\"name\":\"Anna\",\"text\":\"добрый день\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(202);
        waitFor(() -> get(base + "/api/conversations/c1").body().contains("Здравствуйте, Anna!") ? "bot answered" : null);

        typing.write("accept\nsay Добрый день, это Ольга\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        waitFor(() -> get(base + "/api/conversations/c1").body().contains("Добрый день, это Ольга") ? "operator answered" : null);

        typing.write("quit\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("* chat100: operator");
    }

    @Test
    void aTakenPortIsOneLineAndExitCode3() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            java.io.StringWriter err = new java.io.StringWriter();
            picocli.CommandLine olbot = Olbot.commandLine(new java.io.ByteArrayInputStream(new byte[0]));
            olbot.setErr(new PrintWriter(err, true));
            olbot.setOut(new PrintWriter(new java.io.StringWriter(), true));

            assertThat(olbot.execute("webchat", "triage", "--port", String.valueOf(taken.getLocalPort()))).isEqualTo(3);
            assertThat(err.toString()).startsWith("olbot webchat: port " + taken.getLocalPort() + " on 127.0.0.1 is not free")
                    .hasLineCount(1);
        }
    }

    private HttpResponse<String> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until {@code check} gives a value (the command runs on its own threads); fails after 30 s. */
    private static <T> T waitFor(Supplier<T> check) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            T value = check.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the webchat command did not get there within 30 s");
    }
}
