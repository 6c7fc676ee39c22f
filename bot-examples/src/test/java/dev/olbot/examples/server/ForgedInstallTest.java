package dev.olbot.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.bot.Bot;
import dev.olbot.bot.routing.Intent;
import dev.olbot.server.BotServer;
import dev.olbot.server.ServerConfig;
import dev.olbot.testkit.Client;
import dev.olbot.testkit.FakeBitrix24;
import dev.olbot.wire.PhpForm;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code olbot serve} with an app's credentials, attacked on its public handler URL with forged
 * {@code ONAPPINSTALL}s: the app secret and refresh tokens never leave for a host the event names,
 * nothing of a forged install is kept, and a real portal's install is never blocked or rebound.
 */
@Timeout(60)
class ForgedInstallTest {

    @TempDir
    Path dir;
    private FakeBitrix24 fake;
    private BotServer server;
    private Vertx vertx;
    private HttpServer attacker;
    private final List<String> stolen = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        fake = FakeBitrix24.create().start();
        vertx = Vertx.vertx();
        attacker = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            stolen.add(req.method() + " " + req.uri() + " " + b);
            req.response().putHeader("Content-Type", "application/json")
                    .end("{\"error\":\"expired_token\",\"error_description\":\"The access token provided has expired\"}");
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Bot bot = Bot.builder("server_test").name("Server test").onWelcome(ctx -> ctx.reply("Hello"))
                .on(Intent.keywords("price"), ctx -> ctx.reply("10 € a month")).build();
        server = BotServer.start(List.of(bot), ServerConfig.load(Optional.empty(), Map.of(
                "OLBOT_PUBLIC_URL", "http://127.0.0.1:0/bitrix/events", "OLBOT_HOST", "127.0.0.1", "OLBOT_PORT", "0",
                "OLBOT_CLIENT_ID", fake.clientId(), "OLBOT_CLIENT_SECRET", fake.clientSecret(),
                "OLBOT_DATA_DIR", dir.toString(), "OLBOT_OAUTH_SERVER", fake.baseUrl() + "/")));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        fake.close();
        attacker.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private String evil() {
        return "127.0.0.1:" + attacker.actualPort();
    }

    private static Map<String, Object> install(String memberId, String domain, String clientEndpoint, String serverEndpoint,
            String accessToken, String applicationToken) {
        return Map.of("event", "ONAPPINSTALL", "data", Map.of("VERSION", "1", "ACTIVE", "Y", "INSTALLED", "Y", "LANGUAGE_ID", "en"),
                "ts", "1772359200", "auth", Map.of("domain", domain, "access_token", accessToken, "refresh_token", "r" + accessToken,
                        "expires_in", "3600", "server_endpoint", serverEndpoint, "client_endpoint", clientEndpoint,
                        "member_id", memberId, "application_token", applicationToken, "scope", "imbot", "status", "L"));
    }

    private HttpResponse<String> deliver(Map<String, Object> event) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.publicUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PhpForm.encode(event))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(server.awaitIdle(10_000)).isTrue();
        return r;
    }

    @Test
    void anInstallNamingTheAttackersHostAsOAuthServerIsRefusedAndNothingReachesThatHost() throws Exception {
        String evil = "http://" + evil() + "/rest/";

        HttpResponse<String> r = deliver(install("deadbeefdeadbeefdeadbeefdeadbeef", evil(), evil, evil, "a1", "t1"));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("is not a trusted OAuth server");
        assertThat(stolen).isEmpty();
    }

    @Test
    void anInstallForAPortalOnTheAttackersHostIsNotConfirmedAndLeavesNothingOnDisk() throws Exception {
        String evil = "http://" + evil() + "/rest/";

        HttpResponse<String> r = deliver(install("deadbeefdeadbeefdeadbeefdeadbeef", evil(), evil, fake.serverEndpoint(), "a1", "t1"));

        assertThat(r.statusCode()).isEqualTo(200); // answered like any delivery; confirmed (or not) afterwards
        assertThat(stolen).isEmpty();
        assertThat(fake.calls().all()).anyMatch(c -> c.method().equals("app.info"));
        assertThat(dir.resolve("tokens.json")).doesNotExist();
        assertThat(Files.exists(dir.resolve("installs.json")) ? Files.readString(dir.resolve("installs.json")) : "")
                .doesNotContain("deadbeef");
        assertThat(server.selfCheck()).anyMatch(p -> p.startsWith("no install received yet"));
    }

    @Test
    void aForgedClaimOfARealPortalsMemberIdDoesNotBlockItsGenuineInstall() throws Exception {
        String member = fake.portal().memberId();
        deliver(install(member, fake.portal().domain(), fake.clientEndpoint(), fake.serverEndpoint(), "forged", "f0f0f0f0"));

        fake.installApp(server.publicUrl()).delivery().join();
        assertThat(server.awaitIdle(10_000)).isTrue();

        int botId = fake.portal().botId("server_test").orElseThrow();
        int line = fake.portal().addLine("Support", l -> l.welcomeBot(botId, 0)).id();
        Client client = fake.portal().client(line, "Anna");
        client.says("price?").await();
        assertThat(server.awaitIdle(10_000)).isTrue();
        assertThat(client.botMessages()).extracting(m -> m.text()).containsExactly("Hello", "10 € a month");
    }

    @Test
    void aBoundPortalIsNeverReboundByAnUnconfirmedInstall() throws Exception {
        fake.installApp(server.publicUrl()).delivery().join();
        assertThat(server.awaitIdle(10_000)).isTrue();
        String installs = Files.readString(dir.resolve("installs.json"));

        deliver(install(fake.portal().memberId(), fake.portal().domain(), fake.clientEndpoint(), fake.serverEndpoint(), "forged",
                "f0f0f0f0"));

        assertThat(Files.readString(dir.resolve("installs.json"))).isEqualTo(installs);
        assertThat(stolen).isEmpty();
    }
}
