package dev.olbot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olbot.testsupport.LogCapture;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fetch poller's lease, offset and handled marks, as two instances see them on one Redis. */
@Timeout(60)
class RedisPollLeaseTest {

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    static Vertx vertx;
    static RedisLink redis;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        redis = RedisLink.create(vertx, REDIS.url());
    }

    @AfterAll
    static void disconnect() throws Exception {
        redis.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void empty() {
        redis.call(Command.FLUSHALL);
    }

    private static RedisPollLease lease() {
        return new RedisPollLease(redis, "member1", 7, Duration.ofMillis(600), Duration.ofMinutes(1));
    }

    @Nested
    class TheLease {

        @Test
        void isHeldByOneInstanceAtATime() {
            RedisPollLease a = lease();
            RedisPollLease b = lease();

            assertThat(a.lead()).isTrue();
            assertThat(b.lead()).isFalse();
            assertThat(a.lead()).as("renewed by its holder").isTrue();
            a.release();
            b.release();
        }

        @Test
        void staysWithItsHolderWhileItIsRenewed() throws Exception {
            RedisPollLease a = lease();
            RedisPollLease b = lease();
            a.lead();

            Thread.sleep(1500); // more than twice the lease: the holder's renewals keep it

            assertThat(b.lead()).isFalse();
            assertThat(a.held()).isTrue();
            a.release();
            b.release();
        }

        @Test
        void isReleasedOnlyByItsHolder() {
            RedisPollLease a = lease();
            RedisPollLease b = lease();
            a.lead();

            b.release();

            assertThat(b.lead()).isFalse();
            a.release();
            assertThat(b.lead()).as("free once its holder let go").isTrue();
            b.release();
        }

        @Test
        void passesToAnotherInstanceWhenItsHolderStopsRenewing() throws Exception {
            Vertx dying = Vertx.vertx();
            RedisLink link = RedisLink.create(dying, REDIS.url());
            RedisPollLease a = new RedisPollLease(link, "member1", 7, Duration.ofMillis(600), Duration.ofMinutes(1));
            RedisPollLease b = lease();
            assertThat(a.lead()).isTrue();

            link.close(); // the holder dies: no renewal, no release
            dying.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!b.lead() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(b.held()).isTrue();
            b.release();
        }

        @Test
        void isGivenUpByAnInstanceThatCouldNotRenewItForAWholeLease() throws Exception {
            Vertx cutOff = Vertx.vertx();
            RedisLink link = RedisLink.create(cutOff, REDIS.url());
            RedisPollLease a = new RedisPollLease(link, "member1", 7, Duration.ofMillis(600), Duration.ofMinutes(1));
            assertThat(a.lead()).isTrue();

            try (LogCapture logs = LogCapture.of("dev.olbot.redis")) {
                link.close(); // Redis is out of reach for this instance
                cutOff.close();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (a.held() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }

                assertThat(a.held()).as("no longer counts itself the leader").isFalse();
                int linesWhenItGaveUp = logs.lines().size();
                Thread.sleep(1000); // three renewal periods
                assertThat(logs.lines()).as("stopped renewing, so stopped logging").hasSize(linesWhenItGaveUp)
                        .last().asString().contains("ran out while Redis did not answer");
            }
        }
    }

    @Nested
    class TheOffset {

        @Test
        void isSharedByTheInstances() {
            RedisPollLease a = lease();
            a.lead();
            a.offsets().save(42);

            assertThat(lease().offsets().load()).isEqualTo(42);
            a.release();
        }

        @Test
        void isNotSavedByAnInstanceThatLostTheLease() {
            RedisPollLease a = lease();
            RedisPollLease b = lease();
            a.lead();
            a.offsets().save(10);
            a.release();
            b.lead();
            b.offsets().save(20);

            assertThatThrownBy(() -> a.offsets().save(15)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("poll lease for bot 7 on member1 was lost before offset 15 was confirmed");
            assertThat(b.offsets().load()).isEqualTo(20);
            b.release();
        }

        @Test
        void neverMovesBackwards() {
            RedisPollLease a = lease();
            a.lead();
            a.offsets().save(30);
            a.offsets().save(12);

            assertThat(a.offsets().load()).isEqualTo(30);
            a.release();
        }
    }

    @Test
    void marksAHandledEventForEveryInstance() {
        RedisPollLease a = lease();
        RedisPollLease b = lease();

        a.markHandled("member1/ONIMBOTV2MESSAGEADD/41");

        assertThat(b.handled("member1/ONIMBOTV2MESSAGEADD/41")).isTrue();
        assertThat(b.handled("member1/ONIMBOTV2MESSAGEADD/42")).isFalse();
        assertThat(redis.call(Command.PTTL, "olbot:fetched:member1/ONIMBOTV2MESSAGEADD/41").toLong()).isBetween(1L, 60_000L);
    }

    @Test
    void refusesALeaseTooShortToRenew() {
        assertThatThrownBy(() -> new RedisPollLease(redis, "member1", 7, Duration.ofMillis(100), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("poll lease must be at least 300 ms, was 100 ms");
    }
}
