package dev.olbot.examples.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.olbot.examples.ExampleBots;
import dev.olbot.testkit.ChatMessage;
import dev.olbot.testkit.FakePortal;
import dev.olbot.testkit.OpenLineChat;
import dev.olbot.testkit.scenario.BotTestKit;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The web chat widget bridged into the triage bot's line, end to end over HTTP: the visitor writes in the widget,
 * the fake account opens the open-line chat, the bot answers, an operator takes over, and every reply reaches the
 * widget and is confirmed as delivered and read.
 */
class WebChatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    BotTestKit kit;
    Vertx vertx;
    WebChatServer server;
    WebChatBridge bridge;

    @BeforeEach
    void widgetConnectedToTheSupportLine() throws Exception {
        kit = BotTestKit.start(ExampleBots.TRIAGE.embedded(null));
        vertx = Vertx.vertx();
        FakePortal portal = kit.fake().portal();
        bridge = new WebChatBridge(kit.fake().inProcess(), portal.memberId(), WebChatBridge.Settings.of("webchat",
                kit.line("Support").id()), new WebChat(), kit.clock());
        server = WebChatServer.start(vertx, bridge, portal::applicationToken, "127.0.0.1", 0)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        bridge.connect(url("/bitrix/events")).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        kit.close();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    HttpResponse<String> visitorWrites(String text) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/conversations/conv-1/messages")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"visitorId\":\"v-1\",\"name\":\"Anna\",\"text\":\"" + text + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        kit.settle();
        return r;
    }

    JsonNode widget() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/conversations/conv-1"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        kit.settle();
        return JSON.readTree(r.body());
    }

    List<String> linesShown() throws Exception {
        List<String> out = new java.util.ArrayList<>();
        widget().path("messages").forEach(m -> out.add(m.path("from").asText() + ": " + m.path("text").asText()));
        return out;
    }

    OpenLineChat chat() {
        return kit.fake().portal().chats().stream().filter(c -> c.connector().equals("webchat")).findFirst().orElseThrow();
    }

    @Nested
    class Conversation {
        @Test
        void theVisitorsMessageOpensTheChatAndTheBotsAnswerReachesTheWidget() throws Exception {
            assertThat(visitorWrites("добрый день").statusCode()).isEqualTo(202);

            assertThat(chat().entityId()).isEqualTo("webchat|" + kit.line("Support").id() + "|conv-1|" + chat().clientUserId());
            assertThat(linesShown()).first().isEqualTo("visitor: добрый день");
            assertThat(linesShown()).anySatisfy(l -> assertThat(l).startsWith("line: Здравствуйте, Anna!"));
        }

        @Test
        void theOperatorTakesOverAndTheWidgetShowsTheReply() throws Exception {
            visitorWrites("добрый день");
            visitorWrites("0");
            kit.operator().accepts(chat());
            kit.operator().says(chat(), "Анна, добрый день! Чем помочь?");
            kit.settle();

            assertThat(linesShown()).last().isEqualTo("line: Анна, добрый день! Чем помочь?");
            assertThat(chat().owner()).isEqualTo(OpenLineChat.Owner.OPERATOR);
        }

        @Test
        void everyReplyIsConfirmedDeliveredAndReadOnceTheWidgetShowedIt() throws Exception {
            visitorWrites("добрый день");
            widget();
            List<ChatMessage> replies = chat().messages().stream().filter(m -> m.role().equals("bot")).toList();

            assertThat(replies).isNotEmpty().allSatisfy(m ->
                    assertThat(kit.fake().portal().connectors().statusOf(m.id())).containsExactly("delivered", "read"));
        }

        @Test
        void finishingTheDialogClosesTheWidgetConversation() throws Exception {
            visitorWrites("добрый день");
            kit.operator().finishes(chat());
            kit.settle();

            assertThat(widget().path("closed").asBoolean()).isTrue();
        }
    }

    @Nested
    class BadInput {
        @Test
        void aVisitorMessageWithoutTextGetsAOneLineReason() throws Exception {
            HttpResponse<String> r = visitorWrites("");

            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).isEqualTo("text: 1-20000 characters required\n");
        }

        @Test
        void aVisitorMessageOverAMebibyteIsRefusedBeforeItIsKept() throws Exception {
            // sent without a length, so the cap must count the bytes as they arrive
            byte[] big = ("{\"visitorId\":\"v1\",\"text\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/conversations/c1/messages")))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).isEqualTo("body over 1048576 bytes\n");
        }

        @Test
        void anEventWithAForeignApplicationTokenIsRefused() throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/bitrix/events")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("event=ONIMCONNECTORMESSAGEADD&data[CONNECTOR]=webchat"
                            + "&auth[domain]=x.bitrix24.com&auth[application_token]=forged")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).isEqualTo("wrong application_token\n");
        }
    }
}
