package dev.olbot.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.redis.client.Command;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Installs and dedupe keys shared by two "instances" (two store objects, each with its own Redis client). */
@Timeout(60)
class RedisSharedStoresTest extends TwoInstancesOnRedis {

    /** Runs {@code body} on a Vert.x event loop, as the ingress does, and returns its result. */
    static <T> T onEventLoop(Supplier<T> body) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            try {
                result.complete(body.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }

    static void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached");
            }
            Thread.sleep(5);
        }
    }

    @Nested
    class Installs {

        @Test
        void anInstallConfirmedOnOneInstanceIsKnownToTheOtherAlsoOnItsEventLoop() throws Exception {
            try (RedisInstallRegistry a = RedisInstallRegistry.open(vertx, first);
                    RedisInstallRegistry b = RedisInstallRegistry.open(vertx, second)) {
                a.remember("m1", "app-token-1");

                assertThat(b.applicationToken("m1")).hasValue("app-token-1");
                until(() -> {
                    try {
                        return onEventLoop(() -> b.applicationToken("m1")).isPresent();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThat(b.portals()).containsExactly("m1");
            }
        }

        @Test
        void anUninstallSeenOnOneInstanceOnItsEventLoopIsForgottenByTheOther() throws Exception {
            try (RedisInstallRegistry a = RedisInstallRegistry.open(vertx, first);
                    RedisInstallRegistry b = RedisInstallRegistry.open(vertx, second)) {
                a.remember("m1", "app-token-1");
                until(() -> eventLoopRead(b).isPresent());

                onEventLoop(() -> {
                    a.forget("m1");
                    return null;
                });

                until(() -> eventLoopRead(b).isEmpty());
                assertThat(b.applicationToken("m1")).isEmpty();
            }
        }

        @Test
        void aRestartedInstanceLoadsEveryInstall() {
            try (RedisInstallRegistry a = RedisInstallRegistry.open(vertx, first)) {
                a.remember("m1", "t1");
                a.remember("m2", "t2");
            }
            try (RedisInstallRegistry again = RedisInstallRegistry.open(vertx, second)) {
                assertThat(again.portals()).containsExactlyInAnyOrder("m1", "m2");
            }
        }

        private java.util.Optional<String> eventLoopRead(RedisInstallRegistry r) {
            try {
                return onEventLoop(() -> r.applicationToken("m1"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Nested
    class Tokens {

        @Test
        void aPairSavedByOneInstanceIsLoadedWholeByTheOther() {
            var saved = new dev.olbot.rest.PortalCredentials("m1", "portal.example", "https://portal.example/rest/",
                    "https://oauth.bitrix.info/rest/", "access-1", "refresh-1", java.time.Instant.ofEpochMilli(1_771_928_985_123L), "app-1");
            new RedisTokenStore(first).save(saved);

            assertThat(new RedisTokenStore(second).load("m1")).hasValue(saved);
            new RedisTokenStore(second).remove("m1");
            assertThat(new RedisTokenStore(first).load("m1")).isEmpty();
        }
    }

    @Nested
    class Dedupe {

        @Test
        void aKeySeenByOneInstanceIsADuplicateOnTheOther() {
            RedisDedupeStore a = RedisDedupeStore.create(first);
            RedisDedupeStore b = RedisDedupeStore.create(second);

            assertThat(a.firstSeen("m1/ONIMBOTMESSAGEADD/100")).isTrue();
            assertThat(b.firstSeen("m1/ONIMBOTMESSAGEADD/100")).isFalse();
            assertThat(b.firstSeen("m1/ONIMBOTMESSAGEADD/101")).isTrue();
        }

        @Test
        void keysExpireAfterTheWindow() throws Exception {
            RedisDedupeStore a = RedisDedupeStore.create(first, Duration.ofMillis(200), "node-a");
            a.firstSeen("k");

            long ttl = first.call(Command.PTTL, first.key("dedupe:k")).toLong();
            assertThat(ttl).isBetween(1L, 200L);
            until(() -> first.call(Command.EXISTS, first.key("dedupe:k")).toLong() == 0);
            assertThat(a.firstSeen("k")).isTrue();
        }

        @Test
        void theAsyncFormAnswersWithoutBlockingAnEventLoop() throws Exception {
            RedisDedupeStore a = RedisDedupeStore.create(first);
            RedisDedupeStore b = RedisDedupeStore.create(second);

            assertThat(onEventLoop(() -> a.firstSeenAsync("k")).toCompletableFuture().get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(onEventLoop(() -> b.firstSeenAsync("k")).toCompletableFuture().get(10, TimeUnit.SECONDS)).isFalse();
        }

        @Test
        void onAnEventLoopEachInstanceAnswersFromItsOwnWindowAndExactlyOneTakesTheEvent() throws Exception {
            RedisDedupeStore a = RedisDedupeStore.create(first, Duration.ofHours(1), "node-a");
            RedisDedupeStore b = RedisDedupeStore.create(second, Duration.ofHours(1), "node-b");

            assertThat(onEventLoop(() -> a.firstSeen("k"))).isTrue();
            until(() -> first.call(Command.EXISTS, first.key("dedupe:k")).toLong() == 1);
            assertThat(onEventLoop(() -> b.firstSeen("k"))).as("b cannot wait for Redis here").isTrue();
            assertThat(onEventLoop(() -> b.firstSeen("k"))).as("its own window").isFalse();

            assertThat(a.takenHere("k")).isTrue();
            assertThat(b.takenHere("k")).as("the same delivery reached b too").isFalse();
        }

        @Test
        void aRestartedInstanceWithTheSameIdStillHandlesTheEventsItTookBeforeItStopped() {
            RedisDedupeStore.create(first, Duration.ofHours(1), "node-a").firstSeen("k");

            assertThat(RedisDedupeStore.create(second, Duration.ofHours(1), "node-a").takenHere("k")).isTrue();
            assertThat(RedisDedupeStore.create(second, Duration.ofHours(1), "node-b").takenHere("k")).isFalse();
        }
    }
}
