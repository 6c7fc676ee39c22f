package dev.olbot.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("olbot.properties"), content);
    }

    @Nested
    class EnvironmentVariables {

        @Test
        void rejectsAMisspelledVariableNamingTheNearestKnownOne() {
            assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("OLBOT_PUBLC_URL", "https://bot.example.com/e")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown environment variable OLBOT_PUBLC_URL: did you mean OLBOT_PUBLIC_URL?");
        }

        @Test
        void ignoresVariablesOfOtherPrograms() {
            ServerConfig c = ServerConfig.load(Optional.empty(), Map.of("PORT", "1", "OLBOTX", "2", "OLBOT_PORT", "9100"));

            assertThat(c.port()).isEqualTo(9100);
        }

        @Test
        void anEmptyMisspelledVariableIsStillNamed() {
            assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("OLBOT_REDIS_ULR", "")))
                    .hasMessageEndingWith("did you mean OLBOT_REDIS_URL?");
        }
    }

    @Nested
    class PropertiesFile {

        @Test
        void readsKnownKeysAndLetsTheEnvironmentWin() throws IOException {
            Path f = file("olbot.public.url=https://bot.example.com/bitrix/events\nolbot.port=9000\n");

            ServerConfig c = ServerConfig.load(Optional.of(f), Map.of("OLBOT_PORT", "9100"));

            assertThat(c.publicUrl()).isEqualTo("https://bot.example.com/bitrix/events");
            assertThat(c.port()).isEqualTo(9100);
        }

        @Test
        void rejectsAnUnknownKeyNamingTheNearestKnownOne() throws IOException {
            Path f = file("olbot.publc.url=https://bot.example.com/bitrix/events\n");

            assertThatThrownBy(() -> ServerConfig.load(Optional.of(f), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown key 'olbot.publc.url' in " + f + ": did you mean 'olbot.public.url'?");
        }

        @Test
        void suggestsTheNearestKeyForAMisspelledPort() throws IOException {
            Path f = file("olbot.prot=9000\n");

            assertThatThrownBy(() -> ServerConfig.load(Optional.of(f), Map.of()))
                    .hasMessageEndingWith("did you mean 'olbot.port'?");
        }

        @Test
        void acceptsTheLogLevelKey() throws IOException {
            Path f = file("olbot.log=DEBUG\n");

            assertThat(ServerConfig.load(Optional.of(f), Map.of()).port()).isEqualTo(8080);
        }

        @Test
        void namesAMissingFile() {
            Path missing = dir.resolve("missing.properties");

            assertThatThrownBy(() -> ServerConfig.load(Optional.of(missing), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("configuration file " + missing + " does not exist");
        }

        @Test
        void namesTheVariableOfAValueThatIsNotANumber() {
            assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("OLBOT_PORT", "80a")))
                    .hasMessage("OLBOT_PORT must be a number, was '80a'");
        }

        @Test
        void refusesAPortOutOfRangeInsteadOfListeningOnAnyPort() {
            // before: -1 listened on a random port, 70000 failed at start with Vert.x's "port must be <= 65535"
            assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("OLBOT_PORT", "-1")))
                    .hasMessage("OLBOT_PORT must be 0..65535 (0 picks any free port), was -1");
            assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("OLBOT_PORT", "70000")))
                    .hasMessage("OLBOT_PORT must be 0..65535 (0 picks any free port), was 70000");
            assertThat(ServerConfig.load(Optional.empty(), Map.of("OLBOT_PORT", "0")).port()).isZero();
        }

        @Test
        void refusesAPublicUrlThatIsNoAddressNamingTheVariable() {
            // before: "the server did not start: java.lang.IllegalArgumentException: Path must start with /"
            for (String url : List.of("notaurl", "bot.example.com/events", "ftp://bot.example.com/events", "https:///events")) {
                assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("OLBOT_PUBLIC_URL", url))).as(url)
                        .hasMessage("OLBOT_PUBLIC_URL must be the address Bitrix24 posts events to, like"
                                + " https://bot.example.com/bitrix/events; was '" + url + "'");
            }
            assertThat(ServerConfig.load(Optional.empty(), Map.of("OLBOT_PUBLIC_URL", "http://10.0.0.5:8080/events")).path())
                    .isEqualTo("/events");
        }

        @Test
        void refusesNoHandlerThreads() {
            assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("OLBOT_HANDLER_THREADS", "0")))
                    .hasMessage("OLBOT_HANDLER_THREADS must be at least 1, was 0");
        }
    }

    @Test
    void warnsOfABacklogOf500EventsUnlessToldOtherwise() {
        assertThat(ServerConfig.load(Optional.empty(), Map.of()).backlogWarning()).isEqualTo(500);
        assertThat(ServerConfig.load(Optional.empty(), Map.of("OLBOT_BACKLOG_WARN", "2000")).backlogWarning()).isEqualTo(2000);
        assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("OLBOT_BACKLOG_WARN", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("OLBOT_BACKLOG_WARN must be at least 1, was 0");
    }

    @Test
    void readsDeliveriesOnOneEventLoopUnlessToldOtherwise() {
        assertThat(ServerConfig.load(Optional.empty(), Map.of()).eventLoops()).isEqualTo(1);
        assertThat(ServerConfig.load(Optional.empty(), Map.of("OLBOT_EVENT_LOOPS", "4")).eventLoops()).isEqualTo(4);
        assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("OLBOT_EVENT_LOOPS", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("OLBOT_EVENT_LOOPS must be 1..256, was 0");
    }

    @Nested
    class ClusterMode {

        @Test
        void takesTheRedisUrlFromTheEnvironmentOrTheFileAndNeverPrintsItsPassword() throws IOException {
            ServerConfig c = ServerConfig.load(Optional.of(file("olbot.redis.url=redis://:s3cret@redis.internal:6379/2\n")), Map.of());

            assertThat(c.cluster()).isTrue();
            assertThat(c.redisUrl()).isEqualTo("redis://:s3cret@redis.internal:6379/2");
            assertThat(c.toString()).contains("redis=redis://***@redis.internal:6379/2").doesNotContain("s3cret");
            assertThat(ServerConfig.load(Optional.empty(), Map.of()).cluster()).isFalse();
        }

        @Test
        void refusesAUrlThatIsNotRedisNamingTheVariable() {
            assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("OLBOT_REDIS_URL", "localhost:6379")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("OLBOT_REDIS_URL must look like redis://host:6379 (or rediss://, unix://), was 'localhost:6379'");
        }

        @Test
        void spreadsTheInboxOver16PartitionsUnlessToldOtherwiseWithinOneTo1024() {
            assertThat(ServerConfig.load(Optional.empty(), Map.of()).inboxPartitions()).isEqualTo(16);
            assertThat(ServerConfig.load(Optional.empty(), Map.of("OLBOT_INBOX_PARTITIONS", "32")).inboxPartitions()).isEqualTo(32);
            assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("OLBOT_INBOX_PARTITIONS", "0")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("OLBOT_INBOX_PARTITIONS must be 1..1024, was 0");
        }
    }

    @Nested
    class Start {

        private final List<dev.olbot.bot.Bot> bots = List.of(dev.olbot.bot.Bot.builder("port_bot").fallback(ctx -> {}).build());

        /** A webhook-registered bot's configuration listening on {@code port} of 127.0.0.1. */
        private ServerConfig onPort(int port) {
            return ServerConfig.load(Optional.empty(), Map.of(
                    "OLBOT_WEBHOOK_URL", "https://portal.example.com/rest/1/secret/",
                    "OLBOT_BOT_CLIENT_ID", "client", "OLBOT_PUBLIC_URL", "https://bot.example.com/events",
                    "OLBOT_HOST", "127.0.0.1", "OLBOT_PORT", Integer.toString(port),
                    "OLBOT_DATA_DIR", dir.resolve("data").toString()));
        }

        @Test
        void namesTheDataFolderWhenItCannotBeCreated() throws IOException {
            Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
            ServerConfig c = ServerConfig.load(Optional.empty(), Map.of(
                    "OLBOT_WEBHOOK_URL", "https://portal.example.com/rest/1/secret/",
                    "OLBOT_BOT_CLIENT_ID", "client", "OLBOT_PUBLIC_URL", "https://bot.example.com/events",
                    "OLBOT_HOST", "127.0.0.1", "OLBOT_PORT", "0", "OLBOT_DATA_DIR", file.resolve("data").toString()));

            assertThatThrownBy(() -> BotServer.start(bots, c)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("cannot create the data folder " + file.resolve("data") + " (OLBOT_DATA_DIR): ");
        }

        @Test
        void namesOlbotPortWhenThePortIsTaken() throws IOException {
            try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                ServerConfig c = onPort(taken.getLocalPort());

                assertThatThrownBy(() -> BotServer.start(bots, c))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use:"
                                + " set OLBOT_PORT to a free port (0 picks any)");
            }
        }

        @Test
        void aStartThatFailsHalfWayLeavesNoThreadsBehind() throws Exception {
            try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                ServerConfig c = onPort(taken.getLocalPort());
                java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();

                for (int i = 0; i < 3; i++) {
                    assertThatThrownBy(() -> BotServer.start(bots, c)).isInstanceOf(IllegalStateException.class);
                }

                // the Vert.x instance, the inbox writer and the handler pool of each failed start are closed
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
                while (!serverThreads(before).isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(serverThreads(before)).isEmpty();
            }
        }

        private List<String> serverThreads(java.util.Set<Thread> before) {
            return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !before.contains(t)).map(Thread::getName)
                    .filter(n -> n.startsWith("vert.x-eventloop") || n.startsWith("olbot-inbox-writer") || n.startsWith("olbot-handler"))
                    .toList();
        }
    }
}
