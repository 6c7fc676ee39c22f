package dev.olbot.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.event.MessageAdded;
import dev.olbot.ingress.EventSink;
import dev.olbot.ingress.EventVerifier;
import dev.olbot.ingress.Ingress;
import dev.olbot.ingress.Outcome;
import dev.olbot.ingress.SpillingInbox;
import dev.olbot.testsupport.WireEvents;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two "instances" (each its own Vert.x, Redis client, stream inbox and ingress) on one real Redis:
 * what one accepts, whichever instance owns the dialog's partition handles — once, in order, never
 * two turns of a dialog at once — and a dead instance's partitions and pending events go to the other.
 */
@Timeout(60)
class RedisStreamInboxTest {

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    static final int PARTITIONS = 4;
    static final Duration LEASE = Duration.ofMillis(600);
    static final String FORM = "application/x-www-form-urlencoded";

    /** Every turn handled: instance, dialog, text; and a check that no dialog ever ran two turns at once. */
    final List<String[]> handled = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    final AtomicInteger overlaps = new AtomicInteger();
    final List<Node> nodes = new ArrayList<>();

    @BeforeEach
    void empty() throws Exception {
        try (Node probe = new Node("probe", e -> {}, false)) {
            probe.link.call(Command.FLUSHALL);
        }
    }

    @AfterEach
    void stop() {
        nodes.forEach(Node::close);
    }

