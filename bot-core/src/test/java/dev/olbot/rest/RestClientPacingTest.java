package dev.olbot.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class RestClientPacingTest extends Loopback {

    /** A portal that enforces a leaky bucket in real time, like Bitrix24: batch sub-commands do not count. */
    static final class LimitedPortal implements FakePortal.Script {
        final AtomicInteger rejected = new AtomicInteger();
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger executed = new AtomicInteger();
        final Map<String, List<Integer>> byKey = new HashMap<>();
        private final RateLimit limit;
        private double level;
        private long last = System.nanoTime();

        LimitedPortal(RateLimit limit) {
            this.limit = limit;
        }

        @Override
        public synchronized FakePortal.Reply answer(FakePortal.Request r) {
            if (!r.inBatch()) {
                long now = System.nanoTime();
                level = Math.max(0, level - (now - last) / 1e9 * limit.perSecond());
                last = now;
                if (level + 1 > limit.burst()) {
                    rejected.incrementAndGet();
                    return FakePortal.error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests");
                }
                level += 1;
                accepted.incrementAndGet();
                if (r.method().equals("batch")) {
                    return null; // let the fake run the commands
                }
            }
            executed.incrementAndGet();
            String key = r.params().path("DIALOG_ID").asText("");
            byKey.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(r.params().path("N").asInt());
            return FakePortal.ok(r.params().path("N").asInt());
        }
    }

    @Nested
    class RateLimitAtTheSharedPortal {

        @Test
        void threeThousandCallsAgainstTwoPerSecondSurfaceNoLimitErrors() throws Exception {
            LimitedPortal portal = new LimitedPortal(RateLimit.STANDARD);
            FakePortal fake = fake(portal);
            // the client's idea of the bucket is too generous (another app shares the portal): it must recover
            RestClient client = client(o -> o.webhook(new WebhookCredentials(fake.restUrl() + "1/secret/"))
                    .rateLimit(new RateLimit(2, 100)).retries(3, Duration.ofMillis(50)));

            List<Future<RestResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 3000; i++) { // enough full batches to overrun the portal's real burst of 50
                calls.add(client.call("p", "imbot.message.add", Map.of("DIALOG_ID", "chat" + (i % 7), "N", i)));
            }
            Future.join(calls).toCompletionStage().toCompletableFuture().get(90, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(calls).allSatisfy(f -> assertThat(f.succeeded()).as("%s", f.cause()).isTrue());
            assertThat(calls.stream().map(f -> f.result().result().asInt())).doesNotHaveDuplicates().hasSize(3000);
            assertThat(portal.executed).hasValue(3000);
            assertThat(portal.rejected.get()).as("the portal refused some requests").isPositive();
            assertThat(portal.accepted.get()).as("coalesced into batches").isLessThan(120);
        }

        @Test
        void keepsTheOrderOfEachDialogWhilePaced() throws Exception {
            LimitedPortal portal = new LimitedPortal(new RateLimit(2, 3));
            FakePortal fake = fake(portal);
            RestClient client = client(o -> o.webhook(new WebhookCredentials(fake.restUrl() + "1/secret/")).rateLimit(new RateLimit(2, 3)));

            List<Future<RestResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String dialog = "chat" + (i % 3);
                calls.add(client.call("p", "imbot.message.add", Map.of("DIALOG_ID", dialog, "N", i), CallOptions.ordered(dialog)));
            }
            await(Future.all(calls));

            assertThat(portal.byKey).hasSize(3);
            portal.byKey.values().forEach(ns -> assertThat(ns).hasSize(10).isSorted());
        }
    }

    @Nested
    class OperationTimeLimit {

        @Test
        void holdsOnlyThatMethodUntilOperatingResetAtWhileOthersProceed() throws Exception {
            VirtualClock clock = new VirtualClock();
            AtomicInteger listCalls = new AtomicInteger();
            long resetAt = clock.now().plusSeconds(120).getEpochSecond();
            FakePortal fake = fake(r -> {
                if (r.method().equals("crm.lead.list")) {
                    return switch (listCalls.incrementAndGet()) {
                        case 1 -> FakePortal.okWithTime(List.of(), Map.of("operating", 479.9, "operating_reset_at", resetAt));
                        case 2 -> FakePortal.error(429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit");
                        default -> FakePortal.ok(List.of(Map.of("ID", "1")));
                    };
                }
                return FakePortal.ok(true);
            });
            // no coalescing: a lone call would wait for company on a virtual clock that only the test moves
            RestClient client = client(o -> o.webhook(new WebhookCredentials(fake.restUrl() + "1/secret/"))
                    .rateLimit(new RateLimit(100, 100)).clock(clock).coalescing(false));
            await(client.call("p", "crm.lead.list", Map.of()));
            assertThat(client.operatingTime("p", "crm.lead.list")).contains(479.9);

            Future<RestResponse> held = client.call("p", "crm.lead.list", Map.of());
            until(() -> clock.pendingTimes().stream().anyMatch(t -> t >= Duration.ofSeconds(120).toNanos()));
            RestResponse other = await(client.call("p", "imbot.message.add", Map.of("DIALOG_ID", "chat1")));

            assertThat(other.result().asBoolean()).isTrue();
            assertThat(held.isComplete()).isFalse();
            assertThat(fake.count("crm.lead.list")).isEqualTo(2);

            clock.advance(Duration.ofSeconds(119));
            assertThat(held.isComplete()).isFalse();
            clock.advance(Duration.ofSeconds(1));

            assertThat(await(held).result().get(0).path("ID").asText()).isEqualTo("1");
            assertThat(fake.count("crm.lead.list")).isEqualTo(3);
        }
    }

    @Nested
    class Coalescing {

        @Test
        void waitingCallsLeaveAsOneBatchAndEachCallerGetsItsOwnOutcome() throws Exception {
            VirtualClock clock = new VirtualClock();
            FakePortal fake = fake(r -> r.method().equals("batch") ? null
                    : r.params().path("MESSAGE").asText().isEmpty() ? FakePortal.error(400, "MESSAGE_EMPTY", "Message can't be empty")
                    : FakePortal.ok(r.params().path("MESSAGE").asText()));
            RestClient client = client(o -> o.webhook(new WebhookCredentials(fake.restUrl() + "1/s/").withClientId("cid"))
                    .rateLimit(new RateLimit(2, 1)).clock(clock));
            await(client.call("p", "imbot.message.add", Map.of("MESSAGE", "first")));

            List<Future<RestResponse>> waiting = new ArrayList<>();
            for (String text : List.of("a", "b", "", "d", "e")) {
                waiting.add(client.call("p", "imbot.message.add", Map.of("DIALOG_ID", "chat1", "MESSAGE", text), CallOptions.ordered("chat1")));
            }
            assertThat(fake.count("batch")).isZero();
            clock.advance(Duration.ofMillis(500));
            Future.join(waiting).toCompletionStage().toCompletableFuture().handle((x, e) -> null).get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(fake.count("batch")).isEqualTo(1);
            assertThat(waiting.get(0).result().result().asText()).isEqualTo("a");
            assertThat(waiting.get(4).result().result().asText()).isEqualTo("e");
            assertThat(waiting.get(2).cause()).isInstanceOfSatisfying(RestException.class, e -> {
                assertThat(e.is("MESSAGE_EMPTY")).isTrue();
                assertThat(e.method()).isEqualTo("imbot.message.add");
            });
            assertThat(fake.requests()).filteredOn(FakePortal.Request::inBatch)
                    .extracting(r -> r.params().path("MESSAGE").asText()).containsExactly("a", "b", "", "d", "e");
            assertThat(fake.requests()).filteredOn(FakePortal.Request::inBatch)
                    .allSatisfy(r -> assertThat(r.params().path("CLIENT_ID").asText()).isEqualTo("cid"));
        }

        @Test
        void staysOffWhenDisabled() throws Exception {
            VirtualClock clock = new VirtualClock();
            FakePortal fake = fake(r -> FakePortal.ok(true));
            RestClient client = client(o -> o.webhook(new WebhookCredentials(fake.restUrl() + "1/s/"))
                    .rateLimit(new RateLimit(2, 1)).coalescing(false).clock(clock));
            await(client.call("p", "crm.lead.get", Map.of()));
            Future<RestResponse> a = client.call("p", "crm.lead.get", Map.of());
            Future<RestResponse> b = client.call("p", "crm.lead.get", Map.of());

            clock.advance(Duration.ofMillis(500));
            await(a);
            assertThat(b.isComplete()).isFalse();
            clock.advance(Duration.ofMillis(500));
            await(b);

            assertThat(fake.count("batch")).isZero();
            assertThat(fake.count("crm.lead.get")).isEqualTo(3);
        }
    }
}
