package dev.olbot.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olbot.bot.Bot;
import dev.olbot.redis.LocalRedis;
import dev.olbot.server.BotServer;
import dev.olbot.server.ServerConfig;
import dev.olbot.testkit.Client;
import dev.olbot.testkit.FakeBitrix24;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two production servers on one Redis ({@code OLBOT_REDIS_URL}) behind one handler URL: a
 * round-robin proxy hands Bitrix24's deliveries to them in turn, as a load balancer would.
 */
@Timeout(120)
class ClusterModeTest {

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private Vertx vertx;
    private HttpServer balancer;
    private final int[] backends = new int[2];
    private final AtomicIntegerArray handledBy = new AtomicIntegerArray(2);
    private final java.util.List<String[]> received = new java.util.concurrent.CopyOnWriteArrayList<>(); // {content type, body}

    /** Counts the client's messages in the dialog state: only a shared state counts 1, 2, 3 … across instances. */
    private static Bot countingBot() {
        return Bot.builder("cluster_test").name("Cluster test").fallback(ctx -> {
            int n = Integer.parseInt(ctx.var("count").orElse("0")) + 1;
            ctx.set("count", String.valueOf(n));
            ctx.reply("message " + n);
        }).build();
    }

    @BeforeEach
    void startBalancer() throws Exception {
        vertx = Vertx.vertx();
        WebClient http = WebClient.create(vertx);
        AtomicInteger turn = new AtomicInteger();
        balancer = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            received.add(new String[] {req.getHeader("Content-Type"), body.toString()});
            int i = Math.floorMod(turn.getAndIncrement(), 2);
            handledBy.incrementAndGet(i);
            var forward = http.post(backends[i], "127.0.0.1", req.uri());
            req.headers().forEach((k, v) -> {
                if (k.equalsIgnoreCase("content-type")) {
                    forward.putHeader(k, v);
                }
            });
            forward.sendBuffer(body).onComplete(ar -> {
                if (ar.succeeded()) {
                    req.response().setStatusCode(ar.result().statusCode())
                            .end(Optional.ofNullable(ar.result().body()).orElse(Buffer.buffer()));
                } else {
                    req.response().setStatusCode(502).end("backend down");
                }
            });
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopBalancer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private String handlerUrl() {
        return "http://127.0.0.1:" + balancer.actualPort() + "/bitrix/events";
    }

    private ServerConfig config(FakeBitrix24 fake, Path dir, String redisUrl) {
        Map<String, String> env = new HashMap<>(Map.of(
                "OLBOT_PUBLIC_URL", handlerUrl(), "OLBOT_HOST", "127.0.0.1", "OLBOT_PORT", "0",
                "OLBOT_CLIENT_ID", fake.clientId(), "OLBOT_CLIENT_SECRET", fake.clientSecret(),
                "OLBOT_DATA_DIR", dir.toString(), "OLBOT_OAUTH_SERVER", fake.baseUrl() + "/"));
        env.put("OLBOT_REDIS_URL", redisUrl);
        return ServerConfig.load(Optional.empty(), env);
    }

    /**
     * The client's first message: the platform delivers the bot's joining and the message together,
     * and the balancer may hand them to both instances at once; whichever instance owns the dialog's
     * inbox partition handles both, in order.
     */
    private static void joinedAndAnswered(Client client, BotServer first, BotServer second) throws Exception {
        client.says("hello").await();
        assertThat(first.awaitIdle(10_000) && second.awaitIdle(10_000)).isTrue();
    }

    @Test
    void twoInstancesBehindOneUrlShareInstallTokensAndDialogState(@TempDir Path a, @TempDir Path b) throws Exception {
        try (FakeBitrix24 fake = FakeBitrix24.create().start();
                BotServer first = BotServer.start(List.of(countingBot()), config(fake, a, REDIS.url()));
                BotServer second = BotServer.start(List.of(countingBot()), config(fake, b, REDIS.url()))) {
            backends[0] = first.port();
            backends[1] = second.port();

            fake.installApp(handlerUrl()).delivery().join(); // the install reaches the first instance
            assertThat(first.awaitIdle(10_000)).isTrue();
            int botId = fake.portal().botId("cluster_test").orElseThrow();
            Client client = fake.portal().client(fake.portal().addLine("Support", l -> l.welcomeBot(botId, 0)).id(), "Anna");
            joinedAndAnswered(client, first, second);
            for (int i = 0; i < 6; i++) {
                client.says("question " + i).await();
                assertThat(first.awaitIdle(10_000)).isTrue();
                assertThat(second.awaitIdle(10_000)).isTrue();
            }

            assertThat(client.botMessages()).extracting(m -> m.text()).endsWith("message 2", "message 3", "message 4", "message 5",
                    "message 6", "message 7");
            assertThat(handledBy.get(1)).as("deliveries the second instance handled").isGreaterThanOrEqualTo(3);
            assertThat(second.selfCheck()).noneMatch(p -> p.startsWith("no install received yet"));
            assertThat(a.resolve("tokens.json")).doesNotExist();
            assertThat(b.resolve("dialogs.jsonl")).doesNotExist();
        }
    }

    @Test
    void healthShowsTheClustersBacklogBesideThisInstancesQueue(@TempDir Path a) throws Exception {
        try (FakeBitrix24 fake = FakeBitrix24.create().start();
                BotServer first = BotServer.start(List.of(countingBot()), config(fake, a, REDIS.url()))) {
            java.net.http.HttpResponse<String> health = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + first.port() + "/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(new io.vertx.core.json.JsonObject(health.body()).getValue("clusterBacklog")).isEqualTo(0);
            assertThat(new io.vertx.core.json.JsonObject(health.body()).getInteger("queued")).isZero();
        }
    }

    @Test
    void metricsShowTheClustersBacklog(@TempDir Path a) throws Exception {
        try (FakeBitrix24 fake = FakeBitrix24.create().start();
                BotServer first = BotServer.start(List.of(countingBot()), config(fake, a, REDIS.url()))) {
            var http = java.net.http.HttpClient.newHttpClient();
            var scrape = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + first.port() + "/metrics")).build();
            String metrics = "";
            for (int i = 0; i < 50 && !metrics.contains("olbot_inbox_cluster_backlog 0.0"); i++) {
                Thread.sleep(100); // the gauge is read from Redis in the background
                metrics = http.send(scrape, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            }

            assertThat(metrics).contains("olbot_inbox_cluster_backlog 0.0");
        }
    }

