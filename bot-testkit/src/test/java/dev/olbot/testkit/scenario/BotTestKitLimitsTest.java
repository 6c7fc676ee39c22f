package dev.olbot.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.bot.Bot;
import dev.olbot.rest.RestException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The kit meets the platform's request-rate limit by default (issue 10). */
class BotTestKitLimitsTest {

    private static Throwable callFails(BotTestKit kit) throws Exception {
        try {
            kit.fake().inProcess().call(kit.fake().portal().memberId(), "imbot.bot.list", Map.of())
                    .toCompletionStage().toCompletableFuture().get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    @Test
    void theStandardLeakyBucketIsOnByDefaultAndTheVirtualClockDrainsIt() throws Exception {
        try (BotTestKit kit = BotTestKit.start(Bot.builder("limits_bot").fallback(ctx -> ctx.reply("ok")).build())) {
            Throwable refused = null;
            for (int i = 0; i < 60 && refused == null; i++) {
                refused = callFails(kit);
            }
            assertThat(refused).isInstanceOfSatisfying(RestException.class, e -> assertThat(e.is("QUERY_LIMIT_EXCEEDED")).isTrue());

            kit.clock().advance(Duration.ofSeconds(1));

            assertThat(callFails(kit)).isNull();
        }
    }

    @Test
    void theLimitCanBeTurnedOff() throws Exception {
        try (BotTestKit kit = BotTestKit.start(o -> o.bot(Bot.builder("limits_bot").fallback(ctx -> ctx.reply("ok")).build())
                .rateLimit(null))) {
            for (int i = 0; i < 60; i++) {
                assertThat(callFails(kit)).isNull();
            }
        }
    }
}
