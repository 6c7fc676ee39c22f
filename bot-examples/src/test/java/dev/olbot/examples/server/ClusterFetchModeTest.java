package dev.olbot.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.bot.Bot;
import dev.olbot.redis.LocalRedis;
import dev.olbot.server.BotServer;
import dev.olbot.server.ServerConfig;
import dev.olbot.testkit.Client;
import dev.olbot.testkit.FakeBitrix24;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two production servers of a Chatbots 2.0 fetch-mode bot on one Redis: the bot id learned from the install on
 * one is shared, so both run a poller; one polls; when it stops, the other polls from the shared offset.
 */
@Timeout(180)
class ClusterFetchModeTest {

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private static Bot echo() {
        return Bot.builder("fetch_echo").name("Fetch echo").fallback(ctx -> ctx.reply("echo " + ctx.utterance().text())).build();
    }

    private static ServerConfig config(FakeBitrix24 fake, Path dir) {
        Map<String, String> env = new HashMap<>(Map.of("OLBOT_HOST", "127.0.0.1", "OLBOT_PORT", "0", "OLBOT_API", "v2",
                "OLBOT_EVENT_MODE", "fetch", "OLBOT_PUBLIC_URL", "http://127.0.0.1:0/bitrix/events",
                "OLBOT_CLIENT_ID", fake.clientId(), "OLBOT_CLIENT_SECRET", fake.clientSecret(),
                "OLBOT_DATA_DIR", dir.toString(), "OLBOT_OAUTH_SERVER", fake.baseUrl() + "/"));
        env.put("OLBOT_REDIS_URL", REDIS.url());
        return ServerConfig.load(Optional.empty(), env);
    }

    private static void waitForReplies(Client client, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (client.botMessages().size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }

    @Test
    void theSecondInstancePollsFromTheSharedOffsetWhenTheFirstStops(@TempDir Path a, @TempDir Path b) throws Exception {
        try (FakeBitrix24 fake = FakeBitrix24.create().start()) {
            BotServer first = BotServer.start(List.of(echo()), config(fake, a));
            BotServer second = null;
            try {
                fake.installApp(first.publicUrl()).delivery().join();
                assertThat(first.awaitIdle(10_000)).isTrue();
                int botId = fake.portal().botId("fetch_echo").orElseThrow();
                int line = fake.portal().addLine("Support", l -> l.welcomeBot(botId, 0)).id();
                second = BotServer.start(List.of(echo()), config(fake, b)); // learns the bot id from Redis
                Client client = fake.portal().client(line, "Anna");

                client.says("one");
                waitForReplies(client, 1);
                first.close(); // releases the lease: the second instance polls next
                client.says("two");
                waitForReplies(client, 2);
                Thread.sleep(1000); // a second copy, if any, would come now

                assertThat(client.botMessages()).extracting(m -> m.text()).containsExactly("echo one", "echo two");
                assertThat(b.resolve("bots.json")).exists();
            } finally {
                first.close();
                if (second != null) {
                    second.close();
                }
            }
        }
    }

    @Test
    void anInstanceRunningWhenAnotherReceivedTheInstallLearnsTheBotAndTakesOverThePolling(@TempDir Path a, @TempDir Path b)
            throws Exception {
        try (FakeBitrix24 fake = FakeBitrix24.create().start()) {
            BotServer first = BotServer.start(List.of(echo()), config(fake, a));
            BotServer second = BotServer.start(List.of(echo()), config(fake, b)); // running before the install
            try {
                fake.installApp(first.publicUrl()).delivery().join();
                assertThat(first.awaitIdle(10_000)).isTrue();
                int botId = fake.portal().botId("fetch_echo").orElseThrow();
                int line = fake.portal().addLine("Support", l -> l.welcomeBot(botId, 0)).id();
                Client client = fake.portal().client(line, "Anna");
                client.says("one");
                waitForReplies(client, 1);
                Thread.sleep(12_000); // the second instance reads the shared bot ids every 10 s

                first.close(); // releases the lease: the second instance polls next
                client.says("two");
                waitForReplies(client, 2);

                assertThat(client.botMessages()).extracting(m -> m.text()).containsExactly("echo one", "echo two");
            } finally {
                first.close();
                second.close();
            }
        }
    }
}