    @Test
    void aDeliveryThatReachesBothInstancesIsHandledOnce(@TempDir Path a, @TempDir Path b) throws Exception {
        try (FakeBitrix24 fake = FakeBitrix24.create().start();
                BotServer first = BotServer.start(List.of(countingBot()), config(fake, a, REDIS.url()));
                BotServer second = BotServer.start(List.of(countingBot()), config(fake, b, REDIS.url()))) {
            backends[0] = first.port();
            backends[1] = second.port();
            fake.installApp(handlerUrl()).delivery().join();
            assertThat(first.awaitIdle(10_000)).isTrue();
            int botId = fake.portal().botId("cluster_test").orElseThrow();
            Client client = fake.portal().client(fake.portal().addLine("Support", l -> l.welcomeBot(botId, 0)).id(), "Anna");
            joinedAndAnswered(client, first, second);
            int before = client.botMessages().size();
            client.says("question").await();
            assertThat(first.awaitIdle(10_000) && second.awaitIdle(10_000)).isTrue();
            String[] message = received.stream().filter(r -> r[1].contains("ONIMBOTMESSAGEADD")).reduce((x, y) -> y).orElseThrow();

            // Bitrix24 delivers the same event again; the balancer hands it to the other instance
            int status = WebClient.create(vertx).postAbs(handlerUrl()).putHeader("Content-Type", message[0])
                    .sendBuffer(Buffer.buffer(message[1])).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .statusCode();
            assertThat(first.awaitIdle(10_000) && second.awaitIdle(10_000)).isTrue();

            assertThat(status).isEqualTo(200);
            assertThat(client.botMessages()).hasSize(before + 1).last().extracting(m -> m.text()).isEqualTo("message 2");
        }
    }

