package dev.olbot.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exact delivery semantics of the REST client under platform faults (issue 10). */
@Timeout(120)
class RestDeliveryTest extends Loopback {

    private RestClient client(FakePortal fake, RateLimit limit, Duration backoff) {
        return client(o -> o.webhook(new WebhookCredentials(fake.restUrl() + "1/secret/"))
                .requestTimeout(Duration.ofSeconds(5)).retries(3, backoff).rateLimit(limit));
    }

    private static CallOptions dueIn(Duration d) {
        return CallOptions.NONE.withDeadline(Instant.now().plus(d));
    }

    @Nested
    class Deadlines {

        @Test
        void aCallRefusedByTheRateLimitIsNotRetriedPastItsDeadline() throws Exception {
            FakePortal fake = fake(r -> FakePortal.error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"));
            RestClient client = client(fake, new RateLimit(100, 100), Duration.ofSeconds(20));

            Throwable e = failure(client.call("p", "imbot.message.add", Map.of("MESSAGE", "hi"), dueIn(Duration.ofSeconds(2))));

            assertThat(e).isInstanceOf(DeadlineExceededException.class).hasMessageContaining("was not executed");
            assertThat(fake.count("imbot.message.add")).isEqualTo(1);
        }

        @Test
        void aHeldMethodFailsAtOnceWhenItsHoldOutlastsTheDeadline() throws Exception {
            FakePortal fake = fake(r -> FakePortal.error(429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit"));
            RestClient client = client(fake, new RateLimit(100, 100), Duration.ofMillis(10));

            Throwable e = failure(client.call("p", "imbot.message.add", Map.of("MESSAGE", "hi"), dueIn(Duration.ofSeconds(30))));

            assertThat(e).isInstanceOf(DeadlineExceededException.class).hasMessageContaining("OPERATION_TIME_LIMIT");
            assertThat(fake.count("imbot.message.add")).isEqualTo(1);
        }

        @Test
        void aHoldEndsAtTheResetTimeTheErrorNames() throws Exception {
            AtomicInteger n = new AtomicInteger();
            long resetAt = Instant.now().getEpochSecond() + 1;
            FakePortal fake = fake(r -> n.incrementAndGet() == 1
                    ? new FakePortal.Reply(429, FakePortal.json(Map.of("error", "OPERATION_TIME_LIMIT",
                            "error_description", "Method is blocked due to operation time limit", "operating_reset_at", resetAt)))
                    : FakePortal.ok(5));
            RestClient client = client(fake, new RateLimit(100, 100), Duration.ofMillis(10));

            RestResponse r = await(client.call("p", "imbot.message.add", Map.of("MESSAGE", "hi"), dueIn(Duration.ofSeconds(30))));

            assertThat(r.result().asInt()).isEqualTo(5);
        }

        @Test
        void aCallStillQueuedAtItsDeadlineIsDroppedUnsent() throws Exception {
            FakePortal fake = fake(r -> FakePortal.ok(true));
            RestClient client = client(fake, new RateLimit(0.05, 1), Duration.ofMillis(10));
            await(client.call("p", "imbot.chat.sendTyping", Map.of("DIALOG_ID", "chat1")));

            Throwable e = failure(client.call("p", "imbot.message.add", Map.of("MESSAGE", "late"), dueIn(Duration.ofMillis(300))));

            assertThat(e).isInstanceOf(DeadlineExceededException.class).hasMessageContaining("was not sent");
            assertThat(fake.count("imbot.message.add")).isZero();
        }
    }

    @Nested
    class BatchFaults {

        @Test
        void writesInACoalescedBatchAnswered500AreUnknownAndItsReadsAreRetried() throws Exception {
            AtomicInteger batches = new AtomicInteger();
            FakePortal fake = fake(r -> {
                if (r.method().equals("batch")) {
                    return batches.incrementAndGet() == 1 ? FakePortal.error(500, "INTERNAL_SERVER_ERROR", "Internal server error") : null;
                }
                return FakePortal.ok(r.method().equals("imbot.bot.list") ? List.of() : 7);
            });
            RestClient client = client(fake, new RateLimit(1, 1), Duration.ofMillis(10));
            await(client.call("p", "imbot.chat.sendTyping", Map.of("DIALOG_ID", "chat9"))); // spends the burst

            var a = client.call("p", "imbot.message.add", Map.of("DIALOG_ID", "chat1", "MESSAGE", "a"));
            var b = client.call("p", "imbot.message.add", Map.of("DIALOG_ID", "chat2", "MESSAGE", "b"));
            var read = client.call("p", "imbot.bot.list", Map.of());

            assertThat(failure(a)).isInstanceOf(CallOutcomeUnknownException.class).hasMessageContaining("INTERNAL_SERVER_ERROR");
            assertThat(failure(b)).isInstanceOf(CallOutcomeUnknownException.class);
            assertThat(await(read).result().isArray()).isTrue();
            assertThat(batches).hasValueGreaterThanOrEqualTo(1);
        }

        @Test
        void aSingleWriteAnswered500IsUnknownNotRefused() throws Exception {
            FakePortal fake = fake(r -> FakePortal.error(500, "INTERNAL_SERVER_ERROR", "Internal server error"));
            RestClient client = client(fake, new RateLimit(100, 100), Duration.ofMillis(10));

            Throwable e = failure(client.call("p", "imbot.message.add", Map.of("MESSAGE", "hi")));

            assertThat(e).isInstanceOf(CallOutcomeUnknownException.class);
            assertThat(fake.count("imbot.message.add")).isEqualTo(1);
        }

        @Test
        void aBatchRefusedByTheRateLimitIsRetriedAsAWhole() throws Exception {
            AtomicInteger batches = new AtomicInteger();
            FakePortal fake = fake(r -> {
                if (r.method().equals("batch")) {
                    return batches.incrementAndGet() == 1 ? FakePortal.error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests") : null;
                }
                return FakePortal.ok(3);
            });
            RestClient client = client(fake, new RateLimit(1, 1), Duration.ofMillis(10));
            await(client.call("p", "imbot.chat.sendTyping", Map.of("DIALOG_ID", "chat9")));

            var a = client.call("p", "imbot.message.add", Map.of("DIALOG_ID", "chat1", "MESSAGE", "a"));
            var b = client.call("p", "imbot.message.add", Map.of("DIALOG_ID", "chat2", "MESSAGE", "b"));

            assertThat(await(a).result().asInt()).isEqualTo(3);
            assertThat(await(b).result().asInt()).isEqualTo(3);
        }
    }

    @Nested
    class BatchResults {

        @Test
        void everyKeyHasAnOutcomeWhenALaterChunkFails() throws Exception {
            AtomicInteger batches = new AtomicInteger();
            FakePortal fake = fake(r -> {
                if (r.method().equals("batch")) {
                    return batches.incrementAndGet() == 2 ? FakePortal.error(500, "INTERNAL_SERVER_ERROR", "Internal server error") : null;
                }
                return FakePortal.ok(1);
            });
            RestClient client = client(fake, new RateLimit(100, 100), Duration.ofMillis(10));
            Map<String, Call> commands = new LinkedHashMap<>();
            for (int i = 0; i < 60; i++) {
                commands.put("m" + i, Call.of("imbot.message.add", Map.of("DIALOG_ID", "chat" + i, "MESSAGE", "x")));
            }

            BatchResult result = await(client.batch("p", commands, false));

            assertThat(result.results()).hasSize(50);
            assertThat(result.errors()).hasSize(10).allSatisfy((key, e) -> {
                assertThat(e).isInstanceOf(CallOutcomeUnknownException.class);
                assertThat(e.method()).isEqualTo("imbot.message.add");
            });
        }
    }
}
