package dev.olbot.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Promise;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class RestClientWebhookTest extends Loopback {

    private RestClient client(FakePortal fake, WebhookCredentials credentials) {
        return client(o -> o.webhook(credentials).rateLimit(new RateLimit(100, 100)));
    }

    private JsonNode lastParams(FakePortal fake, String method) {
        return fake.requests().stream().filter(r -> r.method().equals(method)).reduce((a, b) -> b).orElseThrow().params();
    }

    @Nested
    class Credentials {

        @Test
        void callsTheWebhookUrlWithUppercaseKeysAsGivenAndNoAuth() throws Exception {
            FakePortal fake = fake(r -> FakePortal.ok(true));
            RestClient client = client(fake, new WebhookCredentials(fake.restUrl() + "1/s3cr3t"));

            await(client.call("p", "imopenlines.bot.session.transfer", Map.of("CHAT_ID", 112, "USER_ID", 12, "LEAVE", "N")));

            FakePortal.Request r = fake.requests().get(0);
            assertThat(r.rawUri()).isEqualTo("/rest/1/s3cr3t/imopenlines.bot.session.transfer");
            assertThat(r.params().fieldNames()).toIterable().contains("CHAT_ID", "USER_ID", "LEAVE").doesNotContain("auth");
        }

        @Test
        void addsClientIdToV1BotAndSessionCallsOnly() throws Exception {
            FakePortal fake = fake(r -> FakePortal.ok(true));
            RestClient client = client(fake, new WebhookCredentials(fake.restUrl() + "1/s/").withClientId("cid-42"));

            await(client.call("p", "imbot.message.add", Map.of("DIALOG_ID", "chat1", "MESSAGE", "hi")));
            await(client.call("p", "imopenlines.bot.session.finish", Map.of("CHAT_ID", 7)));
            await(client.call("p", "crm.lead.get", Map.of("ID", 1)));
            await(client.call("p", "imbot.chat.sendTyping", Map.of("DIALOG_ID", "chat1", "client_id", "explicit")));

            assertThat(lastParams(fake, "imbot.message.add").path("CLIENT_ID").asText()).isEqualTo("cid-42");
            assertThat(lastParams(fake, "imopenlines.bot.session.finish").path("CLIENT_ID").asText()).isEqualTo("cid-42");
            assertThat(lastParams(fake, "crm.lead.get").has("CLIENT_ID")).isFalse();
            assertThat(lastParams(fake, "imbot.chat.sendTyping").has("CLIENT_ID")).isFalse();
            assertThat(lastParams(fake, "imbot.chat.sendTyping").path("client_id").asText()).isEqualTo("explicit");
        }

        @Test
        void addsBotTokenToV2CallsAndUsesItAsClientIdOfSessionCalls() throws Exception {
            FakePortal fake = fake(r -> FakePortal.ok(true));
            RestClient client = client(fake, new WebhookCredentials(fake.restUrl() + "1/s/").withBotToken("bt-1"));

            await(client.call("p", "imbot.v2.Chat.Message.send", Map.of("botId", 5)));
            await(client.call("p", "imopenlines.bot.session.transfer", Map.of("CHAT_ID", 7, "QUEUE_ID", 2)));

            assertThat(lastParams(fake, "imbot.v2.Chat.Message.send").path("botToken").asText()).isEqualTo("bt-1");
            assertThat(lastParams(fake, "imbot.v2.Chat.Message.send").has("CLIENT_ID")).isFalse();
            assertThat(lastParams(fake, "imopenlines.bot.session.transfer").path("CLIENT_ID").asText()).isEqualTo("bt-1");
        }

        @Test
        void neverPrintsTheWebhookSecret() {
            assertThat(new WebhookCredentials("https://portal.example/rest/1/abcdef123/").toString())
                    .contains("/rest/1/***/").doesNotContain("abcdef123");
        }
    }

    @Nested
    class ExplicitBatch {

        @Test
        void attributesEachErrorToItsCommandWhenTheErrorsComeAsAMap() throws Exception {
            FakePortal fake = fake(r -> r.method().equals("batch") ? null
                    : r.params().path("MESSAGE").asText().isEmpty() && r.method().equals("imbot.message.add")
                    ? FakePortal.error(400, "MESSAGE_EMPTY", "Message can't be empty")
                    : FakePortal.ok(r.method()));
            RestClient client = client(fake, new WebhookCredentials(fake.restUrl() + "1/s/").withClientId("cid"));
            Map<String, Call> cmds = new LinkedHashMap<>();
            cmds.put("good", Call.of("imbot.message.add", Map.of("DIALOG_ID", "chat1", "MESSAGE", "hi", "KEYBOARD", List.of(Map.of("TEXT", "1")))));
            cmds.put("bad", Call.of("imbot.message.add", Map.of("DIALOG_ID", "chat1")));
            cmds.put("read", Call.of("user.get", Map.of("ID", 1)));

            BatchResult result = await(client.batch("p", cmds, false));

            assertThat(result.results()).containsOnlyKeys("good", "read");
            assertThat(result.error("bad").orElseThrow()).satisfies(e -> {
                assertThat(e.is("message_empty")).isTrue();
                assertThat(e.method()).isEqualTo("imbot.message.add");
            });
            FakePortal.Request good = fake.requests().stream().filter(r -> r.inBatch() && r.params().has("KEYBOARD")).findFirst().orElseThrow();
            assertThat(good.params().path("KEYBOARD").path("0").path("TEXT").asText()).isEqualTo("1");
            assertThat(good.params().path("CLIENT_ID").asText()).isEqualTo("cid");
        }

        @Test
        void attributesErrorsPositionallyWhenTheyComeAsAList() throws Exception {
            FakePortal fake = fake(r -> r.method().equals("batch") ? new FakePortal.Reply(200, """
                    {"result": {"result": {"1": true}, "result_error": [{"error": "CHAT_ID_EMPTY", "error_description": "Chat ID can't be empty"}],
                     "result_total": [], "result_next": [], "result_time": []}, "time": {}}""") : null);
            RestClient client = client(fake, new WebhookCredentials(fake.restUrl() + "1/s/"));
            Map<String, Call> cmds = new LinkedHashMap<>();
            cmds.put("0", Call.of("imopenlines.bot.session.operator", Map.of()));
            cmds.put("1", Call.of("imopenlines.bot.session.finish", Map.of("CHAT_ID", 3)));

            BatchResult result = await(client.batch("p", cmds, false));

            assertThat(result.error("0").orElseThrow().error()).isEqualTo("CHAT_ID_EMPTY");
            assertThat(result.result("1").orElseThrow().result().asBoolean()).isTrue();
        }

        @Test
        void splitsMoreThanFiftyCommandsIntoChunks() throws Exception {
            FakePortal fake = fake(r -> r.method().equals("batch") ? null : FakePortal.ok(r.params().path("N").asInt()));
            RestClient client = client(fake, new WebhookCredentials(fake.restUrl() + "1/s/"));
            Map<String, Call> cmds = new LinkedHashMap<>();
            for (int i = 0; i < 120; i++) {
                cmds.put("k" + i, Call.of("user.get", Map.of("N", i)));
            }

            BatchResult result = await(client.batch("p", cmds, true));

            assertThat(fake.count("batch")).isEqualTo(3);
            assertThat(result.results()).hasSize(120);
            assertThat(result.result("k119").orElseThrow().result().asInt()).isEqualTo(119);
        }
    }

    @Nested
    class Blocking {

        @Test
        void callBlockingWorksOffTheEventLoop() throws Exception {
            FakePortal fake = fake(r -> FakePortal.ok(3));
            RestClient client = client(fake, new WebhookCredentials(fake.restUrl() + "1/s/"));

            assertThat(client.callBlocking("p", "crm.lead.get", Map.of()).result().asInt()).isEqualTo(3);
            assertThat(client.callAsync("p", "crm.lead.get", Map.of()).toCompletableFuture().get(30, TimeUnit.SECONDS).result().asInt()).isEqualTo(3);
        }

        @Test
        void callBlockingThrowsThePlatformError() throws Exception {
            FakePortal fake = fake(r -> FakePortal.error(200, "ACCESS_DENIED", "denied"));
            RestClient client = client(fake, new WebhookCredentials(fake.restUrl() + "1/s/"));

            assertThatThrownBy(() -> client.callBlocking("p", "crm.lead.get", Map.of()))
                    .isInstanceOfSatisfying(RestException.class, e -> assertThat(e.httpStatus()).isEqualTo(200));
        }

        @Test
        void callBlockingRefusesOnAnEventLoopThread() throws Exception {
            RestClient client = client(o -> o.webhook(new WebhookCredentials("https://portal.example/rest/1/s/")));
            CompletableFuture<Throwable> seen = new CompletableFuture<>();
            vertx.runOnContext(v -> {
                try {
                    client.callBlocking("p", "crm.lead.get", Map.of());
                    seen.complete(null);
                } catch (Throwable t) {
                    seen.complete(t);
                }
            });

            assertThat(seen.get(30, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class).hasMessageContaining("event-loop");
        }
    }
}
