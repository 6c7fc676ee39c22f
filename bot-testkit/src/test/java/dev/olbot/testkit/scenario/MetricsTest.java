package dev.olbot.testkit.scenario;

import static dev.olbot.testkit.scenario.TextMatch.contains;
import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.bot.Bot;
import dev.olbot.bot.flow.Flow;
import dev.olbot.bot.routing.Intent;
import dev.olbot.bot.flow.Validation;
import dev.olbot.rest.RateLimit;
import dev.olbot.testkit.Client;
import dev.olbot.testkit.RatePlan;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Conversations through the kit move the counters and histograms a team watches. */
class MetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private double count(String name, String... tags) {
        Counter c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    private long timerCount(String name, String... tags) {
        Timer t = registry.find(name).tags(tags).timer();
        return t == null ? 0 : t.count();
    }

    /** A bot whose every way to people is reachable: a keyword, misses, errors and a flow's way out. */
    static Bot helpdesk() {
        return Bot.builder("helpdesk").name("Helpdesk")
                .flow(Flow.named("callback")
                        .ask("phone", "Your phone number?", Validation.phone("Please write a phone like +7 999 123-45-67"))
                        .maxAttempts(2, ctx -> {
                            ctx.reply("Let me connect you to a person.");
                            ctx.toOperator();
                        })
                        .onComplete(ctx -> ctx.reply("We will call you back."))
                        .build())
                .on(Intent.keywords("person", "human"), ctx -> {
                    ctx.reply("Connecting you to an operator.");
                    ctx.toOperator();
                })
                .on(Intent.keywords("callback"), ctx -> ctx.startFlow("callback"))
                .on(Intent.keywords("crash"), ctx -> {
                    throw new IllegalStateException("the order service is down");
                })
                .on(Intent.keywords("bye"), ctx -> ctx.finish())
                .fallback(ctx -> ctx.reply("Sorry, I did not get that. Try 'callback' or 'person'."))
                .build();
    }

    private BotTestKit kit() {
        return BotTestKit.start(o -> o.bot(helpdesk()).metrics(registry));
    }

    @Nested
    class Handoffs {

        @Test
        void countsAHandoffTheClientAskedForByItsIntent() {
            try (BotTestKit kit = kit()) {
                kit.run(Scenario.named("asks for a person").clientSays("I want a person please")
                        .expectReply("Connecting you to an operator.").expectDialogWithQueue().build()).assertPassed();

                assertThat(count("olbot.bot.handoffs", "bot", "helpdesk", "reason", "requested", "target", "queue")).isEqualTo(1);
                assertThat(count("olbot.bot.intents", "bot", "helpdesk", "intent",
                        Intent.keywords("person", "human").describe())).isEqualTo(1);
                assertThat(count("olbot.bot.handoffs", "reason", "misses")).isZero();
            }
        }

        @Test
        void countsAHandoffAfterTooManyInvalidAnswersAsTheFlowsWayOut() {
            try (BotTestKit kit = kit()) {
                kit.run(Scenario.named("flow way-out").clientSays("callback").expectReply("Your phone number?")
                        .clientSays("no").expectReply(contains("Please write a phone")).expectReply("Your phone number?")
                        .clientSays("still no").expectReply("Let me connect you to a person.").expectDialogWithQueue()
                        .build()).assertPassed();

                assertThat(count("olbot.bot.handoffs", "reason", "flow_exit")).isEqualTo(1);
                assertThat(count("olbot.bot.flows", "flow", "callback", "outcome", "started")).isEqualTo(1);
                assertThat(count("olbot.bot.flows", "flow", "callback", "outcome", "abandoned", "reason", "attempts")).isEqualTo(1);
                assertThat(count("olbot.bot.flows", "outcome", "completed")).isZero();
            }
        }

        @Test
        void countsTheErrorPolicysHandoffAsErrors() {
            try (BotTestKit kit = kit()) {
                kit.run(Scenario.named("two failures").clientSays("crash").expectReply(contains("something went wrong"))
                        .clientSays("crash").expectReply(contains("Connecting you to an operator")).expectDialogWithQueue()
                        .build()).assertPassed();

                assertThat(count("olbot.bot.handoffs", "reason", "errors")).isEqualTo(1);
            }
        }

