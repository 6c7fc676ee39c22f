package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LimitsAndFaultsTest extends FakeAccountTest {

    @Nested
    class LeakyBucket {
        @Test
        void answers503AfterFiftyQuickCallsAndRecoversAsTheClockAdvances() {
            String token = install();
            portal().enforceRateLimit(RatePlan.STANDARD);
            for (int i = 0; i < 50; i++) {
                assertThat(Http.oauth(fake, token, "imbot.bot.list", Map.of()).status()).as("call %d", i + 1).isEqualTo(200);
            }
            Http.Reply refused = Http.oauth(fake, token, "imbot.bot.list", Map.of());
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.error()).isEqualTo("QUERY_LIMIT_EXCEEDED");
            assertThat(refused.body().get("error_description").asText()).isEqualTo("Too many requests");

            fake.clock().advance(Duration.ofSeconds(1));
            assertThat(Http.oauth(fake, token, "imbot.bot.list", Map.of()).status()).isEqualTo(200);
            assertThat(Http.oauth(fake, token, "imbot.bot.list", Map.of()).status()).isEqualTo(200);
            assertThat(Http.oauth(fake, token, "imbot.bot.list", Map.of()).status()).isEqualTo(503);

            fake.clock().advance(Duration.ofSeconds(25));
            for (int i = 0; i < 50; i++) {
                assertThat(Http.oauth(fake, token, "imbot.bot.list", Map.of()).status()).isEqualTo(200);
            }
        }

        @Test
        void enterpriseAllowsABurstOf250() {
            install();
            portal().enforceRateLimit(RatePlan.ENTERPRISE);
            CallAuth auth = CallAuth.oauth(portal().appAccessToken);
            for (int i = 0; i < 250; i++) {
                assertThat(fake.handle("imbot.bot.list", Map.of(), auth).join().getKey()).isEqualTo(200);
            }
            assertThat(fake.handle("imbot.bot.list", Map.of(), auth).join().getKey()).isEqualTo(503);
            fake.clock().advance(Duration.ofSeconds(1));
            for (int i = 0; i < 5; i++) {
                assertThat(fake.handle("imbot.bot.list", Map.of(), auth).join().getKey()).isEqualTo(200);
            }
            assertThat(fake.handle("imbot.bot.list", Map.of(), auth).join().getKey()).isEqualTo(503);
        }

        @Test
        void aBatchCountsAsOneRequest() {
            install();
            portal().enforceRateLimit(RatePlan.STANDARD);
            CallAuth auth = CallAuth.oauth(portal().appAccessToken);
            Map<String, Object> cmd = new java.util.LinkedHashMap<>();
            for (int i = 0; i < 50; i++) {
                cmd.put("c" + i, "imbot.bot.list");
            }
            for (int i = 0; i < 50; i++) {
                assertThat(fake.handle("batch", Map.of("cmd", cmd), auth).join().getKey()).isEqualTo(200);
            }
            assertThat(fake.handle("batch", Map.of("cmd", cmd), auth).join().getKey()).isEqualTo(503);
        }
    }

    @Nested
    class OperatingLimit {
        @Test
        void blocksOneMethodWith429UntilOperatingResetAt() {
            String token = install();
            portal().blockMethod("imbot.bot.list", Duration.ofMinutes(10));
            Http.Reply r = Http.oauth(fake, token, "imbot.bot.list", Map.of());
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.error()).isEqualTo("OPERATION_TIME_LIMIT");
            assertThat(r.body().get("operating_reset_at").asLong()).isEqualTo(fake.clock().epochSecond() + 600);
            assertThat(Http.oauth(fake, token, "imopenlines.config.list.get", Map.of()).status()).isEqualTo(200);
            fake.clock().advance(Duration.ofMinutes(10));
            assertThat(Http.oauth(fake, token, "imbot.bot.list", Map.of()).status()).isEqualTo(200);
        }
    }

    @Nested
    class InjectedFaults {
        @Test
        void a500HitsOnlyTheNextMatchingCallAndDoesNotExecute() {
            String token = install();
            fake.faults().next("imbot.register").respondWith500();
            Map<String, Object> register = map("CODE", "b", "TYPE", "O", "EVENT_HANDLER", bot.url("/e"), "PROPERTIES", map("NAME", "B"));
            Http.Reply r = Http.oauth(fake, token, "imbot.register", register);
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.error()).isEqualTo("INTERNAL_SERVER_ERROR");
            assertThat(portal().botIds()).isEmpty();
            assertThat(Http.oauth(fake, token, "imbot.register", register).status()).isEqualTo(200);
        }

        @Test
        void aDroppedConnectionGivesNoResponseAndNoEffect() {
            String token = install();
            fake.faults().next("imbot.register").dropConnection();
            assertThatThrownBy(() -> Http.oauth(fake, token, "imbot.register",
                    map("CODE", "b", "TYPE", "O", "EVENT_HANDLER", bot.url("/e"), "PROPERTIES", map("NAME", "B"))))
                    .isInstanceOf(java.io.UncheckedIOException.class);
            assertThat(portal().botIds()).isEmpty();
        }

        @Test
        void aDelayedResponseArrivesWhenTheVirtualClockPassesTheDelay() {
            install();
            fake.faults().next("imbot.bot.list").delay(Duration.ofSeconds(30));
            CompletableFuture<Map.Entry<Integer, Map<String, Object>>> f =
                    fake.handle("imbot.bot.list", Map.of(), CallAuth.oauth(portal().appAccessToken));
            assertThat(f).isNotDone();
            fake.clock().advance(Duration.ofSeconds(29));
            assertThat(f).isNotDone();
            fake.clock().advance(Duration.ofSeconds(1));
            assertThat(f).isCompleted();
            assertThat(f.join().getKey()).isEqualTo(200);
        }

        @Test
        void aDelayedResponseOverHttpIsWrittenAfterTheAdvance() throws Exception {
            String token = install();
            fake.faults().next("imbot.bot.list").delay(Duration.ofSeconds(30));
            CompletableFuture<Http.Reply> reply = CompletableFuture.supplyAsync(() -> Http.oauth(fake, token, "imbot.bot.list", Map.of()));
            assertThat(fake.takeCall().method()).isEqualTo("imbot.bot.list");
            fake.clock().advance(Duration.ofSeconds(30));
            assertThat(reply.get(10, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(200);
        }

        @Test
        void aTimeoutAfterExecutingKeepsTheEffectButNeverAnswers() {
            install();
            fake.faults().next("imbot.register").timeoutAfterExecuting();
            CompletableFuture<Map.Entry<Integer, Map<String, Object>>> f = fake.handle("imbot.register",
                    map("CODE", "b", "TYPE", "O", "EVENT_HANDLER", bot.url("/e"), "PROPERTIES", map("NAME", "B")),
                    CallAuth.oauth(portal().appAccessToken));
            fake.clock().advance(Duration.ofHours(1));
            assertThat(f).isNotDone();
            assertThat(portal().botId("b")).isPresent();
            assertThat(fake.takeCall().status()).isZero();
        }
    }
}
