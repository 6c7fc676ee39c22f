package dev.olbot.ingress;

import static dev.olbot.testsupport.WireEvents.APP_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.event.MessageEvent;
import dev.olbot.testsupport.WireEvents;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP ingress with the journal: what a 200 promises, and what is refused before one. */
class DurableIngressTest {

    @TempDir
    Path dir;
    private Vertx vertx;
    private FileInbox journal;
    private Ingress ingress;
    private IngressServer server;
    private final Map<String, List<Long>> handledByDialog = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        journal = FileInbox.open(dir.resolve("inbox.journal"), Duration.ofHours(1));
        InstallRegistry installs = InstallRegistry.inMemory();
        ingress = Ingress.create(b -> b.verifier(ApplicationTokenVerifier.forApp(installs))
                .installGate(InstallGate.of(installs, install -> {}))
                .inbox(journal)
                .sink(e -> {
                    if (e instanceof MessageEvent m) {
                        handledByDialog.computeIfAbsent(m.dialog().dialogId(), k -> new CopyOnWriteArrayList<>()).add(m.message().id());
                    }
                }));
        server = IngressServer.start(vertx, ingress, IngressServer.Options.defaults().withHost("127.0.0.1").withPort(0))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(post(WireEvents.install(APP_TOKEN)).get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(ingress.awaitIdle(10_000)).isTrue();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ingress.close();
        journal.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private CompletableFuture<HttpResponse<String>> post(String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/bitrix/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** What a start would find in the journal now (it is read while the writer runs, as after a kill). */
    private JournalContents onDisk() throws Exception {
        return JournalContents.read(journal.file(), 0);
    }

    @Test
    void answers200OnlyOnceTheEventIsInTheJournal() throws Exception {
        HttpResponse<String> answer = post(WireEvents.openLineMessageBody(6, 501, "Где мой заказ?")).get(10, TimeUnit.SECONDS);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(onDisk().keys().keySet()).anyMatch(k -> k.endsWith("/501"));
    }

    @Test
    void aBodyWhoseTailIsMalformedIsRefusedWith400AndNothingOfItIsKept() throws Exception {
        String body = WireEvents.openLineMessageBody(6, 502, "hello") + "&data%5BPARAMS%5D%5BLAST%5D=%ZZ";

        HttpResponse<String> answer = post(body).get(10, TimeUnit.SECONDS);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("malformed form body: malformed percent-encoding near '%ZZ'");
        assertThat(onDisk().keys().keySet()).noneMatch(k -> k.endsWith("/502"));
        assertThat(ingress.stats().accepted()).isEqualTo(1); // the install only
    }

    @Test
    void manyDialogsAtOnceAreEachAnsweredAfterTheirSyncAndHandledOnceInTheirOrder() throws Exception {
        int dialogs = 20;
        int messages = 15;
        List<CompletableFuture<Void>> chains = new ArrayList<>();
        for (int d = 0; d < dialogs; d++) {
            long chat = 100 + d;
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (int m = 1; m <= messages; m++) {
                long id = chat * 1000 + m;
                chain = chain.thenCompose(v -> post(WireEvents.openLineMessageBody(chat, id, "m" + id)).thenAccept(r -> {
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("answered " + r.statusCode() + ": " + r.body());
                    }
                }));
            }
            chains.add(chain);
        }
        CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertThat(ingress.awaitIdle(20_000)).isTrue();

        assertThat(handledByDialog).hasSize(dialogs);
        handledByDialog.forEach((dialog, ids) -> assertThat(ids).as(dialog).hasSize(messages).isSorted().doesNotHaveDuplicates());
        assertThat(journal.writerStats().groups()).isPositive();
    }
}
