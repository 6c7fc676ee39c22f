package dev.olbot.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class RestClientRetryTest extends Loopback {

    private RestClient webhookClient(FakePortal fake) {
        return client(o -> o.webhook(new WebhookCredentials(fake.restUrl() + "1/secret/"))
                .requestTimeout(Duration.ofMillis(300)).retries(3, Duration.ofMillis(10)).rateLimit(new RateLimit(100, 100)));
    }

    /** Executes every call, then answers only the methods not listed as stalling. */
    private static FakePortal.Script executesThenStalls(AtomicInteger executions, String stallingMethod) {
        return r -> {
            if (r.method().equals(stallingMethod)) {
                executions.incrementAndGet();
                return FakePortal.Reply.STALL;
            }
            return FakePortal.ok(true);
        };
    }

    @Nested
    class TimedOutWrites {

        @Test
        void aTimedOutMessageAddIsNotSentTwice() throws Exception {
            AtomicInteger executions = new AtomicInteger();
            FakePortal fake = fake(executesThenStalls(executions, "imbot.message.add"));
            RestClient client = webhookClient(fake);

            Throwable e = failure(client.call("p", "imbot.message.add", Map.of("DIALOG_ID", "chat1", "MESSAGE", "hi")));

            assertThat(e).isInstanceOfSatisfying(CallOutcomeUnknownException.class, u -> {
                assertThat(u.error()).isEqualTo("OUTCOME_UNKNOWN");
                assertThat(u.method()).isEqualTo("imbot.message.add");
                assertThat(u.getMessage()).contains("may or may not have been executed").doesNotContain("secret");
            });
            assertThat(executions).hasValue(1);
        }

        @Test
        void aRetryWithTheSameIdempotencyKeyIsRefusedUntilTheKeyIsForgotten() throws Exception {
            AtomicInteger executions = new AtomicInteger();
            FakePortal fake = fake(executesThenStalls(executions, "imopenlines.crm.lead.create"));
            RestClient client = webhookClient(fake);
            CallOptions key = CallOptions.NONE.withIdempotencyKey("turn-17-lead");

            failure(client.call("p", "imopenlines.crm.lead.create", Map.of("CHAT_ID", 5), key));
            Throwable again = failure(client.call("p", "imopenlines.crm.lead.create", Map.of("CHAT_ID", 5), key));

            assertThat(again).isInstanceOf(CallOutcomeUnknownException.class).hasMessageContaining("turn-17-lead");
            assertThat(executions).hasValue(1);

            client.forgetIdempotencyKey("p", "turn-17-lead");
            failure(client.call("p", "imopenlines.crm.lead.create", Map.of("CHAT_ID", 5), key));
            assertThat(executions).hasValue(2);
        }

        @Test
        void aSecondCallWithTheKeyOfASuccessfulCallGetsItsResultWithoutSending() throws Exception {
            AtomicInteger n = new AtomicInteger();
            FakePortal fake = fake(r -> FakePortal.ok(n.incrementAndGet()));
            RestClient client = webhookClient(fake);
            CallOptions key = CallOptions.NONE.withIdempotencyKey("reply-1");

            RestResponse first = await(client.call("p", "imbot.message.add", Map.of("MESSAGE", "a"), key));
            RestResponse second = await(client.call("p", "imbot.message.add", Map.of("MESSAGE", "a"), key));

            assertThat(second.result().asInt()).isEqualTo(first.result().asInt()).isEqualTo(1);
            assertThat(fake.count("imbot.message.add")).isEqualTo(1);
        }

        @Test
        void aKeyWhoseCallFailedWithAPlatformErrorMayBeSentAgain() throws Exception {
            AtomicInteger n = new AtomicInteger();
            FakePortal fake = fake(r -> n.incrementAndGet() == 1 ? FakePortal.error(400, "MESSAGE_EMPTY", "empty") : FakePortal.ok(7));
            RestClient client = webhookClient(fake);
            CallOptions key = CallOptions.NONE.withIdempotencyKey("reply-2");

            assertThat(failure(client.call("p", "imbot.message.add", Map.of(), key))).isInstanceOf(RestException.class);
            assertThat(await(client.call("p", "imbot.message.add", Map.of(), key)).result().asInt()).isEqualTo(7);
        }
    }

    @Nested
    class SafeRetries {

        @Test
        void aTimedOutReadIsSentAgain() throws Exception {
            AtomicInteger n = new AtomicInteger();
            FakePortal fake = fake(r -> n.incrementAndGet() == 1 ? FakePortal.Reply.STALL : FakePortal.ok(Map.of("ID", "9")));
            RestClient client = webhookClient(fake);

            RestResponse r = await(client.call("p", "imopenlines.dialog.get", Map.of("CHAT_ID", 9)));

            assertThat(r.result().path("ID").asText()).isEqualTo("9");
            assertThat(fake.count("imopenlines.dialog.get")).isEqualTo(2);
        }

        @Test
        void aWriteThatNeverReachedThePortalFailsAsAConnectionErrorNotAsUnknown() throws Exception {
            // port 1: nothing listens there, and unlike a just-closed ephemeral port the outgoing
            // connection can never be given it (a loopback self-connect would look like a reply)
            String url = "http://127.0.0.1:1/rest/1/secret/";
            RestClient client = client(o -> o.webhook(new WebhookCredentials(url)).retries(2, Duration.ofMillis(5)));

            Throwable e = failure(client.call("p", "imbot.message.add", Map.of("MESSAGE", "x")));

            assertThat(e).as(String.valueOf(e)).isExactlyInstanceOf(RestException.class);
            assertThat(((RestException) e).error()).isEqualTo("CONNECTION_FAILED");
            assertThat(e.getMessage()).doesNotContain("secret");
        }

        @Test
        void aRejectedByLimitWriteIsRetriedBecauseItWasNotExecuted() throws Exception {
            AtomicInteger n = new AtomicInteger();
            FakePortal fake = fake(r -> n.incrementAndGet() <= 2 ? FakePortal.error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests") : FakePortal.ok(55));
            RestClient client = client(o -> o.webhook(new WebhookCredentials(fake.restUrl() + "1/secret/"))
                    .rateLimit(new RateLimit(50, 5)).retries(3, Duration.ofMillis(5)));

            assertThat(await(client.call("p", "imbot.message.add", Map.of())).result().asInt()).isEqualTo(55);
            assertThat(fake.count("imbot.message.add")).isEqualTo(3);
        }

        @Test
        void givesUpAfterTheConfiguredNumberOfLimitRejections() throws Exception {
            FakePortal fake = fake(r -> FakePortal.error(429, "TOO_MANY", "slow down"));
            RestClient client = client(o -> o.webhook(new WebhookCredentials(fake.restUrl() + "1/secret/"))
                    .rateLimit(new RateLimit(50, 5)).retries(3, Duration.ofMillis(5)).limitRetries(2));

            Throwable e = failure(client.call("p", "crm.lead.get", Map.of()));

            assertThat(((RestException) e).httpStatus()).isEqualTo(429);
            assertThat(fake.count("crm.lead.get")).isEqualTo(3);
        }
    }
}