        @Test
        void countsAFallbackThatHandsOffAsMisses() {
            Bot bot = Bot.builder("impatient").name("Impatient")
                    .fallback(ctx -> {
                        ctx.reply("I will ask a colleague.");
                        ctx.toOperator();
                    }).build();
            try (BotTestKit kit = BotTestKit.start(o -> o.bot(bot).metrics(registry))) {
                kit.run(Scenario.named("miss").clientSays("where is my parcel").expectReply("I will ask a colleague.")
                        .expectDialogWithQueue().build()).assertPassed();

                assertThat(count("olbot.bot.fallbacks", "bot", "impatient")).isEqualTo(1);
                assertThat(count("olbot.bot.handoffs", "bot", "impatient", "reason", "misses", "target", "queue")).isEqualTo(1);
            }
        }
    }

    @Nested
    class Trace {

        @Test
        void showsEachTurnsRouteWithWhyAndTheCallsItMade() {
            try (BotTestKit kit = kit()) {
                kit.run(Scenario.named("flow way-out").clientSays("callback").expectReply("Your phone number?")
                        .clientSays("no").expectReply(contains("Please write a phone")).expectReply("Your phone number?")
                        .clientSays("still no").expectReply("Let me connect you to a person.").expectDialogWithQueue()
                        .build()).assertPassed();

                java.util.List<dev.olbot.trace.TurnTrace.Turn> turns = kit.trace().dialog("chat100").values().iterator().next();
                assertThat(turns).extracting(dev.olbot.trace.TurnTrace.Turn::text).endsWith("callback", "no", "still no");
                dev.olbot.trace.TurnTrace.Turn last = turns.get(turns.size() - 1);
                assertThat(last.route()).isEqualTo("flow callback step 0 > flow callback abandoned (attempts)");
                assertThat(last.calls()).containsExactly("imbot.message.add delivered", "imopenlines.bot.session.operator delivered");
                assertThat(last.owner()).isEqualTo("WAITING_OPERATOR");
            }
        }
    }

    @Nested
    class TurnsAndEvents {

        @Test
        void countsFallbacksFlowsCompletedAndSessionsTheBotFinished() {
            try (BotTestKit kit = kit()) {
                kit.run(Scenario.named("a happy path").clientSays("what?").expectReply(contains("did not get that"))
                        .clientSays("callback").expectReply("Your phone number?")
                        .clientSays("+7 999 123-45-67").expectReply("We will call you back.")
                        .clientSays("bye").expectFinished().build()).assertPassed();

                assertThat(count("olbot.bot.fallbacks", "bot", "helpdesk")).isEqualTo(1);
                assertThat(count("olbot.bot.flows", "flow", "callback", "outcome", "completed")).isEqualTo(1);
                assertThat(count("olbot.bot.sessions.finished", "bot", "helpdesk")).isEqualTo(1);
                assertThat(count("olbot.bot.handoffs")).isZero();
            }
        }

        @Test
        void recordsEveryAcceptedEventAndItsTurnInHistograms() {
            try (BotTestKit kit = kit()) {
                kit.run(Scenario.named("two messages").clientSays("hello").expectReply(contains("did not get that"))
                        .clientSays("hello again").expectReply(contains("did not get that")).build()).assertPassed();

                assertThat(count("olbot.events.received", "kind", "MessageAdded", "outcome", "accepted", "reason", "none"))
                        .isEqualTo(2);
                assertThat(timerCount("olbot.turn.duration", "kind", "MessageAdded")).isEqualTo(2);
                Timer latency = registry.find("olbot.event.latency").tags("kind", "MessageAdded").timer();
                assertThat(latency.count()).isEqualTo(2);
                assertThat(latency.takeSnapshot().histogramCounts()).as("service-level buckets for a Grafana heatmap").isNotEmpty();
                assertThat(registry.find("olbot.inbox.queued").gauge().value()).isZero();
            }
        }