    /** Answers as {@code instance} and, a second after each message, nudges the client — as {@code instance} too. */
    private static Bot nudgingBot(String instance) {
        return Bot.builder("cluster_test").name("Cluster test")
                .fallback(ctx -> {
                    ctx.reply("answered by " + instance);
                    ctx.timeout(java.time.Duration.ofSeconds(1), "nudge");
                })
                .onTimeout("nudge", ctx -> ctx.reply("nudged by " + instance))
                .build();
    }

    /** Waits until the two instances have taken the inbox's 16 partitions between them (their leases in Redis). */
    private void partitionsSharedByTwoInstances() throws Exception {
        Vertx own = Vertx.vertx();
        try (dev.olbot.redis.RedisLink redis = dev.olbot.redis.RedisLink.create(own, REDIS.url())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            java.util.Set<String> owners;
            int leased;
            do {
                Thread.sleep(200);
                owners = new java.util.HashSet<>();
                leased = 0;
                for (int p = 0; p < 16; p++) {
                    var owner = redis.call(io.vertx.redis.client.Command.GET, redis.key("inbox:lease:" + p));
                    if (owner != null) {
                        owners.add(owner.toString());
                        leased++;
                    }
                }
            } while ((owners.size() < 2 || leased < 16) && System.nanoTime() < deadline);
            assertThat(owners).as("instances holding partitions").hasSize(2);
        } finally {
            own.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDialogsTimeoutFiresOnceOnTheInstanceThatHandlesTheDialogsEvents(@TempDir Path a, @TempDir Path b) throws Exception {
        try (FakeBitrix24 fake = FakeBitrix24.create().start();
                BotServer first = BotServer.start(List.of(nudgingBot("A")), config(fake, a, REDIS.url()));
                BotServer second = BotServer.start(List.of(nudgingBot("B")), config(fake, b, REDIS.url()))) {
            backends[0] = first.port();
            backends[1] = second.port();
            fake.installApp(handlerUrl()).delivery().join();
            assertThat(first.awaitIdle(10_000)).isTrue();
            partitionsSharedByTwoInstances();
            int botId = fake.portal().botId("cluster_test").orElseThrow();
            int line = fake.portal().addLine("Support", l -> l.welcomeBot(botId, 0)).id();
            List<Client> clients = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Client client = fake.portal().client(line, "Client " + i);
                client.says("hello").await();
                clients.add(client);
            }
            assertThat(first.awaitIdle(10_000) && second.awaitIdle(10_000)).isTrue();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (clients.stream().anyMatch(c -> c.botMessages().stream().noneMatch(m -> m.text().startsWith("nudged")))
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1500); // a second firing would come within the next timer ticks

            assertThat(clients).as("both instances answer some dialogs")
                    .anySatisfy(c -> assertThat(c.botMessages()).anyMatch(m -> m.text().equals("answered by A")))
                    .anySatisfy(c -> assertThat(c.botMessages()).anyMatch(m -> m.text().equals("answered by B")));
            for (Client c : clients) {
                List<String> texts = c.botMessages().stream().map(m -> m.text()).toList();
                String answeredBy = texts.stream().filter(t -> t.startsWith("answered by ")).reduce((x, y) -> y).orElseThrow();
                assertThat(texts.stream().filter(t -> t.startsWith("nudged by "))).as("%s", texts)
                        .containsExactly("nudged by " + answeredBy.substring("answered by ".length()));
            }
        }
    }

    @Test
    void refusesToStartWhenRedisDoesNotAnswerNamingTheVariable(@TempDir Path dir) throws Exception {
        try (FakeBitrix24 fake = FakeBitrix24.create().start()) {
            assertThatThrownBy(() -> BotServer.start(List.of(countingBot()), config(fake, dir, "redis://127.0.0.1:1")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("OLBOT_REDIS_URL: ")
                    .hasMessageNotContaining("\n");
        }
    }
}
