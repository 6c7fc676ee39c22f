package dev.olbot.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.event.Portal;
import dev.olbot.redis.LocalRedis;
import dev.olbot.redis.RedisBucket;
import dev.olbot.redis.RedisLink;
import dev.olbot.redis.RedisRefreshLock;
import dev.olbot.redis.RedisTokenStore;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two "instances" of a bot — two RestClients, each with its own Redis connection — sharing one
 * Redis: the token store and refresh lock, and the portal's rate bucket.
 */
@Timeout(120)
class RestClientClusterTest extends Loopback {

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    static final List<RedisLink> links = new ArrayList<>();

    @BeforeAll
    static void noLinksYet() {
        links.clear();
    }

    @AfterAll
    static void closeLinks() {
        links.forEach(RedisLink::close);
    }

    @BeforeEach
    void emptyRedis() {
        link().call(Command.FLUSHALL);
    }

    private static RedisLink link() {
        RedisLink l = RedisLink.create(vertx, REDIS.url());
        links.add(l);
        return l;
    }

    private RestClient instance(Consumer<RestClientOptions> configure) {
        RestClient c = RestClient.create(vertx, configure);
        closing.add(0, () -> c.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        return c;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every call completed, failed or not. */
    private static void settle(List<Future<RestResponse>> calls) throws Exception {
        try {
            Future.join(calls).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException someFailed) {
            // inspected by the caller
        }
    }

    @Nested
    class OneRefreshPerPortal {

        private RestClient oauthInstance(FakePortal fake, RefreshLock lock) {
            RedisLink own = link();
            return oauthInstance(fake, lock == null ? new RedisRefreshLock(own) : lock, new RedisTokenStore(own));
        }

        private RestClient oauthInstance(FakePortal fake, RefreshLock lock, TokenStore store) {
            return instance(o -> o.oauth(OAuthFake.CLIENT_ID, OAuthFake.CLIENT_SECRET).tokenStore(store).refreshLock(lock)
                    .oauthServers(OAuthServers.of(List.of(fake.serverEndpoint().replace("/rest/", "/"))))
                    .rateLimit(new RateLimit(1000, 1000)).requestTimeout(Duration.ofSeconds(10)));
        }

        private List<Future<RestResponse>> hundredCallsAcross(RestClient a, RestClient b) {
            List<Future<RestResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add((i % 2 == 0 ? a : b).call("m1", "crm.lead.get", Map.of("ID", i)));
            }
            return calls;
        }

        @Test
        void hundredConcurrentCallsOnAnExpiredTokenAcrossTwoInstancesRefreshOnceWithoutInvalidGrant() throws Exception {
            OAuthFake oauth = new OAuthFake("refresh-0");
            FakePortal fake = fake(oauth);
            RestClient a = oauthInstance(fake, null);
            RestClient b = oauthInstance(fake, null);
            Portal portal = new Portal("portal.example", "m1", fake.restUrl(), fake.serverEndpoint());
            await(a.registerInstall(portal, "stale-access", "refresh-0", 3600, "app-token"));

            List<Future<RestResponse>> calls = hundredCallsAcross(a, b);
            Future.join(calls).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);

            assertThat(calls).allSatisfy(f -> assertThat(f.succeeded()).as("%s", f.cause()).isTrue());
            assertThat(oauth.refreshes).as("refreshes").hasValue(1);
            assertThat(fake.requests()).filteredOn(r -> r.method().equals("oauth/token"))
                    .extracting(r -> r.params().path("refresh_token").asText()).containsExactly("refresh-0");
        }

        @Test
        void anInstanceWhoseTokenExpiredReadsThePairAnotherInstanceRotatedInsteadOfRefreshing() throws Exception {
            OAuthFake oauth = new OAuthFake("refresh-0");
            FakePortal fake = fake(oauth);
            RestClient a = oauthInstance(fake, null);
            RestClient b = oauthInstance(fake, null);
            await(a.registerInstall(new Portal("portal.example", "m1", fake.restUrl(), fake.serverEndpoint()), "stale-access",
                    "refresh-0", 3600, ""));
            await(b.call("m1", "crm.lead.get", Map.of("ID", 1))); // b caches stale-access, then refreshes once

            await(a.call("m1", "crm.lead.get", Map.of("ID", 2))); // a still holds stale-access in memory

            assertThat(oauth.refreshes).hasValue(1);
        }

        @Test
        void anotherInstanceNeverReadsTheSpentPairWhileTheRotatedOneIsBeingSaved() throws Exception {
            OAuthFake oauth = new OAuthFake("refresh-0");
            FakePortal fake = fake(oauth);
            RedisLink own = link();
            RedisTokenStore shared = new RedisTokenStore(own);
            java.util.concurrent.atomic.AtomicInteger failing = new java.util.concurrent.atomic.AtomicInteger(2);
            TokenStore flaky = new TokenStore() { // Redis refuses the first two saves of the rotated pair
                @Override
                public Optional<PortalCredentials> load(String memberId) {
                    return shared.load(memberId);
                }

                @Override
                public void save(PortalCredentials c) {
                    if (!c.accessToken().equals("stale-access") && failing.getAndDecrement() > 0) {
                        throw new dev.olbot.redis.RedisUnavailableException("Redis did not answer", null);
                    }
                    shared.save(c);
                }

                @Override
                public void remove(String memberId) {
                    shared.remove(memberId);
                }
            };
            RestClient a = oauthInstance(fake, new RedisRefreshLock(own), flaky);
            await(a.registerInstall(new Portal("portal.example", "m1", fake.restUrl(), fake.serverEndpoint()), "stale-access",
                    "refresh-0", 3600, ""));
            await(a.call("m1", "crm.lead.get", Map.of("ID", 1))); // refreshes; the save fails twice

            Future<RestResponse> fromB = oauthInstance(fake, null).call("m1", "crm.lead.get", Map.of("ID", 2));
            settle(List.of(fromB));

            assertThat(fromB.succeeded()).as("%s", fromB.cause()).isTrue();
            assertThat(oauth.refreshes).as("refreshes").hasValue(1);
        }

        @Test
        void withoutTheSharedLockTwoInstancesThatReadTheOldPairTogetherSpendTheSameRefreshToken() throws Exception {
            OAuthFake oauth = new OAuthFake("refresh-0");
            java.util.concurrent.atomic.AtomicBoolean expired = new java.util.concurrent.atomic.AtomicBoolean();
            FakePortal fake = fake(r -> expired.get() || r.method().equals("oauth/token") ? oauth.answer(r) : FakePortal.ok(Map.of()));
            // once the token expired, each instance reads the store once (its refresh); neither goes on before both
            // have read, as when two instances race
            java.util.concurrent.CountDownLatch bothRead = new java.util.concurrent.CountDownLatch(2);
            java.util.function.Function<TokenStore, TokenStore> racing = inner -> new TokenStore() {
                @Override
                public Optional<PortalCredentials> load(String memberId) {
                    Optional<PortalCredentials> read = inner.load(memberId);
                    if (expired.get()) {
                        bothRead.countDown();
                        try {
                            bothRead.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return read;
                }

                @Override
                public void save(PortalCredentials c) {
                    inner.save(c);
                }

                @Override
                public void remove(String memberId) {
                    inner.remove(memberId);
                }
            };
            RestClient a = oauthInstance(fake, RefreshLock.inProcess(), racing.apply(new RedisTokenStore(link())));
            RestClient b = oauthInstance(fake, RefreshLock.inProcess(), racing.apply(new RedisTokenStore(link())));
            await(a.registerInstall(new Portal("portal.example", "m1", fake.restUrl(), fake.serverEndpoint()), "stale-access",
                    "refresh-0", 3600, ""));
            await(a.call("m1", "crm.lead.get", Map.of("ID", 1))); // both instances hold the pair in memory
            await(b.call("m1", "crm.lead.get", Map.of("ID", 2)));
            expired.set(true);

            List<Future<RestResponse>> calls = hundredCallsAcross(a, b);
            settle(calls);

            assertThat(oauth.refreshes.get()).as("the control: both refreshed").isEqualTo(2);
            assertThat(calls).anySatisfy(f -> assertThat(f.cause()).isInstanceOf(ReinstallRequiredException.class));
        }
    }

    @Nested
    class SharedRateBucket {

        private RestClient limitedInstance(FakePortal fake, boolean shared) {
            RedisLink own = link();
            return instance(o -> {
                o.webhook(new WebhookCredentials(fake.restUrl() + "1/secret/")).rateLimit(RateLimit.STANDARD).coalescing(false)
                        .retries(3, Duration.ofMillis(50));
                if (shared) {
                    o.sharedBucket(new RedisBucket(own));
                }
            });
        }

        private RestClientPacingTest.LimitedPortal sendThirtyEachFromTwoInstances(boolean shared) throws Exception {
            RestClientPacingTest.LimitedPortal portal = new RestClientPacingTest.LimitedPortal(RateLimit.STANDARD);
            FakePortal fake = fake(portal);
            RestClient a = limitedInstance(fake, shared);
            RestClient b = limitedInstance(fake, shared);
            List<Future<RestResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                calls.add((i % 2 == 0 ? a : b).call("p", "imbot.message.add", Map.of("DIALOG_ID", "chat" + (i % 7), "N", i)));
            }
            Future.join(calls).toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
            assertThat(calls).allSatisfy(f -> assertThat(f.succeeded()).as("%s", f.cause()).isTrue());
            assertThat(portal.executed).hasValue(60);
            return portal;
        }

        @Test
        void twoInstancesSharingTheBucketNeverMeetQueryLimitExceeded() throws Exception {
            RestClientPacingTest.LimitedPortal portal = sendThirtyEachFromTwoInstances(true);

            assertThat(portal.rejected).as("QUERY_LIMIT_EXCEEDED answers").hasValue(0);
        }

        @Test
        void coalescingIntoBatchStillWorksWithTheSharedBucket() throws Exception {
            RestClientPacingTest.LimitedPortal portal = new RestClientPacingTest.LimitedPortal(RateLimit.STANDARD);
            FakePortal fake = fake(portal);
            RestClient[] instances = new RestClient[2];
            for (int i = 0; i < 2; i++) {
                RedisLink own = link();
                instances[i] = instance(o -> o.webhook(new WebhookCredentials(fake.restUrl() + "1/secret/")).rateLimit(RateLimit.STANDARD)
                        .sharedBucket(new RedisBucket(own)));
            }
            List<Future<RestResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                calls.add(instances[i % 2].call("p", "imbot.message.add", Map.of("DIALOG_ID", "chat" + i, "N", i)));
            }
            Future.join(calls).toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);

            assertThat(portal.executed).hasValue(1000);
            assertThat(portal.rejected).hasValue(0);
            assertThat(portal.accepted.get()).as("requests for 1,000 calls").isLessThanOrEqualTo(40);
        }

        @Test
        void withoutTheSharedBucketEachInstanceSpendsTheWholeBurstAndThePortalRefuses() throws Exception {
            RestClientPacingTest.LimitedPortal portal = sendThirtyEachFromTwoInstances(false);

            assertThat(portal.rejected.get()).as("the control: 60 requests against a burst of 50").isPositive();
        }
    }
}
