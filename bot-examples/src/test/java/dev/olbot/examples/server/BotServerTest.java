package dev.olbot.examples.server;

import static dev.olbot.testkit.CallCount.exactly;
import static dev.olbot.testkit.CallPattern.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olbot.bot.Bot;
import dev.olbot.bot.routing.Intent;
import dev.olbot.server.BotServer;
import dev.olbot.server.ServerConfig;
import dev.olbot.testkit.Client;
import dev.olbot.testkit.FakeBitrix24;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production server (OAuth app mode) against the fake account over real HTTP on loopback. */
class BotServerTest {

    private static Bot bot() {
        return Bot.builder("server_test").name("Server test")
                .onWelcome(ctx -> ctx.reply("Hello from the server"))
                .on(Intent.keywords("price"), ctx -> ctx.reply("10 € a month"))
                .build();
    }

    private static ServerConfig config(FakeBitrix24 fake, Path dir) {
        return ServerConfig.load(Optional.empty(), Map.of(
                "OLBOT_PUBLIC_URL", "http://127.0.0.1:0/bitrix/events",
                "OLBOT_HOST", "127.0.0.1", "OLBOT_PORT", "0",
                "OLBOT_CLIENT_ID", fake.clientId(), "OLBOT_CLIENT_SECRET", fake.clientSecret(),
                "OLBOT_DATA_DIR", dir.toString(), "OLBOT_OAUTH_SERVER", fake.baseUrl() + "/"));
    }

    @Test
    void registersOnInstallAnswersClientsAndSaysWhatIsMissingUntilThen(@TempDir Path dir) throws Exception {
        try (FakeBitrix24 fake = FakeBitrix24.create().start();
                BotServer server = BotServer.start(List.of(bot()), config(fake, dir))) {
            assertThat(server.selfCheck()).anyMatch(p -> p.startsWith("no install received yet"))
                    .noneMatch(p -> p.startsWith("handler URL not reachable"));

            fake.installApp(server.publicUrl()).delivery().join();
            assertThat(server.awaitIdle(10_000)).isTrue();
            int botId = fake.portal().botId("server_test").orElseThrow();
            int line = fake.portal().addLine("Support", l -> l.welcomeBot(botId, 0)).id();
            Client client = fake.portal().client(line, "Anna");
            client.says("what is the price?").await();
            assertThat(server.awaitIdle(10_000)).isTrue();

            assertThat(client.botMessages()).extracting(m -> m.text()).containsExactly("Hello from the server", "10 € a month");
            fake.verify(exactly(2), call("imbot.message.add").with("DIALOG_ID", client.chat().dialogId()));
            assertThat(server.selfCheck()).noneMatch(p -> p.startsWith("no install received yet"));
            assertThat(dir.resolve("tokens.json")).exists();
            assertThat(dir.resolve("installs.json")).content().contains(fake.portal().memberId());
        }
    }

    @Test
    void refusesToStartWithoutCredentialsNamingWhatToSet(@TempDir Path dir) {
        ServerConfig empty = ServerConfig.load(Optional.empty(), Map.of("OLBOT_DATA_DIR", dir.toString()));

        assertThatThrownBy(() -> BotServer.start(List.of(bot()), empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OLBOT_CLIENT_ID and OLBOT_CLIENT_SECRET")
                .hasMessageContaining("OLBOT_PUBLIC_URL");
    }

    @Test
    void neverPrintsSecretsInItsConfiguration() {
        ServerConfig c = ServerConfig.load(Optional.empty(), Map.of("OLBOT_WEBHOOK_URL", "https://p.bitrix24.com/rest/1/s3cr3tw3bh00k/",
                "OLBOT_BOT_CLIENT_ID", "952734", "OLBOT_CLIENT_SECRET", "topsecret"));

        assertThat(c.toString()).doesNotContain("s3cr3tw3bh00k").doesNotContain("topsecret");
    }

    @Test
    void aChatbots2FetchModeAppPollsAgainAfterARestart(@TempDir Path dir) throws Exception {
        try (FakeBitrix24 fake = FakeBitrix24.create().start()) {
            ServerConfig fetch = ServerConfig.load(Optional.empty(), Map.of(
                    "OLBOT_HOST", "127.0.0.1", "OLBOT_PORT", "0", "OLBOT_API", "v2", "OLBOT_EVENT_MODE", "fetch",
                    "OLBOT_PUBLIC_URL", "http://127.0.0.1:0/bitrix/events",
                    "OLBOT_CLIENT_ID", fake.clientId(), "OLBOT_CLIENT_SECRET", fake.clientSecret(),
                    "OLBOT_DATA_DIR", dir.toString(), "OLBOT_OAUTH_SERVER", fake.baseUrl() + "/"));
            int line;
            try (BotServer first = BotServer.start(List.of(bot()), fetch)) {
                fake.installApp(first.publicUrl()).delivery().join();
                assertThat(first.awaitIdle(10_000)).isTrue();
                int botId = fake.portal().botId("server_test").orElseThrow();
                line = fake.portal().addLine("Support", l -> l.welcomeBot(botId, 0)).id();
            }

            try (BotServer second = BotServer.start(List.of(bot()), fetch)) {
                Client client = fake.portal().client(line, "Anna");
                client.says("what is the price?");
                java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
                while (client.botMessages().size() < 2 && java.time.Instant.now().isBefore(deadline)) {
                    Thread.sleep(100);
                }

                assertThat(client.botMessages()).extracting(m -> m.text()).containsExactly("Hello from the server", "10 € a month");
            }
        }
    }
}