        @Test
        void countsRejectedDeliveriesByReasonCategoryNotByTheirText() {
            try (BotTestKit kit = kit()) {
                kit.ingress().receive("application/json", "{not json", java.util.Map.of());
                kit.ingress().receive("text/xml", "<x/>", java.util.Map.of());

                assertThat(count("olbot.events.received", "kind", "unknown", "outcome", "rejected", "reason", "malformed"))
                        .isEqualTo(1);
                assertThat(count("olbot.events.received", "outcome", "rejected", "reason", "content_type")).isEqualTo(1);
            }
        }
    }

    @Nested
    class RestCalls {

        @Test
        void countsTheBotsCallsByMethodAndOutcomeAndTheirBatches() {
            try (BotTestKit kit = BotTestKit.start(o -> o.bot(helpdesk()).metrics(registry).restClient(RateLimit.STANDARD))) {
                kit.run(Scenario.named("one question").clientSays("hi").expectReply(contains("did not get that")).build())
                        .assertPassed();

                assertThat(timerCount("olbot.rest.calls", "method", "imbot.message.add", "outcome", "ok")).isGreaterThanOrEqualTo(1);
                assertThat(timerCount("olbot.rest.calls", "method", "imbot.register", "outcome", "ok")).isEqualTo(1);
                assertThat(registry.find("olbot.rest.batch.size").summary().count()).isGreaterThanOrEqualTo(2);
            }
        }

        @Test
        void recordsTheTimeCallsWaitedForTheClientsRateLimit() {
            // a bucket of one request, refilled 20 times a second: the second call of a turn waits for it
            try (BotTestKit kit = BotTestKit.start(o -> o.bot(helpdesk()).metrics(registry).restClient(new RateLimit(20, 1)))) {
                kit.run(Scenario.named("flow start").clientSays("callback").expectReply("Your phone number?")
                        .clientSays("x").expectReply(contains("Please write a phone")).build()).assertPassed();

                Timer wait = registry.find("olbot.rest.queue.wait").timer();
                assertThat(wait.count()).isGreaterThanOrEqualTo(3);
                assertThat(wait.max(TimeUnit.NANOSECONDS)).as("some call waited for the bucket").isPositive();
            }
        }

        @Test
        void countsQueryLimitExceededAndTheTurnStillEndsWhenThePortalsBucketDrains() throws Exception {
            try (BotTestKit kit = BotTestKit.start(o -> o.bot(helpdesk()).metrics(registry).restClient(RateLimit.STANDARD))) {
                kit.fake().portal().enforceRateLimit(new RatePlan(2, 1));
                Client client = kit.newClient();
                client.says("a person please"); // a reply and the handoff: the second call meets a full bucket

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (count("olbot.rest.limit.errors", "error", "QUERY_LIMIT_EXCEEDED") == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(count("olbot.rest.limit.errors", "error", "QUERY_LIMIT_EXCEEDED")).isGreaterThanOrEqualTo(1);
                kit.fake().portal().enforceRateLimit(RatePlan.STANDARD); // the platform's bucket drains
                kit.settle();

                assertThat(client.lastBotMessage()).hasValueSatisfying(m -> assertThat(m.text()).contains("operator"));
                assertThat(count("olbot.bot.handoffs", "reason", "requested")).isEqualTo(1);
                assertThat(timerCount("olbot.rest.calls", "outcome", "error")).isZero();
            }
        }

        @Test
        void countsATokenRefreshWhenThePortalExpiredTheAccessToken() {
            try (BotTestKit kit = BotTestKit.start(o -> o.bot(helpdesk()).metrics(registry).restClient(RateLimit.STANDARD))) {
                kit.fake().portal().expireAccessTokens();
                kit.run(Scenario.named("after an hour").clientSays("hi").expectReply(contains("did not get that")).build())
                        .assertPassed();

                assertThat(count("olbot.rest.token.refreshes", "outcome", "ok")).isEqualTo(1);
            }
        }
    }
}
