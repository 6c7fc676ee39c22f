package dev.olbot.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliveries appended on a Vert.x event loop: the loop writes and syncs its round's deliveries
 * itself, so a 200 waits for one {@code fdatasync} and no hop to the writer thread and back.
 */
class FileInboxOnEventLoopTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    private static Inbox.Delivery delivery(int n) {
        return new Inbox.Delivery("m1/ONIMBOTMESSAGEADD/" + n, "application/x-www-form-urlencoded", "event=X&n=" + n, Map.of());
    }

    /** Appends {@code count} deliveries in one task on an event loop (one round); completes with the threads their futures completed on. */
    private List<String> appendInOneRound(FileInbox inbox, int from, int count) throws Exception {
        List<String> completedOn = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> all = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            List<CompletableFuture<Long>> kept = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                kept.add(inbox.append(delivery(from + i)).whenComplete((id, e) -> completedOn.add(Thread.currentThread().getName())));
            }
            CompletableFuture.allOf(kept.toArray(CompletableFuture[]::new)).whenComplete((x, e) -> all.complete(null));
        });
        all.get(10, TimeUnit.SECONDS);
        return completedOn;
    }

    private static List<String> pendingBodies(Path file) {
        try (FileInbox again = FileInbox.open(file, Duration.ofHours(1))) {
            return again.recover().pending().stream().map(e -> e.delivery().body()).toList();
        }
    }

    @Test
    void aRoundOfDeliveriesIsSyncedOnceByTheLoopItselfAndKeptOnDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inbox.journal");
        FileInbox inbox = FileInbox.open(file, Duration.ofHours(1));
        long groupsBefore = inbox.writerStats().groups();

        List<String> completedOn = appendInOneRound(inbox, 1, 10);

        assertThat(completedOn).hasSize(10).allSatisfy(thread -> assertThat(thread).startsWith("vert.x-eventloop-thread"));
        assertThat(inbox.writerStats().groups() - groupsBefore).isEqualTo(1); // one fdatasync for the round
        // never closed, as after a kill -9: what was acknowledged is in the file
        assertThat(pendingBodies(file)).hasSize(10).startsWith("event=X&n=1", "event=X&n=2");
        inbox.close();
    }

    @Test
    void handledMarksGoWithTheLoopsNextRound(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inbox.journal");
        FileInbox inbox = FileInbox.open(file, Duration.ofHours(1));
        appendInOneRound(inbox, 1, 2);
        inbox.handled(1);

        appendInOneRound(inbox, 3, 1);

        assertThat(pendingBodies(file)).containsExactly("event=X&n=2", "event=X&n=3");
        inbox.close();
    }

    @Test
    void withSyncOnTheLoopTurnedOffTheWriterThreadKeepsThemWhileTheLoopIsStillBusy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inbox.journal");
        FileInbox inbox = FileInbox.open(file, Duration.ofHours(1), Clock.systemUTC(), 10_000, FileInbox.Sync.WRITER);

        CompletableFuture<Boolean> keptDuringTheRound = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            CompletableFuture<Long> kept = inbox.append(delivery(1));
            keptDuringTheRound.complete(waitFor(kept)); // the loop is still in its round
        });

        assertThat(keptDuringTheRound.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pendingBodies(file)).containsExactly("event=X&n=1");
        inbox.close();
    }

    @Test
    void onTheLoopNothingIsKeptBeforeTheRoundEnds(@TempDir Path dir) throws Exception {
        assertNothingIsKeptBeforeTheRoundEnds(FileInbox.open(dir.resolve("inbox.journal"), Duration.ofHours(1)));
    }

    /** Appends one delivery on the loop and waits for it there: not kept during the round, kept after it. */
    private void assertNothingIsKeptBeforeTheRoundEnds(FileInbox inbox) throws Exception {
        CompletableFuture<Boolean> keptDuringTheRound = new CompletableFuture<>();
        CompletableFuture<Long> keptAfter = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            CompletableFuture<Long> kept = inbox.append(delivery(1));
            kept.thenAccept(keptAfter::complete);
            keptDuringTheRound.complete(waitFor(kept));
        });

        assertThat(keptDuringTheRound.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(keptAfter.get(10, TimeUnit.SECONDS)).isEqualTo(1L);
        inbox.close();
    }

    /** True when {@code kept} completes within 300 ms (blocking the caller, an event loop in these tests, that long). */
    private static boolean waitFor(CompletableFuture<Long> kept) {
        try {
            kept.get(300, TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception notYet) {
            return false;
        }
    }

    @Test
    void aLoopsRoundStaysBehindDeliveriesTheWriterThreadStillHas(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inbox.journal");
        FileInbox inbox = FileInbox.open(file, Duration.ofHours(1));
        List<Long> completedInOrder = new CopyOnWriteArrayList<>();
        for (int round = 0; round < 50; round++) {
            int n = round * 2;
            inbox.append(delivery(n)).thenAccept(completedInOrder::add); // from this thread: the writer's
            CompletableFuture<Long> onLoop = new CompletableFuture<>();
            vertx.runOnContext(v -> inbox.append(delivery(n + 1)).thenAccept(id -> {
                completedInOrder.add(id);
                onLoop.complete(id);
            }));
            onLoop.get(10, TimeUnit.SECONDS);
        }

        assertThat(completedInOrder).hasSize(100).isSorted(); // ids are given in append order
        inbox.close();
    }

    @org.junit.jupiter.api.Nested
    class HandingRoundsToTheWriterThread {

        private FileInbox open(Path file) {
            return FileInbox.open(file, Duration.ofHours(1), Clock.systemUTC(), 10_000, FileInbox.Sync.WRITER_ROUNDS);
        }

        @Test
        void aRoundIsWrittenAndSyncedByTheWriterThreadOnceAndKeptOnDisk(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("inbox.journal");
            FileInbox inbox = open(file);
            long groupsBefore = inbox.writerStats().groups();

            List<String> completedOn = appendInOneRound(inbox, 1, 10);

            assertThat(completedOn).hasSize(10).containsOnly("olbot-inbox-writer");
            assertThat(inbox.writerStats().groups() - groupsBefore).isEqualTo(1);
            assertThat(pendingBodies(file)).hasSize(10).startsWith("event=X&n=1", "event=X&n=2");
            inbox.close();
        }

        @Test
        void nothingIsKeptBeforeTheLoopsRoundEnds(@TempDir Path dir) throws Exception {
            assertNothingIsKeptBeforeTheRoundEnds(open(dir.resolve("inbox.journal")));
        }

        @Test
        void roundsAndDeliveriesFromOtherThreadsCompleteInTheOrderTheyCame(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("inbox.journal");
            FileInbox inbox = open(file);
            List<Long> completedInOrder = new CopyOnWriteArrayList<>();
            CompletableFuture<Long> last = null;
            for (int round = 0; round < 50; round++) {
                int n = round * 3;
                inbox.append(delivery(n)).thenAccept(completedInOrder::add); // from this thread: the writer's
                CompletableFuture<Long> onLoop = new CompletableFuture<>();
                vertx.runOnContext(v -> {
                    inbox.append(delivery(n + 1)).thenAccept(completedInOrder::add);
                    inbox.append(delivery(n + 2)).thenAccept(id -> {
                        completedInOrder.add(id);
                        onLoop.complete(id);
                    });
                });
                onLoop.get(10, TimeUnit.SECONDS);
                last = onLoop;
            }

            assertThat(last.get()).isEqualTo(150L);
            assertThat(completedInOrder).hasSize(150).isSorted();
            assertThat(pendingBodies(file)).hasSize(150);
            inbox.close();
        }
    }
}
