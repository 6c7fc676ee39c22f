package dev.olbot.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.state.DialogKey;
import dev.olbot.state.DialogState;
import dev.olbot.state.DialogStore;
import dev.olbot.state.FlowPosition;
import dev.olbot.state.Owner;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

@Timeout(60)
class RedisDialogStoreTest {

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    static Vertx vertx;
    static RedisLink link;
    RedisDialogStore store;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        link = RedisLink.create(vertx, REDIS.url());
    }

    @AfterAll
    static void disconnect() throws Exception {
        link.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void empty() {
        link.call(Command.FLUSHALL);
        store = RedisDialogStore.create(link);
    }

    private static DialogKey key(String dialog) {
        return new DialogKey("m1", 7, dialog);
    }

    @Nested
    class CompareAndSet {

        @Test
        void storesANewDialogAtVersionOneWithEverythingItHolds() {
            DialogState s = DialogState.fresh(key("chat1")).withOwner(Owner.WAITING_OPERATOR).withSession(42)
                    .withFlow(new FlowPosition("lead", 1, 2, Map.of("name", "Анна"))).withVar("x", "y/z:\"q\"").withFailures(1)
                    .withTimeout(1000, "flow:lead");

            assertThat(store.save(s)).hasValue(s.withVersion(1));
            assertThat(store.get(key("chat1"))).hasValue(s.withVersion(1));
        }

        @Test
        void refusesASaveFromAStaleVersionAndKeepsTheWinner() {
            DialogState v1 = store.save(DialogState.fresh(key("chat1"))).orElseThrow();
            DialogState winner = store.save(v1.withVar("who", "first")).orElseThrow();

            assertThat(store.save(v1.withVar("who", "second"))).isEmpty();
            assertThat(store.get(key("chat1"))).hasValue(winner);
            assertThat(winner.version()).isEqualTo(2);
        }

        @Test
        void twoInstancesRacingOnEveryVersionHaveExactlyOneWinnerEach() throws Exception {
            RedisDialogStore other = RedisDialogStore.create(RedisLink.create(vertx, REDIS.url()));
            store.save(DialogState.fresh(key("race"))).orElseThrow();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 200; round++) {
                    DialogState read = store.get(key("race")).orElseThrow();
                    CountDownLatch go = new CountDownLatch(1);
                    Callable<Optional<DialogState>> a = () -> {
                        go.await();
                        return store.save(read.withVar("by", "a"));
                    };
                    Callable<Optional<DialogState>> b = () -> {
                        go.await();
                        return other.save(read.withVar("by", "b"));
                    };
                    Future<Optional<DialogState>> fa = pool.submit(a);
                    Future<Optional<DialogState>> fb = pool.submit(b);
                    go.countDown();
                    List<Optional<DialogState>> results = List.of(fa.get(), fb.get());

                    assertThat(results).filteredOn(Optional::isPresent).as("round %d", round).hasSize(1);
                    DialogState won = results.stream().flatMap(Optional::stream).findFirst().orElseThrow();
                    assertThat(won.version()).isEqualTo(read.version() + 1);
                    assertThat(store.get(key("race"))).hasValue(won);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class Timeouts {

        @Test
        void returnsDueTimeoutsOldestFirstAndNotTheOnesStillAhead() {
            store.save(DialogState.fresh(key("late")).withTimeout(300, "t"));
            store.save(DialogState.fresh(key("early")).withTimeout(100, "t"));
            store.save(DialogState.fresh(key("ahead")).withTimeout(900, "t"));

            assertThat(store.dueTimeouts(500)).extracting(s -> s.key().dialogId()).containsExactly("early", "late");
        }

        @Test
        void aClaimedTimeoutIsNotOfferedToAnotherInstanceUntilTheLeaseEnds() {
            RedisDialogStore other = RedisDialogStore.create(link, Duration.ofDays(7), Duration.ofMillis(1000));
            RedisDialogStore mine = RedisDialogStore.create(link, Duration.ofDays(7), Duration.ofMillis(1000));
            mine.save(DialogState.fresh(key("chat1")).withTimeout(100, "t"));

            assertThat(mine.dueTimeouts(200)).hasSize(1);
            assertThat(other.dueTimeouts(200)).as("claimed by the first").isEmpty();
            assertThat(other.dueTimeouts(1200)).as("the lease ran out: the first instance died").hasSize(1);
        }

        @Test
        void aTimeoutWhoseTurnRunsLongerThanTheLeaseIsNotOfferedToAnotherInstance() throws Exception {
            RedisDialogStore other = RedisDialogStore.create(link, Duration.ofDays(7), Duration.ofMillis(600));
            RedisDialogStore mine = RedisDialogStore.create(link, Duration.ofDays(7), Duration.ofMillis(600));
            mine.save(DialogState.fresh(key("chat1")).withTimeout(100, "t"));
            assertThat(mine.dueTimeouts(200)).hasSize(1);

            try (DialogStore.Claim turn = mine.holdTimeoutClaim(key("chat1"))) {
                Thread.sleep(1500); // the turn runs for more than twice the lease
                assertThat(other.dueTimeouts(800)).as("offered again while its turn still runs").isEmpty();
            }
        }

        @Test
        void aHeldClaimEndsWithTheTurnsSaveAndADeadHoldersClaimRunsOut() throws Exception {
            RedisDialogStore other = RedisDialogStore.create(link, Duration.ofDays(7), Duration.ofMillis(600));
            RedisDialogStore mine = RedisDialogStore.create(link, Duration.ofDays(7), Duration.ofMillis(600));
            DialogState armed = mine.save(DialogState.fresh(key("saved")).withTimeout(100, "t")).orElseThrow();
            mine.save(DialogState.fresh(key("stuck")).withTimeout(100, "t"));
            assertThat(mine.dueTimeouts(200)).hasSize(2);

            try (DialogStore.Claim saved = mine.holdTimeoutClaim(key("saved"))) {
                mine.save(armed.withoutTimeout());
                mine.holdTimeoutClaim(key("stuck")).close(); // its holder stops renewing at once, as a dead one would
                Thread.sleep(700);
                assertThat(other.dueTimeouts(900)).extracting(s -> s.key().dialogId()).containsExactly("stuck");
            }
        }

        @Test
        void aSaveWithoutTheTimeoutClearsIt() {
            DialogState armed = store.save(DialogState.fresh(key("chat1")).withTimeout(100, "t")).orElseThrow();
            store.save(armed.withoutTimeout());

            assertThat(store.dueTimeouts(10_000)).isEmpty();
            assertThat(link.call(Command.ZCARD, link.key("dlg-timeouts")).toLong()).isZero();
        }
    }

    @Nested
    class TimeoutsWithTheInboxPartitions {

        private static final int PARTITIONS = 16;

        private int partitionOf(String dialog) {
            return RedisStreamInbox.partitionOf("m1/" + dialog, PARTITIONS);
        }

        /** Two dialogs whose lanes fall in different partitions. */
        private List<String> twoDialogsInTwoPartitions() {
            for (int i = 2; ; i++) {
                if (partitionOf("chat" + i) != partitionOf("chat1")) {
                    return List.of("chat1", "chat" + i);
                }
            }
        }

        @Test
        void eachInstanceFiresOnlyTheTimeoutsOfTheDialogsWhosePartitionItOwns() {
            List<String> dialogs = twoDialogsInTwoPartitions();
            RedisDialogStore a = RedisDialogStore.create(link);
            RedisDialogStore b = RedisDialogStore.create(link);
            a.fireTimeoutsWithTheirPartition(PARTITIONS, () -> java.util.Set.of(partitionOf(dialogs.get(0))));
            b.fireTimeoutsWithTheirPartition(PARTITIONS, () -> java.util.Set.of(partitionOf(dialogs.get(1))));
            a.save(DialogState.fresh(key(dialogs.get(1))).withTimeout(100, "t")); // saved by a, b's partition
            b.save(DialogState.fresh(key(dialogs.get(0))).withTimeout(100, "t"));

            assertThat(a.dueTimeouts(200)).extracting(s -> s.key().dialogId()).containsExactly(dialogs.get(0));
            assertThat(b.dueTimeouts(200)).extracting(s -> s.key().dialogId()).containsExactly(dialogs.get(1));
        }

        @Test
        void aPartitionThatChangesHandsFiresItsPendingTimeoutsOnTheNewOwner() {
            String dialog = "chat1";
            java.util.Set<Integer> owned = new java.util.concurrent.CopyOnWriteArraySet<>();
            RedisDialogStore a = RedisDialogStore.create(link);
            a.fireTimeoutsWithTheirPartition(PARTITIONS, () -> owned);
            a.save(DialogState.fresh(key(dialog)).withTimeout(100, "t"));

            assertThat(a.dueTimeouts(200)).as("not a's partition yet").isEmpty();
            owned.add(partitionOf(dialog));
            assertThat(a.dueTimeouts(200)).extracting(s -> s.key().dialogId()).containsExactly(dialog);
        }

        @Test
        void aTimeoutSavedBeforeThePartitioningStillFiresAndMovesWithTheNextSave() {
            DialogState armed = store.save(DialogState.fresh(key("chat1")).withTimeout(100, "t")).orElseThrow();
            RedisDialogStore partitioned = RedisDialogStore.create(link);
            partitioned.fireTimeoutsWithTheirPartition(PARTITIONS, java.util.Set::of);

            partitioned.save(armed.withTimeout(150, "t"));

            assertThat(link.call(Command.ZCARD, link.key("dlg-timeouts")).toLong()).as("the single set").isZero();
            assertThat(link.call(Command.ZSCORE, link.key("dlg-timeouts:" + partitionOf("chat1")), link.key("dlg:m1:7:chat1")).toLong())
                    .isEqualTo(150);
        }

        @Test
        void deletingADialogClearsItsPartitionsTimeout() {
            RedisDialogStore partitioned = RedisDialogStore.create(link);
            java.util.Set<Integer> all = java.util.stream.IntStream.range(0, PARTITIONS).boxed().collect(java.util.stream.Collectors.toSet());
            partitioned.fireTimeoutsWithTheirPartition(PARTITIONS, () -> all);
            partitioned.save(DialogState.fresh(key("chat1")).withTimeout(100, "t"));
            partitioned.save(DialogState.fresh(new DialogKey("m2", 7, "chat2")).withTimeout(100, "t"));

            partitioned.delete(key("chat1"));
            partitioned.deletePortal("m2");

            assertThat(partitioned.dueTimeouts(10_000)).isEmpty();
            assertThat(link.call(Command.ZCARD, link.key("dlg-timeouts:" + partitionOf("chat1"))).toLong()).isZero();
        }
    }

    @Nested
    class Lifetime {

        @Test
        void aFinishedDialogExpiresAndAnOpenOneDoesNot() {
            store.save(DialogState.fresh(key("open")));
            store.save(DialogState.fresh(key("done")).withOwner(Owner.FINISHED));

            assertThat(link.call(Command.PTTL, link.key("dlg:m1:7:open")).toLong()).isEqualTo(-1);
            assertThat(link.call(Command.PTTL, link.key("dlg:m1:7:done")).toLong()).isBetween(1L, Duration.ofDays(7).toMillis());
        }

        @Test
        void aDialogThatStartsAgainAfterFinishingNoLongerExpires() {
            DialogState done = store.save(DialogState.fresh(key("chat1")).withOwner(Owner.FINISHED)).orElseThrow();
            store.save(done.withOwner(Owner.BOT));

            assertThat(link.call(Command.PTTL, link.key("dlg:m1:7:chat1")).toLong()).isEqualTo(-1);
        }

        @Test
        void deletingAPortalRemovesOnlyItsDialogsAndTheirTimeouts() {
            store.save(DialogState.fresh(key("a")).withTimeout(100, "t"));
            store.save(DialogState.fresh(new DialogKey("m1*", 7, "b")));
            store.save(DialogState.fresh(new DialogKey("m2", 7, "c")));

            store.deletePortal("m1");

            assertThat(store.get(key("a"))).isEmpty();
            assertThat(store.get(new DialogKey("m1*", 7, "b"))).isPresent();
            assertThat(store.dueTimeouts(10_000)).isEmpty();
            assertThat(store.size()).isEqualTo(2);
        }

        @Test
        void anErrorAnsweredByRedisIsABugNotAnOutageToWaitOut() {
            link.call(Command.SET, link.key("dlg:m1:7:chat9"), "not a hash");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.get(key("chat9")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("WRONGTYPE");
        }

        @Test
        void anUnreachableRedisIsAnOutageTheEngineWaitsOut() {
            RedisLink nowhere = RedisLink.create(vertx, "redis://127.0.0.1:1");
            try {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> RedisDialogStore.create(nowhere).get(key("x")))
                        .isInstanceOf(dev.olbot.state.StoreUnavailableException.class).hasMessageContaining("redis://127.0.0.1:1");
            } finally {
                nowhere.close();
            }
        }

        @Test
        void refusesToBlockAVertxEventLoop() throws Exception {
            var failure = new java.util.concurrent.CompletableFuture<Throwable>();
            vertx.runOnContext(v -> {
                try {
                    store.get(key("x"));
                    failure.complete(null);
                } catch (RuntimeException e) {
                    failure.complete(e);
                }
            });

            assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class).hasMessageContaining("event loop");
        }
    }
}
