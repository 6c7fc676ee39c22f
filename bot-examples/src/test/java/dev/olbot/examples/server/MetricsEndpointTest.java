package dev.olbot.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.testkit.Client;
import dev.olbot.testkit.FakeBitrix24;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code olbot serve} as its own process, installed on the fake account, one client's question
 * answered; then {@code /metrics} is scraped as Prometheus would, and a dialog's trace read from
 * {@code /debug/dialogs/{id}}.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsEndpointTest {

    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+), events at");
    private static final String TOKEN = "a-debug-token-of-32-characters-x";

    private Path dir;
    private FakeBitrix24 fake;
    private Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private int port;
    private Client client;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void serveAndAnswerOneQuestion() throws Exception {
        dir = java.nio.file.Files.createTempDirectory("olbot-metrics-test");
        fake = FakeBitrix24.create().start();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the launcher's own logback.xml, not the tests' logback-test.xml that the class path also has
                "-Dlogback.configurationFile=" + MetricsEndpointTest.class.getClassLoader().getResource("logback.xml"),
                "-cp", System.getProperty("java.class.path"), "dev.olbot.examples.cli.Olbot", "serve",
                "--bot", SlowEchoBot.class.getName());
        Map<String, String> env = pb.environment();
        env.put("OLBOT_PUBLIC_URL", "http://127.0.0.1:0/bitrix/events");
        env.put("OLBOT_HOST", "127.0.0.1");
        env.put("OLBOT_PORT", "0");
        env.put("OLBOT_CLIENT_ID", fake.clientId());
        env.put("OLBOT_CLIENT_SECRET", fake.clientSecret());
        env.put("OLBOT_DATA_DIR", dir.toString());
        env.put("OLBOT_OAUTH_SERVER", fake.baseUrl() + "/");
        env.put("OLBOT_DEBUG_TOKEN", TOKEN);
        pb.redirectErrorStream(true);
        process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    output.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        listening.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
            listening.completeExceptionally(new IllegalStateException("olbot serve ended before it listened: " + output));
        });
        pump.setDaemon(true);
        pump.start();
        port = listening.get(60, TimeUnit.SECONDS);
        fake.installApp("http://127.0.0.1:" + port + "/bitrix/events").delivery().join();
        int botId = waitFor(() -> fake.portal().botId("slow_echo").orElse(0));
        int line = fake.portal().addLine("Support", l -> l.welcomeBot(botId, 0)).id();
        client = fake.portal().client(line, "Client");
        client.says("where is my order?").await();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (client.botMessages().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(client.botMessages()).extracting(m -> m.text()).containsExactly("echo: where is my order?");
    }

    @AfterAll
    void stop() throws Exception {
        if (process != null) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        if (fake != null) {
            fake.close();
        }
        if (dir != null) {
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    class Metrics {

        @Test
        void servesThePrometheusTextFormatWithTheEventsTheRestCallsAndTheTurn() throws Exception {
            HttpResponse<String> r = get("/metrics", null);

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(r.body())
                    .containsPattern("(?m)^olbot_events_received_total\\{kind=\"MessageAdded\",outcome=\"accepted\",reason=\"none\"} 1(\\.0)?$")
                    .containsPattern("(?m)^olbot_rest_calls_seconds_count\\{method=\"imbot\\.message\\.add\",outcome=\"ok\"} 1(\\.0)?$")
                    .containsPattern("(?m)^olbot_rest_calls_seconds_count\\{method=\"imbot\\.register\",outcome=\"ok\"} 1(\\.0)?$")
                    .containsPattern("(?m)^olbot_event_latency_seconds_bucket\\{kind=\"MessageAdded\",le=\"0\\.5\"} 1(\\.0)?$")
                    .containsPattern("(?m)^olbot_bot_fallbacks_total\\{bot=\"slow_echo\"} 1(\\.0)?$")
                    .contains("olbot_inbox_queued ")
                    .contains("olbot_inbox_oldest_age_seconds ")
                    .contains("vertx_http_server_requests_total");
            assertThat(r.body()).as("no dialog or portal ids as tags").doesNotContain(client.chat().dialogId())
                    .doesNotContain(fake.portal().memberId());
        }

        @Test
        void showsHowLongTheDiskTookToKeepTheAcceptedEvents() throws Exception {
            String body = get("/metrics", null).body();

            // the client's message was on disk (the journal's fdatasync) before the ingress answered 200
            assertThat(body).containsPattern("(?m)^olbot_inbox_journal_sync_seconds_count [1-9][0-9]*(\\.0)?$")
                    .containsPattern("(?m)^olbot_inbox_journal_sync_seconds_bucket\\{le=\"0\\.002\"} [0-9]+(\\.0)?$")
                    .containsPattern("(?m)^olbot_inbox_journal_sync_seconds_bucket\\{le=\"\\+Inf\"} [1-9][0-9]*(\\.0)?$");
        }

        @Test
        void writesTheTurnsIdsOnItsLogLines() {
            assertThat(output).anySatisfy(l -> assertThat(l).contains("SlowEchoBot").contains("echoing 18 characters")
                    .contains("dialog=" + client.chat().dialogId())
                    .contains("portal=" + fake.portal().memberId())
                    .contains("session=" + client.chat().sessionId()));
        }
    }

    @Nested
    class DebugTrace {

        @Test
        void showsTheDialogsLastTurnsWithTheRouteAndTheCalls() throws Exception {
            HttpResponse<String> r = get("/debug/dialogs/" + client.chat().dialogId(), "Bearer " + TOKEN);

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"text\":\"where is my order?\"").contains("fallback (no intent matched)")
                    .contains("imbot.message.add delivered").contains("ONIMBOTMESSAGEADD");
        }

        @Test
        void refusesARequestWithoutTheTokenOrWithAnotherOne() throws Exception {
            assertThat(get("/debug/dialogs/" + client.chat().dialogId(), null).statusCode()).isEqualTo(401);
            assertThat(get("/debug/dialogs/" + client.chat().dialogId(), "Bearer " + TOKEN.replace('x', 'y')).statusCode())
                    .isEqualTo(401);
            assertThat(get("/debug/dialogs/" + client.chat().dialogId(), null).body()).doesNotContain("where is my order");
        }

        @Test
        void saysSoForADialogItDoesNotKeep() throws Exception {
            assertThat(get("/debug/dialogs/chat999999", "Bearer " + TOKEN).statusCode()).isEqualTo(404);
        }
    }

    private static int waitFor(java.util.function.IntSupplier value) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            int v = value.getAsInt();
            if (v != 0) {
                return v;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the bot was not registered within 30 s");
    }
}