    /** A sink that records the turn and sleeps a little inside it, so two turns of a dialog at once would overlap. */
    EventSink recording(String name) {
        return event -> {
            MessageAdded m = (MessageAdded) event;
            String dialog = m.dialog().dialogId();
            if (running.computeIfAbsent(dialog, d -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                Thread.sleep(3);
                handled.add(new String[] {name, dialog, m.message().text()});
            } finally {
                running.get(dialog).decrementAndGet();
            }
        };
    }

    Node start(String name, EventSink sink) {
        Node n = new Node(name, sink, true);
        nodes.add(n);
        return n;
    }

    static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 20 s: " + what);
            }
            Thread.sleep(10);
        }
    }

    List<String> textsOf(String dialog) {
        return handled.stream().filter(h -> h[1].equals(dialog)).map(h -> h[2]).toList();
    }

    @Nested
    class TwoInstances {

        @Test
        void eventsOfDialogsDeliveredAlternatelyToBothAreHandledOnceEachInArrivalOrderNeverAtOnce() throws Exception {
            Node a = start("a", recording("a"));
            Node b = start("b", recording("b"));
            until(() -> a.inbox.ownedPartitions().size() == PARTITIONS / 2 && b.inbox.ownedPartitions().size() == PARTITIONS / 2,
                    "the partitions are shared 2 + 2");
            assertThat(new HashSet<>(a.inbox.ownedPartitions())).doesNotContainAnyElementsOf(b.inbox.ownedPartitions());

            int dialogs = 6;
            int perDialog = 15;
            for (int i = 0; i < perDialog; i++) {
                for (int d = 1; d <= dialogs; d++) {
                    Node to = (i + d) % 2 == 0 ? a : b;
                    assertThat(to.deliver(d, i)).isInstanceOf(Outcome.Accepted.class);
                }
            }
            until(() -> handled.size() == dialogs * perDialog, "every event handled");

            for (int d = 1; d <= dialogs; d++) {
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < perDialog; i++) {
                    expected.add("m" + i);
                }
                assertThat(textsOf("chat" + d)).as("dialog chat%d", d).containsExactlyElementsOf(expected);
            }
            assertThat(overlaps).hasValue(0);
            Set<String> handlers = new HashSet<>();
            handled.forEach(h -> handlers.add(h[0]));
            assertThat(handlers).as("both instances handled some dialogs").containsExactlyInAnyOrder("a", "b");
        }

        @Test
        void theSameDeliveryReachingBothInstancesIsAcceptedOnceAndHandledOnce() throws Exception {
            Node a = start("a", recording("a"));
            Node b = start("b", recording("b"));

            assertThat(a.deliver(1, 7)).isInstanceOf(Outcome.Accepted.class);
            assertThat(b.deliver(1, 7)).isInstanceOf(Outcome.Duplicate.class);
            until(() -> handled.size() == 1, "the event handled");
            Thread.sleep(LEASE.toMillis());

            assertThat(handled).hasSize(1);
        }

        @Test
        void aJoiningInstanceGetsItsShareAndOneThatStopsCleanlyHandsItsPartitionsOverAtOnce() throws Exception {
            Node a = start("a", recording("a"));
            until(() -> a.inbox.ownedPartitions().size() == PARTITIONS, "the only instance owns every partition");
            Node b = start("b", recording("b"));
            until(() -> a.inbox.ownedPartitions().size() == 2 && b.inbox.ownedPartitions().size() == 2, "2 + 2");

            b.close();
            until(() -> a.inbox.ownedPartitions().size() == PARTITIONS, "the one left owns every partition again");
            assertThat(a.deliver(3, 1)).isInstanceOf(Outcome.Accepted.class);
            until(() -> handled.size() == 1, "handled by the one left");
        }
    }

    @Nested
    class ADeadInstance {

        @Test
        void itsPartitionsAndTheEventsItTookButNeverHandledGoToTheOtherOnceAndInOrder() throws Exception {
            CountDownLatch never = new CountDownLatch(1);
            AtomicInteger taken = new AtomicInteger();
            Node a = start("a", event -> {
                taken.incrementAndGet();
                never.await(); // stuck in its first turn when it dies: nothing of the dialog is handled there
            });
            until(() -> a.inbox.ownedPartitions().size() == PARTITIONS, "a owns every partition");
            for (int i = 0; i < 5; i++) {
                assertThat(a.deliver(9, i)).isInstanceOf(Outcome.Accepted.class);
            }
            until(() -> taken.get() == 1 && a.inbox.inFlight() == 5, "a took the five events");

            a.crash();
            Node b = start("b", recording("b"));
            until(() -> b.inbox.ownedPartitions().size() == PARTITIONS, "b took every partition once a's leases ran out");
            assertThat(b.deliver(9, 5)).isInstanceOf(Outcome.Accepted.class);
            until(() -> handled.size() == 6, "b handled a's five events and its own");

            assertThat(textsOf("chat9")).containsExactly("m0", "m1", "m2", "m3", "m4", "m5");
            assertThat(handled).allSatisfy(h -> assertThat(h[0]).isEqualTo("b"));
            never.countDown();
        }
    }

    @Nested
    class Outage {

        /** A Redis of this test's own: it is stopped or paused. */
        final LocalRedis own = new LocalRedis();

        @BeforeEach
        void startOwnRedis() throws Exception {
            own.start();
        }

        @AfterEach
        void stopOwnRedis() throws Exception {
            own.resume();
            own.stop();
        }

        /** An instance on the own Redis that keeps what Redis cannot take in {@code spillDir}, once it owns every partition. */
        Node spillingOwnerOfEverything(java.nio.file.Path spillDir) throws InterruptedException {
            Node n = new Node("a", recording("a"), true, own.url(), spillDir);
            until(() -> n.inbox.ownedPartitions().size() == PARTITIONS, "a owns every partition");
            return n;
        }

        @Test
        void withoutASpillADeliveryIsRefusedWith503WhenRedisDoesNotAnswerSoNothingAcceptedIsLost() throws Exception {
            Node a = new Node("a", recording("a"), true, own.url());
            nodes.add(a);
            own.stop();

            Outcome o = a.deliver(1, 1);

            assertThat(o).isInstanceOf(Outcome.Rejected.class);
            assertThat(o.status()).isEqualTo(503);
            assertThat(((Outcome.Rejected) o).reason()).startsWith("cannot ");
        }

        @Test
        void withASpillDeliveriesAcceptedWhileRedisHangsAreKeptLocallyAndHandledOnceInOrderWhenItAnswers(
                @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
            Node a = spillingOwnerOfEverything(dir);
            nodes.add(a);
            assertThat(a.deliver(5, 0)).isInstanceOf(Outcome.Accepted.class);
            until(() -> textsOf("chat5").size() == 1, "the first message handled");

            own.pause();
            Outcome during1 = a.deliver(5, 1);
            Outcome during2 = a.deliver(5, 2);
            own.resume();
            Outcome after = a.deliver(5, 3);

            assertThat(List.of(during1, during2, after)).allSatisfy(o -> assertThat(o).isInstanceOf(Outcome.Accepted.class));
            until(() -> textsOf("chat5").size() >= 4, "everything handled");
            Thread.sleep(1500); // a second copy (the append that timed out ran when Redis answered) would come now
            assertThat(textsOf("chat5")).containsExactly("m0", "m1", "m2", "m3");
            assertThat(java.nio.file.Files.size(dir.resolve("spill.journal"))).as("the spill journal exists").isPositive();
        }

        @Test
        void aDeliveryKeptLocallyWhenTheProcessStoppedIsHandedInAfterTheNextStart(
                @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
            Node first = spillingOwnerOfEverything(dir);
            own.pause();
            assertThat(first.deliver(6, 0)).isInstanceOf(Outcome.Accepted.class);
            first.crash(); // nothing of the spill was moved: Redis did not answer
            first.link.close();
            first.vertx.close();
            own.resume();

            Node again = new Node("a", recording("a"), true, own.url(), dir);
            nodes.add(again);

            until(() -> textsOf("chat6").size() == 1, "the kept delivery handled");
            assertThat(textsOf("chat6")).containsExactly("m0");
        }
    }

    @Test
    void anInstanceConfiguredForAnotherNumberOfPartitionsRefusesToStartNamingTheKey() {
        start("a", recording("a"));
        Node other = nodes.get(0);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RedisStreamInbox.open(other.vertx, other.link, "b",
                        new RedisStreamInbox.Options(PARTITIONS * 2, LEASE, 1000, 100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the inbox in Redis has 4 partitions (t:inbox:partitions), this instance is configured for 8"
                        + " (OLBOT_INBOX_PARTITIONS): every instance must use the same number");
    }

    @Test
    void aDialogsEventsAlwaysGoToOnePartition() {
        String lane = WireEvents.MEMBER_ID + "/chat42";
        assertThat(RedisStreamInbox.partitionOf(lane, 16)).isEqualTo(RedisStreamInbox.partitionOf(lane, 16)).isBetween(0, 15);
    }

    /** One instance: its own Vert.x and Redis client, a stream inbox and an ingress with a sink. */
    static final class Node implements AutoCloseable {
        final String name;
        final Vertx vertx = Vertx.vertx();
        final RedisLink link;
        final RedisStreamInbox inbox;
        final Ingress ingress;
        private boolean closed;

        Node(String name, EventSink sink, boolean startInbox) {
            this(name, sink, startInbox, REDIS.url());
        }

        Node(String name, EventSink sink, boolean startInbox, String url) {
            this(name, sink, startInbox, url, null);
        }

        /** With {@code spillDir}: deliveries Redis cannot take are kept in a journal there ({@link SpillingInbox}). */
        Node(String name, EventSink sink, boolean startInbox, String url, java.nio.file.Path spillDir) {
            this.name = name;
            this.link = RedisLink.create(vertx, url, "t:", Duration.ofSeconds(5));
            this.inbox = RedisStreamInbox.open(vertx, link, name, new RedisStreamInbox.Options(PARTITIONS, LEASE, 1000, 100));
            RedisDedupeStore dedupe = RedisDedupeStore.create(link, Duration.ofHours(1), name);
            dev.olbot.ingress.Inbox accepting = spillDir == null ? inbox : new SpillingInbox(inbox,
                    dev.olbot.ingress.FileInbox.open(spillDir.resolve("spill.journal"), Duration.ofHours(1)), dedupe::takenHere,
                    Duration.ofSeconds(1));
            this.ingress = Ingress.create(b -> b.verifier(EventVerifier.acceptAll()).inbox(accepting).dedupe(dedupe).sink(sink));
            this.closing = accepting;
            if (startInbox) {
                ingress.resume();
            }
        }

        private final dev.olbot.ingress.Inbox closing;

        /** Delivers client message {@code m<i>} of dialog {@code chat<dialog>} and waits for the answer. */
        Outcome deliver(long dialog, int i) throws Exception {
            String body = WireEvents.openLineMessageBody(dialog, dialog * 1000 + i, "m" + i);
            return ingress.receiveAsync(FORM, body, Map.of()).get(10, TimeUnit.SECONDS);
        }

        /** As if the process died: nothing more is handled, acknowledged or released. */
        void crash() {
            inbox.crash();
            ingress.close();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                ingress.drain(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ingress.close();
            closing.close();
            link.close();
            vertx.close();
        }
    }
}
