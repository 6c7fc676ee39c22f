package dev.olbot.ingress;

import static dev.olbot.testsupport.WireEvents.APP_TOKEN;
import dev.olbot.testsupport.WireEvents;
import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.event.BotEvent;
import dev.olbot.event.MessageAdded;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IngressServerTest {

    private Vertx vertx;
    private IngressServer server;
    private Ingress ingress;
    private final List<BotEvent> handled = new CopyOnWriteArrayList<>();
    private volatile EventSinkStep step = e -> {};
    /** No authorisation server here: installs count as confirmed unless a test says otherwise. */
    private volatile InstallConfirmer confirmer = install -> {};
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    interface EventSinkStep {
        void run(BotEvent e) throws Exception;
    }

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        InstallRegistry installs = InstallRegistry.inMemory();
        ingress = Ingress.create(b -> b
                .verifier(ApplicationTokenVerifier.of(installs, List.of("952734")))
                .installGate(InstallGate.of(installs, install -> confirmer.confirm(install)))
                .sink(e -> {
                    step.run(e);
                    handled.add(e);
                }));
        server = IngressServer.start(vertx, ingress, IngressServer.Options.defaults().withHost("127.0.0.1").withPort(0)
                        .withBodyLimit(64 * 1024))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ingress.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post("/bitrix/events", "application/x-www-form-urlencoded", body);
    }

    private HttpResponse<String> post(String pathAndQuery, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void install() throws Exception {
        assertThat(post(WireEvents.install(APP_TOKEN)).statusCode()).isEqualTo(200);
        assertThat(ingress.awaitIdle(10_000)).as("install confirmed").isTrue();
    }

    private void awaitHandled(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (handled.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(handled).hasSizeGreaterThanOrEqualTo(count);
    }

    @Nested
    class Verification {

        @Test
        void acceptsEventsSignedWithTheTokenLearnedFromTheInstall() throws Exception {
            install();
            HttpResponse<String> response = post(WireEvents.openLineMessageBody(6, 34, "hello"));

            assertThat(response.statusCode()).isEqualTo(200);
            awaitHandled(2);
            assertThat(handled.get(1)).isInstanceOf(MessageAdded.class);
        }

        @Test
        void rejectsAForgedTokenWith401AndAOneLineReasonAndRunsNoHandler() throws Exception {
            install();
            String forged = dev.olbot.wire.PhpForm.encode(WireEvents.openLineMessage(6, 35, "hi", "forged0000000000000000000000000"));

            HttpResponse<String> response = post(forged);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("forged0000")
                    .contains("application_token does not match");
            assertThat(ingress.drain(5_000)).isTrue();
            assertThat(handled).hasSize(1).first().isNotInstanceOf(MessageAdded.class);
        }

        @Test
        void rejectsEventsOfAPortalThatNeverInstalledTheApp() throws Exception {
            HttpResponse<String> response = post(WireEvents.openLineMessageBody(6, 36, "hi"));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("no confirmed ONAPPINSTALL");
            assertThat(handled).isEmpty();
        }

        @Test
        void forgetsThePortalOnUninstallSoLaterEventsAreRejected() throws Exception {
            install();
            assertThat(post(WireEvents.uninstall(APP_TOKEN)).statusCode()).isEqualTo(200);

            assertThat(post(WireEvents.openLineMessageBody(6, 37, "still there?")).statusCode()).isEqualTo(401);
        }

        @Test
        void anUnconfirmedSecondInstallNeverRebindsAnInstalledPortal() throws Exception {
            install();
            confirmer = install -> {
                throw new dev.olbot.rest.InstallNotConfirmedException(install.meta().portal().key(), "unknown access token");
            };

            assertThat(post(WireEvents.install("ffffffffffffffffffffffffffffffff")).statusCode()).isEqualTo(200);
            assertThat(ingress.awaitIdle(10_000)).isTrue();

            assertThat(post(WireEvents.openLineMessageBody(6, 38, "hi")).statusCode()).isEqualTo(200);
            assertThat(post(WireEvents.openLineMessageBody(6, 39, "hi", "ffffffffffffffffffffffffffffffff")).statusCode()).isEqualTo(401);
        }

        @Test
        void aConfirmedReinstallRebindsThePortalToItsNewToken() throws Exception {
            install();

            assertThat(post(WireEvents.install("ffffffffffffffffffffffffffffffff")).statusCode()).isEqualTo(200);
            assertThat(ingress.awaitIdle(10_000)).isTrue();

            assertThat(post(WireEvents.openLineMessageBody(6, 39, "hi", "ffffffffffffffffffffffffffffffff")).statusCode()).isEqualTo(200);
            assertThat(post(WireEvents.openLineMessageBody(6, 38, "hi")).statusCode()).isEqualTo(401);
        }

        @Test
        void acceptsEventsOfAWebhookRegisteredBotByTheClientIdInItsHandlerUrl() throws Exception {
            HttpResponse<String> response = post("/bitrix/events?CLIENT_ID=952734", "application/x-www-form-urlencoded",
                    WireEvents.webhookBotMessageBody(6, 40, "sdfdsf", "952734"));

            assertThat(response.statusCode()).isEqualTo(200);
            awaitHandled(1);
            MessageAdded event = (MessageAdded) handled.get(0);
            assertThat(event.meta().auth().hasTokens()).isFalse();
            assertThat(event.bot().auth().hasTokens()).isFalse();
        }

        @Test
        void acceptsAWebhookBotEventByItsShortApplicationTokenWhenTheUrlHasNoClientId() throws Exception {
            assertThat(post(WireEvents.webhookBotMessageBody(6, 41, "hi", "952734")).statusCode()).isEqualTo(200);
        }

        @Test
        void rejectsAWebhookBotEventWithAnotherClientId() throws Exception {
            HttpResponse<String> response = post("/bitrix/events?CLIENT_ID=111111", "application/x-www-form-urlencoded",
                    WireEvents.webhookBotMessageBody(6, 42, "hi", "111111"));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(handled).isEmpty();
        }
    }

    @Nested
    class BadInput {

        @Test
        void answersAMalformedBodyWith400AndAReasonAndKeepsServing() throws Exception {
            install();

            HttpResponse<String> broken = post("event=ONIMBOTMESSAGEADD&data%ZZ=1");
            HttpResponse<String> notAnEvent = post("hello=world");
            HttpResponse<String> badJson = post("/bitrix/events", "application/json", "{\"event\":");

            assertThat(broken.statusCode()).isEqualTo(400);
            assertThat(broken.body()).contains("malformed");
            assertThat(notAnEvent.statusCode()).isEqualTo(400);
            assertThat(notAnEvent.body()).contains("event");
            assertThat(badJson.statusCode()).isEqualTo(400);
            assertThat(post(WireEvents.openLineMessageBody(6, 50, "still serving")).statusCode()).isEqualTo(200);
        }

        @Test
        void answersAnOversizedBodyWith413AndKeepsServing() throws Exception {
            install();
            String huge = WireEvents.openLineMessageBody(6, 51, "x".repeat(100 * 1024));

            HttpResponse<String> response = post(huge);

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).isEqualTo("body too large");
            assertThat(post(WireEvents.openLineMessageBody(6, 52, "small")).statusCode()).isEqualTo(200);
        }

        @Test
        void answersAnUnsupportedContentTypeWith415() throws Exception {
            HttpResponse<String> response = post("/bitrix/events", "text/xml", "<event/>");

            assertThat(response.statusCode()).isEqualTo(415);
        }

        @Test
        void answersAnEmptyBodyWith400() throws Exception {
            assertThat(post("").statusCode()).isEqualTo(400);
        }
    }

    @Nested
    class Delivery {

        @Test
        void handlesTheSameEventDeliveredTwiceOnlyOnce() throws Exception {
            install();
            String body = WireEvents.openLineMessageBody(6, 60, "twice");

            assertThat(post(body).statusCode()).isEqualTo(200);
            assertThat(post(body).statusCode()).isEqualTo(200);
            assertThat(ingress.drain(5_000)).isTrue();

            assertThat(handled).filteredOn(MessageAdded.class::isInstance).hasSize(1);
            assertThat(ingress.stats().duplicates()).isEqualTo(1);
        }

        @Test
        void answers200BeforeTheHandlerRuns() throws Exception {
            install();
            awaitHandled(1);
            CountDownLatch release = new CountDownLatch(1);
            step = e -> release.await(20, TimeUnit.SECONDS);

            HttpResponse<String> response = post(WireEvents.openLineMessageBody(6, 61, "slow handler"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(handled).hasSize(1);
            release.countDown();
            awaitHandled(2);
        }

        @Test
        void handlesOneDialogInArrivalOrderNeverConcurrentlyWhileOtherDialogsInterleave() throws Exception {
            install();
            awaitHandled(1);
            Map<Long, AtomicInteger> inFlight = new ConcurrentHashMap<>();
            List<String> violations = new CopyOnWriteArrayList<>();
            List<Long> handledChats = Collections.synchronizedList(new ArrayList<>());
            step = e -> {
                if (e instanceof MessageAdded m) {
                    long chat = m.dialog().chatId().orElseThrow();
                    if (inFlight.computeIfAbsent(chat, c -> new AtomicInteger()).incrementAndGet() > 1) {
                        violations.add("concurrent handling in chat " + chat);
                    }
                    Thread.sleep(1);
                    handledChats.add(chat);
                    inFlight.get(chat).decrementAndGet();
                }
            };
            int perDialog = 60;
            ExecutorService senders = Executors.newFixedThreadPool(3);
            List<Future<?>> sent = new ArrayList<>();
            for (long chat = 101; chat <= 103; chat++) {
                long c = chat;
                sent.add(senders.submit(() -> {
                    for (int i = 1; i <= perDialog; i++) {
                        assertThat(post(WireEvents.openLineMessageBody(c, c * 1000 + i, "m" + i)).statusCode()).isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
            senders.shutdown();
            assertThat(ingress.drain(30_000)).isTrue();

            assertThat(violations).isEmpty();
            for (long chat = 101; chat <= 103; chat++) {
                long c = chat;
                List<Long> ids = handled.stream().filter(MessageAdded.class::isInstance).map(MessageAdded.class::cast)
                        .filter(m -> m.dialog().chatId().orElseThrow() == c).map(m -> m.message().id()).toList();
                assertThat(ids).hasSize(perDialog).isSorted();
            }
            assertThat(switches(handledChats)).as("dialogs interleave").isGreaterThan(3);
        }

        private int switches(List<Long> chats) {
            int n = 0;
            for (int i = 1; i < chats.size(); i++) {
                if (!chats.get(i).equals(chats.get(i - 1))) {
                    n++;
                }
            }
            return n;
        }
    }

    @Test
    void reportsHealthWithCounters() throws Exception {
        install();
        post("nonsense=1");

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"accepted\":1").contains("\"rejected\":1");
    }

    @Nested
    class BusyAndStopping {

        @Test
        void fortySlowDialogsDoNotStallAnotherDialog() throws Exception {
            install();
            CountDownLatch release = new CountDownLatch(1);
            step = e -> {
                if (e instanceof MessageAdded m && m.message().text().equals("slow")) {
                    release.await(30, TimeUnit.SECONDS);
                }
            };
            try {
                for (int chat = 100; chat < 140; chat++) {
                    assertThat(post(WireEvents.openLineMessageBody(chat, chat, "slow")).statusCode()).isEqualTo(200);
                }
                assertThat(post(WireEvents.openLineMessageBody(7, 7, "fast")).statusCode()).isEqualTo(200);

                java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
                while (handled.stream().noneMatch(e -> e instanceof MessageAdded m && m.message().text().equals("fast"))
                        && java.time.Instant.now().isBefore(deadline)) {
                    Thread.sleep(20);
                }
                assertThat(handled).anyMatch(e -> e instanceof MessageAdded m && m.message().text().equals("fast"));
            } finally {
                release.countDown();
            }
        }

        @Test
        void readinessGoesDownFirstWhileDeliveriesAreStillAccepted() throws Exception {
            install();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health/ready")).GET().build();
            assertThat(http.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            ingress.markNotReady();

            assertThat(http.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
            assertThat(post(WireEvents.openLineMessageBody(6, 90, "still welcome")).statusCode()).isEqualTo(200);
            HttpRequest live = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health/live")).GET().build();
            assertThat(http.send(live, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class EventLoops {

        @Test
        void spreadsConnectionsOverSeveralEventLoopsOnOnePortAndHandlesWhatEachAccepts() throws Exception {
            install();
            java.util.Set<String> loops = java.util.concurrent.ConcurrentHashMap.newKeySet();
            IngressServer wide = IngressServer.start(vertx, ingress, IngressServer.Options.defaults().withHost("127.0.0.1").withPort(0)
                            .withEventLoops(2), router -> router.get("/loop").handler(ctx -> ctx.end(Thread.currentThread().getName())))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            try {
                for (int i = 0; i < 8; i++) {
                    HttpClient fresh = HttpClient.newHttpClient(); // a new connection each time
                    loops.add(fresh.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wide.port() + "/loop")).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).body());
                    HttpResponse<String> accepted = fresh.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wide.port()
                                    + "/bitrix/events")).header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(WireEvents.openLineMessageBody(300 + i, 7000 + i, "hello " + i))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(accepted.statusCode()).isEqualTo(200);
                }
                awaitHandled(8);
                assertThat(loops).hasSize(2).allMatch(name -> name.startsWith("vert.x-eventloop-thread-"));
            } finally {
                wide.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }

        @Test
        void refusesAServerWithoutAnEventLoop() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> IngressServer.Options.defaults().withEventLoops(0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("eventLoops must be 1..256, was 0");
        }
    }
}
