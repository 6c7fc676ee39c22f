package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The platform's refusals as fault kinds, faults after executing, and the seeded random mode (issue 10). */
class FaultKindsTest extends FakeAccountTest {

    private Map<String, Object> register(String code) {
        return map("CODE", code, "TYPE", "O", "EVENT_HANDLER", bot.url("/e"), "PROPERTIES", map("NAME", "B"));
    }

    @Nested
    class Refusals {
        @Test
        void queryLimitExceededIsA503AndDoesNotExecute() {
            String token = install();
            fake.faults().next("imbot.register").queryLimitExceeded();

            Http.Reply r = Http.oauth(fake, token, "imbot.register", register("b"));

            assertThat(r.status()).isEqualTo(503);
            assertThat(r.error()).isEqualTo("QUERY_LIMIT_EXCEEDED");
            assertThat(portal().botIds()).isEmpty();
            assertThat(fake.faults().injected()).singleElement().satisfies(i -> assertThat(i.executed()).isFalse());
        }

        @Test
        void operationTimeLimitIsA429NamingWhenTheHoldEnds() {
            String token = install();
            fake.faults().next("imbot.register").operationTimeLimit();

            Http.Reply r = Http.oauth(fake, token, "imbot.register", register("b"));

            assertThat(r.status()).isEqualTo(429);
            assertThat(r.error()).isEqualTo("OPERATION_TIME_LIMIT");
            assertThat(r.body().get("operating_reset_at").asLong()).isGreaterThan(fake.clock().epochSecond());
            assertThat(portal().botIds()).isEmpty();
        }
    }

    @Nested
    class AfterExecuting {
        @Test
        void aWriteThatRanAndThenGotA500IsVisibleAsExecuted() {
            String token = install();
            fake.faults().next("imbot.register").respondWith500AfterExecuting();

            Http.Reply r = Http.oauth(fake, token, "imbot.register", register("b"));

            assertThat(r.status()).isEqualTo(500);
            assertThat(portal().botId("b")).isPresent();
            RecordedCall call = fake.takeCall();
            assertThat(call.status()).isEqualTo(500);
            assertThat(fake.faults().injected()).singleElement().satisfies(i -> {
                assertThat(i.kind()).isEqualTo(Faults.Kind.INTERNAL_ERROR_AFTER_EXECUTING);
                assertThat(i.executed()).isTrue();
                assertThat(i.callSeq()).isEqualTo(call.seq());
            });
        }

        @Test
        void everyCommandOfABatchThatRanBeforeTheDropIsRecorded() {
            String token = install();
            fake.faults().next("batch").dropConnectionAfterExecuting();

            try {
                Http.oauth(fake, token, "batch", map("halt", 0, "cmd", map(
                        "a", "imbot.register?CODE=a&TYPE=O&EVENT_HANDLER=" + bot.url("/e") + "&PROPERTIES[NAME]=A",
                        "b", "imbot.register?CODE=b&TYPE=O&EVENT_HANDLER=" + bot.url("/e") + "&PROPERTIES[NAME]=B")));
            } catch (java.io.UncheckedIOException expected) {
                // the connection was closed without an answer
            }

            assertThat(portal().botId("a")).isPresent();
            assertThat(portal().botId("b")).isPresent();
            assertThat(fake.calls().all()).filteredOn(c -> !c.viaBatch().isEmpty()).extracting(RecordedCall::viaBatch)
                    .containsExactly("a", "b");
        }
    }

    @Nested
    class RandomFaults {
        private List<Integer> statuses(long seed) {
            fake.faults().random(seed, 0.3, Faults.Kind.INTERNAL_ERROR, Faults.Kind.QUERY_LIMIT_EXCEEDED);
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                out.add(fake.handle("imbot.bot.list", Map.of(), CallAuth.oauth(portal().appAccessToken)).join().getKey());
            }
            fake.faults().stopRandom();
            return out;
        }

        @Test
        void theSameSeedFaultsTheSameRequestsWithTheSameKinds() {
            install();
            List<Integer> first = statuses(7);
            List<Integer> second = statuses(7);

            assertThat(first).isEqualTo(second).contains(200, 500, 503);
            assertThat(first.stream().filter(s -> s != 200).count()).isBetween(4L, 24L);
        }

        @Test
        void stoppedRandomFaultsLeaveLaterRequestsAlone() {
            install();
            statuses(7);

            assertThat(fake.handle("imbot.bot.list", Map.of(), CallAuth.oauth(portal().appAccessToken)).join().getKey()).isEqualTo(200);
        }
    }
}
