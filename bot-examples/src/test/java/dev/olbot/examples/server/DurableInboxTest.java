package dev.olbot.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.testkit.Client;
import dev.olbot.testkit.Delivery;
import dev.olbot.testkit.FakeBitrix24;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code olbot serve} as its own process, killed with SIGKILL after it answered 200 to forty
 * clients' first messages and before it handled them: the next start answers each client once.
 */
@Timeout(180)
class DurableInboxTest {

    private static final Pattern LISTENING = Pattern.compile("events at (http://127\\.0\\.0\\.1:\\d+/bitrix/events)");

    /** A running {@code olbot serve} child process and the handler URL it printed. */
    private record Served(Process process, String url) {}

    private static Served serve(FakeBitrix24 fake, Path dataDir, int port, long delayMs) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.olbot.examples.cli.Olbot", "serve",
                "--bot", SlowEchoBot.class.getName());
        Map<String, String> env = pb.environment();
        env.put("OLBOT_PUBLIC_URL", "http://127.0.0.1:" + port + "/bitrix/events");
        env.put("OLBOT_HOST", "127.0.0.1");
        env.put("OLBOT_PORT", Integer.toString(port));
        env.put("OLBOT_CLIENT_ID", fake.clientId());
        env.put("OLBOT_CLIENT_SECRET", fake.clientSecret());
        env.put("OLBOT_DATA_DIR", dataDir.toString());
        env.put("OLBOT_OAUTH_SERVER", fake.baseUrl() + "/");
        env.put("SLOW_ECHO_DELAY_MS", Long.toString(delayMs));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
            url.completeExceptionally(new IllegalStateException("olbot serve ended before it listened"));
        });
        pump.setDaemon(true);
        pump.start();
        return new Served(p, url.get(60, TimeUnit.SECONDS));
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void fortyAcceptedMessagesSurviveAKillDashNineAndAreAnsweredOnceAfterTheRestart(@TempDir Path dir) throws Exception {
        try (FakeBitrix24 fake = FakeBitrix24.create().start()) {
            int port = freePort();
            Served first = serve(fake, dir, port, 600_000); // handlers that would take ten minutes
            fake.installApp(first.url()).delivery().join();
            int botId = waitFor(() -> fake.portal().botId("slow_echo").orElse(0));
            int line = fake.portal().addLine("Support", l -> l.welcomeBot(botId, 0)).id();
            List<Client> clients = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Client c = fake.portal().client(line, "Client " + i);
                List<Delivery> answered = c.says("question " + i).await();
                assertThat(answered).filteredOn(d -> d.event().equals("ONIMBOTMESSAGEADD"))
                        .singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(200));
                clients.add(c);
            }

            first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no drain
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(clients).allSatisfy(c -> assertThat(c.botMessages()).isEmpty());

            Served second = serve(fake, dir, port, 0);
            try {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
                while (Instant.now().isBefore(deadline) && clients.stream().anyMatch(c -> c.botMessages().isEmpty())) {
                    Thread.sleep(100);
                }
                Thread.sleep(500); // a second answer, if any, would arrive now
                for (int i = 0; i < clients.size(); i++) {
                    assertThat(clients.get(i).botMessages()).extracting(m -> m.text()).as("client %d", i)
                            .containsExactly("echo: question " + i);
                }
            } finally {
                second.process().destroy();
                second.process().waitFor(30, TimeUnit.SECONDS);
            }
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
