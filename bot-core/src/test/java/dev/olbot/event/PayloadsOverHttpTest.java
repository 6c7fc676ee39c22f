package dev.olbot.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.ingress.EventVerifier;
import dev.olbot.ingress.Ingress;
import dev.olbot.ingress.IngressServer;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every saved payload, turned into the exact wire form (PHP http_build_query) and posted through
 * the HTTP route — and its JSON rendering posted as JSON — arrives at the handler as the record the
 * decoder makes of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PayloadsOverHttpTest {

    private final EventDecoder decoder = EventDecoder.create();
    private final List<BotEvent> handled = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;
    private Ingress ingress;
    private IngressServer server;

    @BeforeAll
    void start() throws Exception {
        vertx = Vertx.vertx();
        // the payloads come from different portals and docs pages: verification is IngressServerTest's subject
        ingress = Ingress.create(b -> b.verifier(EventVerifier.acceptAll()).dedupe(key -> true).sink(handled::add)
                .installGate(dev.olbot.ingress.InstallGate.of(dev.olbot.ingress.InstallRegistry.inMemory(), install -> {})));
        server = IngressServer.start(vertx, ingress, IngressServer.Options.defaults().withHost("127.0.0.1").withPort(0))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        ingress.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static java.util.stream.Stream<String> decodablePayloads() {
        return PayloadCorpusTest.decodablePayloads();
    }

    private BotEvent post(String contentType, String body) throws Exception {
        handled.clear();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/bitrix/events"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(ingress.awaitIdle(10_000)).isTrue();
        assertThat(handled).hasSize(1);
        return handled.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decodablePayloads")
    void arrivesThroughTheRouteAsTheDecoderReadsIt(String name) throws Exception {
        var payload = Payloads.event(name);
        String wire = Payloads.wireForm(payload);

        BotEvent viaForm = post("application/x-www-form-urlencoded", wire);
        BotEvent viaJson = post("application/json", Payloads.json(payload));

        BotEvent expected = decoder.decodeForm(wire);
        assertThat(viaForm).isInstanceOf(expected.getClass());
        assertThat(viaForm).usingRecursiveComparison().isEqualTo(expected);
        assertThat(viaJson).usingRecursiveComparison().ignoringFields("meta.raw").isEqualTo(expected);
    }
}
