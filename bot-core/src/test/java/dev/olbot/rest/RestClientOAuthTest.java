package dev.olbot.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.olbot.event.Portal;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

@Timeout(120)
class RestClientOAuthTest extends Loopback {

    private RestClient client(TokenStore store) {
        return client(store, "https://oauth.bitrix.info/");
    }

    private RestClient client(TokenStore store, FakePortal trustedOAuthServer) {
        return client(store, trustedOAuthServer.serverEndpoint().replace("/rest/", "/"));
    }

    private RestClient client(TokenStore store, String trustedOAuthServer) {
        RestClient c = RestClient.create(vertx, o -> o.oauth(OAuthFake.CLIENT_ID, OAuthFake.CLIENT_SECRET).tokenStore(store)
                .oauthServers(OAuthServers.of(List.of(trustedOAuthServer)))
                .rateLimit(new RateLimit(1000, 1000)).requestTimeout(Duration.ofSeconds(10)));
        closing.add(() -> c.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        return c;
    }

    private static Portal portal(FakePortal fake, String serverEndpoint) {
        return new Portal("portal.example", "m1", fake.restUrl(), serverEndpoint);
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Nested
    class Refresh {

        @Test
        void hundredConcurrentCallsOnAnExpiredTokenCauseExactlyOneRefreshAndAllSucceed() throws Exception {
            OAuthFake oauth = new OAuthFake("refresh-0");
            FakePortal fake = fake(oauth);
            RestClient client = client(TokenStore.inMemory(), fake);
            await(client.registerInstall(portal(fake, fake.serverEndpoint()), "stale-access", "refresh-0", 3600, "app-token"));

            List<Future<RestResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add(client.call("m1", "crm.lead.get", Map.of("ID", i)));
            }
            await(Future.all(calls));

            assertThat(oauth.refreshes).hasValue(1);
            assertThat(calls).allSatisfy(f -> assertThat(f.result().result().path("ID").asText()).isNotEmpty());
            assertThat(calls.stream().map(f -> f.result().result().path("ID").asInt()).distinct()).hasSize(100);
        }

        @Test
        void storesTheNewPairBeforeUsingIt() throws Exception {
            OAuthFake oauth = new OAuthFake("refresh-0");
            FakePortal fake = fake(oauth);
            InMemoryTokenStore inner = new InMemoryTokenStore();
            TokenStore spy = new TokenStore() {
                @Override
                public Optional<PortalCredentials> load(String memberId) {
                    return inner.load(memberId);
                }

                @Override
                public void save(PortalCredentials c) {
                    if (!c.accessToken().equals("stale-access")) {
                        sleepQuietly(); // a slow disk: an implementation that does not wait for the save would use the token first
                    }
                    inner.save(c);
                    oauth.timeline.add("save:" + c.accessToken() + "/" + c.refreshToken());
                }

                @Override
                public void remove(String memberId) {
                    inner.remove(memberId);
                }
            };
            RestClient client = client(spy, fake);
            await(client.registerInstall(portal(fake, fake.serverEndpoint()), "stale-access", "refresh-0", 3600, "app-token"));

            await(client.call("m1", "crm.lead.get", Map.of("ID", 5)));

            assertThat(oauth.timeline).containsExactly("save:stale-access/refresh-0", "use:stale-access", "save:access-1/refresh-1", "use:access-1");
            assertThat(inner.load("m1").orElseThrow().applicationToken()).isEqualTo("app-token");
        }

        @Test
        void refreshesAtTheConfiguredOAuthServerWithTheSecretInThePostBodyNeverInAUrl() throws Exception {
            OAuthFake oauth = new OAuthFake("refresh-0");
            FakePortal fake = fake(oauth);
            RestClient client = client(TokenStore.inMemory(), fake);
            await(client.registerInstall(portal(fake, fake.serverEndpoint()), "stale-access", "refresh-0", 3600, ""));

            await(client.call("m1", "crm.lead.get", Map.of("ID", 1)));

            assertThat(fake.requests()).filteredOn(r -> r.method().equals("oauth/token")).singleElement().satisfies(r -> {
                assertThat(r.rawUri()).isEqualTo("/oauth/token/");
                assertThat(r.params().path("client_secret").asText()).isEqualTo(OAuthFake.CLIENT_SECRET);
            });
            assertThat(fake.requests()).filteredOn(r -> !r.method().equals("oauth/token"))
                    .allSatisfy(r -> assertThat(r.params().toString() + r.rawUri()).doesNotContain(OAuthFake.CLIENT_SECRET));
        }

        @Test
        void neverSendsTheSecretToAServerEndpointThatIsNotAConfiguredOAuthServer() throws Exception {
            OAuthFake oauth = new OAuthFake("refresh-0");
            FakePortal fake = fake(oauth);
            RestClient client = client(TokenStore.inMemory()); // trusts oauth.bitrix.info only
            await(client.registerInstall(portal(fake, fake.serverEndpoint()), "stale-access", "refresh-0", 3600, ""));

            Throwable e = failure(client.call("m1", "crm.lead.get", Map.of("ID", 1)));

            assertThat(e).isInstanceOf(RestException.class).hasMessageContaining("is not a configured OAuth server");
            assertThat(fake.count("oauth/token")).isZero();
        }

        @Test
        void aReusedRefreshTokenMeansTheAppMustBeReinstalled() throws Exception {
            OAuthFake oauth = new OAuthFake("refresh-0");
            FakePortal fake = fake(oauth);
            RestClient first = client(TokenStore.inMemory(), fake);
            RestClient second = client(TokenStore.inMemory(), fake); // another process holding the same, now rotated, pair
            await(first.registerInstall(portal(fake, fake.serverEndpoint()), "stale-access", "refresh-0", 3600, ""));
            await(second.registerInstall(portal(fake, fake.serverEndpoint()), "stale-access", "refresh-0", 3600, ""));
            await(first.call("m1", "crm.lead.get", Map.of("ID", 1)));

            Throwable e = failure(second.call("m1", "crm.lead.get", Map.of("ID", 2)));

            assertThat(e).isInstanceOfSatisfying(ReinstallRequiredException.class, r -> {
                assertThat(r.portal()).isEqualTo("m1");
                assertThat(r.is("invalid_grant")).isTrue();
                assertThat(r.getMessage()).contains("reinstall").doesNotContain(OAuthFake.CLIENT_SECRET).doesNotContain("refresh-0");
            });
            assertThat(oauth.refreshes).hasValue(2);
        }
    }

    @Nested
    class Secrecy {

        private final Logger logger = (Logger) LoggerFactory.getLogger("dev.olbot.rest");
        private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
        private Level previous;

        private void captureLogs() {
            previous = logger.getLevel();
            logger.setLevel(Level.DEBUG);
            logs.start();
            logger.addAppender(logs);
            closing.add(() -> {
                logger.detachAppender(logs);
                logger.setLevel(previous);
            });
        }

        private void assertNoSecretAnywhere(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(OAuthFake.CLIENT_SECRET);
            }
            assertThat(logs.list).isNotEmpty().allSatisfy(event -> {
                assertThat(event.getFormattedMessage()).doesNotContain(OAuthFake.CLIENT_SECRET);
                if (event.getThrowableProxy() != null) {
                    assertThat(event.getThrowableProxy().getMessage()).doesNotContain(OAuthFake.CLIENT_SECRET);
                }
            });
        }

        @Test
        void aRefusedClientNeverShowsTheSecret() throws Exception {
            captureLogs();
            FakePortal fake = fake(request -> request.method().equals("oauth/token")
                    ? FakePortal.error(400, "invalid_client", "client " + request.rawUri() + " refused") // echoes the URL back
                    : FakePortal.error(401, "expired_token", "expired"));
            RestClient client = client(TokenStore.inMemory(), fake);
            await(client.registerInstall(portal(fake, fake.serverEndpoint()), "a", "r", 3600, ""));

            Throwable e = failure(client.call("m1", "crm.lead.get", Map.of()));

            assertThat(e).isInstanceOf(RestException.class);
            assertThat(((RestException) e).is("invalid_client")).isTrue();
            assertNoSecretAnywhere(e);
        }

        @Test
        void anUnreachableOAuthServerNeverShowsTheSecret() throws Exception {
            captureLogs();
            FakePortal fake = fake(request -> FakePortal.error(401, "expired_token", "expired"));
            String deadEndpoint = "http://127.0.0.1:1/rest/"; // nothing listens on port 1
            RestClient client = client(TokenStore.inMemory(), "http://127.0.0.1:1/");
            await(client.registerInstall(portal(fake, deadEndpoint), "a", "r", 3600, ""));

            Throwable e = failure(client.call("m1", "crm.lead.get", Map.of()));

            assertThat(((RestException) e).error()).isEqualTo("ERROR_OAUTH");
            assertNoSecretAnywhere(e);
        }

        @Test
        void aPortalWithoutStoredCredentialsFailsNamingTheMethodAndPortal() throws Exception {
            RestClient client = client(TokenStore.inMemory());

            Throwable e = failure(client.call("unknown-member", "crm.lead.get", Map.of()));

            assertThat(e).isInstanceOfSatisfying(RestException.class, r -> {
                assertThat(r.method()).isEqualTo("crm.lead.get");
                assertThat(r.error()).isEqualTo("NO_AUTH_FOUND");
                assertThat(r.errorDescription()).contains("unknown-member");
            });
        }

        @Test
        void anEmptyServerEndpointRefreshesAtTheConfiguredOAuthServerNotAGuessedHost() throws Exception {
            OAuthFake oauth = new OAuthFake("refresh-0");
            FakePortal fake = fake(oauth);
            RestClient client = client(TokenStore.inMemory(), fake);
            await(client.registerInstall(portal(fake, ""), "stale-access", "refresh-0", 3600, ""));

            await(client.call("m1", "crm.lead.get", Map.of("ID", 1)));

            assertThat(fake.count("oauth/token")).isEqualTo(1);
        }
    }
}
