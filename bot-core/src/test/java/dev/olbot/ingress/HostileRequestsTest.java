package dev.olbot.ingress;

import static dev.olbot.testsupport.WireEvents.APP_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.event.BotEvent;
import dev.olbot.testsupport.LogCapture;
import dev.olbot.testsupport.WireEvents;
import dev.olbot.wire.PhpForm;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What an attacker can send to the public handler URL, and what it gets: a quick 4xx, no hang, nothing written. */
@Timeout(60)
class HostileRequestsTest {

    private Vertx vertx;
    private Ingress ingress;
    private IngressServer server;
    private final List<BotEvent> handled = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        InstallRegistry installs = InstallRegistry.inMemory();
        ingress = Ingress.create(b -> b.verifier(ApplicationTokenVerifier.forApp(installs))
                .installGate(InstallGate.of(installs, install -> {})).sink(handled::add));
        server = IngressServer.start(vertx, ingress, IngressServer.Options.defaults().withHost("127.0.0.1").withPort(0)
                        .withBodyLimit(512 * 1024).withTimeouts(500, 500, 2_000))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ingress.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private HttpResponse<String> post(String pathAndQuery, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> health() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends raw bytes and returns what came back until the server closed or {@code waitMs} passed. */
    private String raw(String request, long waitMs) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout((int) waitMs);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readUntilClosed(s.getInputStream());
        }
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        StringBuilder got = new StringBuilder();
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                got.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
            got.append("<closed>");
        } catch (SocketTimeoutException stillOpen) {
            got.append("<open>");
        }
        return got.toString();
    }

    @Nested
    class FormBodies {

        @Test
        void aFloodOfEmptyBracketsIsRefusedAtOnceInsteadOfParsedForSeconds() throws Exception {
            String flood = "a[]=&".repeat(52_000); // 260 KB: on the old parser 12-18 s of event-loop time

            HttpResponse<String> response = post("/bitrix/events", flood);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("malformed form body: more than 5000 fields");
        }

        @Test
        void healthAnswersWhileFourFloodsAreBeingRefused() throws Exception {
            String flood = "a[]=&".repeat(52_000);
            List<CompletableFuture<HttpResponse<String>>> floods = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                floods.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/bitrix/events"))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(flood)).build(), HttpResponse.BodyHandlers.ofString()));
            }

            assertThat(health().statusCode()).isEqualTo(200);
            assertThat(floods).allSatisfy(f -> assertThat(f.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(400));
        }

        @Test
        void bracketsNestedDeeperThanAnEventEverIsAreRefused() throws Exception {
            HttpResponse<String> response = post("/bitrix/events", "a" + "[x]".repeat(60_000) + "=1");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).startsWith("malformed form body: a key longer than");
            assertThat(post("/bitrix/events", "a" + "[x]".repeat(40) + "=1").body()).contains("nested deeper than 32 levels");
        }

        @Test
        void deeplyNestedJsonIsRefused() throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/bitrix/events"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).startsWith("malformed JSON body").doesNotContain("\n");
        }
    }

    @Nested
    class RequestLine {

        @Test
        void aMalformedQueryStringGetsA400WithAReason() throws Exception {
            String reply = raw("POST /bitrix/events?%zz HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 5\r\nConnection: close\r\n\r\nevent", 5_000);

            assertThat(reply).startsWith("HTTP/1.1 400").contains("malformed query string");
        }

        @Test
        void aMalformedPathGetsA4xxNotAHang() throws Exception {
            String reply = raw("POST /bitrix/%zz/events HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 5_000);

            assertThat(reply).matches("(?s)HTTP/1.1 4\\d\\d.*<closed>");
        }
    }

    @Nested
    class SlowClients {

        @Test
        void aConnectionThatNeverFinishesItsHeadersIsClosed() throws Exception {
            String reply = raw("POST /bitrix/events HTTP/1.1\r\nHost: x\r\n", 5_000);

            assertThat(reply).isEqualTo("<closed>");
        }

        @Test
        void aBodyThatStopsHalfWayGets408AndTheConnectionIsClosed() throws Exception {
            String reply = raw("POST /bitrix/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 1000\r\n\r\nevent=ONIMBOT", 5_000);

            assertThat(reply).startsWith("HTTP/1.1 408").endsWith("<closed>");
        }

        @Test
        void anIdleKeepAliveConnectionIsClosed() throws Exception {
            String reply = raw("GET /health HTTP/1.1\r\nHost: x\r\n\r\n", 5_000);

            assertThat(reply).startsWith("HTTP/1.1 200").endsWith("<closed>");
        }
    }

    @Nested
    class Logs {

        @Test
        void aLineBreakInAuthDomainIsRefusedAndNeverWritesALineOfItsOwn() throws Exception {
            Map<String, Object> body = new LinkedHashMap<>(WireEvents.openLineMessage(6, 36, "hi", APP_TOKEN));
            Map<String, Object> auth = new LinkedHashMap<>(WireEvents.auth(APP_TOKEN));
            auth.put("domain", "evil.com\r\n12:00:00.000 ERROR d.o.Admin - forged line");
            body.put("auth", auth);
            try (LogCapture logs = LogCapture.of("dev.olbot.ingress")) {
                HttpResponse<String> response = post("/bitrix/events", PhpForm.encode(body));

                assertThat(response.statusCode()).isEqualTo(400);
                assertThat(response.body()).isEqualTo("auth[domain] is not valid: expected a host name such as some-domain.bitrix24.com");
                assertThat(logs.lines()).hasSize(1).noneMatch(l -> l.contains("forged line") && !l.contains("refused"));
            }
        }

        @Test
        void controlCharactersFromTheWireAreEscapedInTheLog() throws Exception {
            try (LogCapture logs = LogCapture.of("dev.olbot.ingress")) {
                post("/bitrix/events", "event=ONIMBOTMESSAGEADD%0D%0AERROR+forged&auth[application_token]=x");

                assertThat(logs.lines()).hasSize(1);
                assertThat(logs.lines().get(0)).doesNotContain("\r").doesNotContain("\n");
            }
        }

        @Test
        void anAbsurdTimestampCostsOneLogLineAndNoStackTrace() throws Exception {
            try (LogCapture logs = LogCapture.of("dev.olbot.ingress")) {
                HttpResponse<String> response = post("/bitrix/events",
                        "event=ONIMBOTMESSAGEADD&ts=99999999999999999&auth[application_token]=x&auth[member_id]=m1");

                assertThat(response.statusCode()).isIn(400, 401);
                assertThat(logs.events()).hasSize(1).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
            }
        }

        @Test
        void aFloodOfBadRequestsWritesAtMostTwentyLinesPerTenSeconds() throws Exception {
            // the ingress's loggers only: a test class before this one may leave a background thread logging
            try (LogCapture logs = LogCapture.of("dev.olbot.ingress")) {
                for (int i = 0; i < 200; i++) { // 130 bytes each: once a 54-line stack trace apiece
                    post("/bitrix/events", "event=ONIMBOTMESSAGEADD&ts=99999999999999999&auth[application_token]=x&auth[member_id]=m" + i);
                }

                assertThat(logs.lines()).hasSizeLessThanOrEqualTo(20);
            }
            assertThat(handled).isEmpty();
        }
    }
}
