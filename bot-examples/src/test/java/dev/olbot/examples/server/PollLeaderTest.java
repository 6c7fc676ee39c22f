package dev.olbot.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.event.MessageAdded;
import dev.olbot.event.Portal;
import dev.olbot.ingress.EventPoller;
import dev.olbot.ingress.EventVerifier;
import dev.olbot.ingress.Ingress;
import dev.olbot.redis.LocalRedis;
import dev.olbot.redis.RedisDedupeStore;
import dev.olbot.redis.RedisLink;
import dev.olbot.redis.RedisPollLease;
import dev.olbot.rest.RestCaller;
import dev.olbot.testkit.Client;
import dev.olbot.testkit.FakeBitrix24;
import dev.olbot.testkit.FakePortal;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Two instances of a Chatbots 2.0 fetch-mode bot on one Redis ({@code LocalRedis}) polling the fake
 * account's {@code imbot.v2.Event.get}: one leader polls; when it dies another takes over from the
 * shared offset, and every client message is handled exactly once.
 */
@Timeout(90)
class PollLeaderTest {

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private static final Duration LEASE = Duration.ofMillis(900);
    private static final EventPoller.Options FAST = new EventPoller.Options(4, Duration.ofMillis(20), Duration.ofMillis(50),
            Duration.ofMillis(100), false);

    private final Vertx vertx = Vertx.vertx();
    private final List<String> handled = new CopyOnWriteArrayList<>(); // "instance: text"
    private final List<Instance> instances = new ArrayList<>();
    private final CountDownLatch thaw = new CountDownLatch(1);
    private FakeBitrix24 fake;
    private Portal portal;
    private int botId;
    private int line;
    private String prefix;

    /** One instance: its own Redis client, dedupe store, ingress, lease and poller. */
    private final class Instance implements AutoCloseable {
        final String name;
        final RedisLink redis;
        final AtomicInteger polls = new AtomicInteger();
        final RedisPollLease lease;
        final Ingress ingress;
        final EventPoller poller;
        volatile boolean frozen;
        volatile long hangAfter = Long.MAX_VALUE; // client messages it handles before it hangs

        Instance(String name) {
            this.name = name;
            this.redis = RedisLink.create(vertx, REDIS.url(), prefix, Duration.ofSeconds(2));
            this.lease = new RedisPollLease(redis, portal.key(), botId, LEASE, Duration.ofHours(1));
            this.ingress = Ingress.create(b -> b.verifier(EventVerifier.acceptAll())
                    .dedupe(RedisDedupeStore.create(redis, Duration.ofHours(1), name)).sink(event -> {
                        if (event instanceof MessageAdded && handledBy(name) >= hangAfter) {
                            frozen = true;
                        }
                        if (frozen) { // a process that hangs and then dies: whatever it has not handled stays unhandled
                            thaw.await();
                            return;
                        }
                        if (event instanceof MessageAdded m) {
                            handled.add(name + ": " + m.message().text());
                        }
                    }));
            RestCaller counted = (p, method, params) -> {
                if (method.equals("imbot.v2.Event.get")) {
                    polls.incrementAndGet();
                }
                return fake.inProcess().call(p, method, params);
            };
            this.poller = new EventPoller(counted, portal, botId, ingress, FAST, lease).start();
        }

        /** Dies as kill -9 would: stops handling at once and never speaks to Redis again (the lease is not released). */
        void die() {
            frozen = true;
            redis.close();
            poller.close();
        }

        @Override
        public void close() {
            poller.close();
            ingress.close();
            redis.close();
        }
    }

    @BeforeEach
    void installFetchModeBot() {
        prefix = "olbot-poll-test:" + java.util.UUID.randomUUID() + ":";
        fake = FakeBitrix24.create();
        FakePortal p = fake.portal();
        fake.installApp("http://127.0.0.1:1/bitrix/events"); // nothing listens: the install's tokens are all that is needed
        portal = new Portal(p.domain(), p.memberId(), fake.clientEndpoint(), fake.serverEndpoint());
        botId = fake.inProcess().call(p.memberId(), "imbot.v2.Bot.register", Map.of("fields", Map.of("code", "poller",
                "type", "openline", "properties", Map.of("name", "Poller")))).toCompletionStage().toCompletableFuture()
                .join().result().get("bot").get("id").asInt();
        line = p.addLine("Support", l -> l.welcomeBot(botId, 0)).id();
    }

