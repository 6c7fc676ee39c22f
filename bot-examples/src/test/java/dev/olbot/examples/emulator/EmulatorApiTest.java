package dev.olbot.examples.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.examples.triage.TriageBotProvider;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The emulator's HTTP API without a browser: its assets, its model, and one-line 4xx answers to bad input. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmulatorApiTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;
    private Emulator emulator;
    private EmulatorServer server;

    @BeforeAll
    void start() throws Exception {
        vertx = Vertx.vertx();
        TriageBotProvider triage = new TriageBotProvider();
        emulator = Emulator.start(triage.create(Optional.empty()), triage);
        server = EmulatorServer.start(vertx, emulator, "127.0.0.1", 0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        emulator.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    class ThePage {

        @Test
        void comesFromTheJarWithItsScriptAndStyle() throws Exception {
            assertThat(get("/").body()).contains("<script src=\"/emulator.js\">").contains("id=\"timeline\"");
            assertThat(get("/emulator.js").headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
            assertThat(get("/emulator.css").statusCode()).isEqualTo(200);
        }

        @Test
        void theModelListsTheDialogAndTheInstallInTheTimeline() throws Exception {
            String state = get("/api/state").body();
            assertThat(state).contains("\"bot\":\"triage\"").contains("\"name\":\"Client 1\"")
                    .contains("\"name\":\"ONAPPINSTALL\"").contains("\"name\":\"imbot.register\"");
        }
    }

    @Nested
    class BadInput {

        @Test
        void aBodyThatIsNotJsonIs400() throws Exception {
            HttpResponse<String> r = post("/api/say", "{not json");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).isEqualTo("{\"error\":\"the body is not JSON\"}");
        }

        @Test
        void anUnknownActionIs400() throws Exception {
            HttpResponse<String> r = post("/api/dance", "{}");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("unknown action 'dance'");
        }

        @Test
        void aDialogThatDoesNotExistIs400() throws Exception {
            HttpResponse<String> r = post("/api/say", "{\"dialog\":7,\"text\":\"hi\"}");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("no dialog 7");
        }

        @Test
        void aDialogOrButtonThatIsNoNumberIs400() throws Exception {
            // before: "abc" was read as dialog 0, and the message went to the first client's dialog
            HttpResponse<String> r = post("/api/say", "{\"dialog\":\"abc\",\"text\":\"hi\"}");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("dialog: a whole number, not \\\"abc\\\"");
            assertThat(post("/api/press", "{\"dialog\":0,\"button\":1.5}").body()).contains("button: a whole number, not 1.5");
        }

        @Test
        void anEmptyMessageIs400() throws Exception {
            assertThat(post("/api/say", "{\"dialog\":0,\"text\":\"  \"}").body()).contains("text: write something");
        }

        @Test
        void acceptingBeforeTheClientWroteIs400() throws Exception {
            HttpResponse<String> r = post("/api/accept", "{\"dialog\":0}");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("Client 1 has not written yet");
        }

        @Test
        void aWaitThatIsNoDurationIs400() throws Exception {
            assertThat(post("/api/wait", "{\"text\":\"soon\"}").statusCode()).isEqualTo(400);
            assertThat(post("/api/jump", "{\"text\":\"25:99\"}").body()).contains("jump: give a time of day as HH:MM");
        }

        @Test
        void aBodyOverAMebibyteIs413() throws Exception {
            // before: Vert.x's request.body() held whatever arrived, however large, before a field was checked
            HttpResponse<String> r = post("/api/say", "{\"dialog\":0,\"text\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}");

            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("body over 1048576 bytes");
        }

        @Test
        void anUnknownPathIs404() throws Exception {
            assertThat(get("/secret").statusCode()).isEqualTo(404);
        }
    }
}