    @AfterEach
    void stop() throws Exception {
        thaw.countDown();
        instances.forEach(Instance::close);
        fake.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private Instance instance(String name) {
        Instance i = new Instance(name);
        instances.add(i);
        return i;
    }

    private List<String> clientsSay(int clients, int messages) {
        List<String> texts = new ArrayList<>();
        List<Client> cs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            cs.add(fake.portal().client(line, "Client " + c));
        }
        for (int m = 0; m < messages; m++) {
            for (int c = 0; c < clients; c++) {
                String text = "client " + c + " message " + m;
                cs.get(c).says(text);
                texts.add(text);
            }
        }
        return texts;
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    private List<String> textsHandled() {
        return handled.stream().map(h -> h.substring(h.indexOf(": ") + 2)).toList();
    }

    private long handledBy(String instance) {
        return handled.stream().filter(h -> h.startsWith(instance + ": ")).count();
    }

    private long handledMarks() {
        return instances.get(0).redis.call(Command.KEYS, prefix + "fetched:*").size();
    }

    @Nested
    class TwoInstancesOnOneRedis {

        @Test
        void onlyTheLeaderPollsAndEveryMessageIsHandledOnce() throws Exception {
            Instance a = instance("a");
            waitUntil(a.lease::held, "the first instance leads");
            Instance b = instance("b");

            List<String> texts = clientsSay(5, 4);
            waitUntil(() -> handled.size() >= texts.size(), "every message handled");
            Thread.sleep(300); // b asks for the lease several times meanwhile

            assertThat(textsHandled()).containsExactlyInAnyOrderElementsOf(texts);
            assertThat(handled).allMatch(h -> h.startsWith("a: "));
            assertThat(a.polls.get()).isPositive();
            assertThat(b.polls.get()).as("polls by the follower").isZero();
            assertThat(b.lease.held()).isFalse();
        }

        @Test
        void anotherInstanceTakesOverWhenTheLeaderDiesAndNothingIsLostOrHandledTwice() throws Exception {
            Instance a = instance("a");
            waitUntil(a.lease::held, "the first instance leads");
            Instance b = instance("b");
            a.hangAfter = 5; // it hangs in the middle of a batch: fetched, partly handled, offset not confirmed
            List<String> first = clientsSay(4, 2);
            waitUntil(() -> a.frozen, "the leader hangs");

            waitUntil(() -> handledMarks() >= handledBy("a"), "the handled marks of what it handled are in Redis");
            a.die();
            long handledByA = handledBy("a");
            int pollsByBBefore = b.polls.get();
            List<String> later = clientsSay(2, 2);
            waitUntil(() -> handled.size() >= first.size() + later.size(), "every message handled");
            Thread.sleep(300); // a second handling, if any, would come now

            List<String> all = new ArrayList<>(first);
            all.addAll(later);
            assertThat(textsHandled()).containsExactlyInAnyOrderElementsOf(all);
            assertThat(handledByA).isLessThan(first.size());
            assertThat(handled).filteredOn(h -> h.startsWith("b: ")).hasSize((int) (all.size() - handledByA));
            assertThat(pollsByBBefore).as("polls by the follower while the leader lived").isZero();
            assertThat(b.lease.held()).isTrue();
        }

        @Test
        void aLeaderThatStopsCleanlyHandsOverAtOnce() throws Exception {
            Instance a = instance("a");
            waitUntil(a.lease::held, "the first instance leads");
            Instance b = instance("b");
            List<String> texts = clientsSay(2, 2);
            waitUntil(() -> handled.size() >= texts.size(), "every message handled");

            a.close();
            waitUntil(b.lease::held, "the second instance leads");
            List<String> later = clientsSay(1, 2);
            waitUntil(() -> handled.size() >= texts.size() + later.size(), "the later messages handled");

            assertThat(handled).filteredOn(h -> h.startsWith("b: ")).extracting(h -> h.substring(3))
                    .containsExactlyInAnyOrderElementsOf(later);
        }
    }
}
