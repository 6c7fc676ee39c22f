package dev.olbot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.bot.Bot;
import dev.olbot.state.InMemoryDialogStore;
import dev.olbot.testsupport.BotHarness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The engine's own counts, on the wire format through the real ingress (the kit's fake keeps a client's 0 to itself). */
class EngineMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Nested
    class Observations {

        @Test
        void wrapEveryTurnInAnOlbotTurnObservationWithTheDialogAsAHighCardinalityValue() {
            java.util.List<io.micrometer.observation.Observation.Context> stopped = new java.util.concurrent.CopyOnWriteArrayList<>();
            io.micrometer.observation.ObservationRegistry observations = io.micrometer.observation.ObservationRegistry.create();
            observations.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
                @Override
                public void onStop(io.micrometer.observation.Observation.Context context) {
                    stopped.add(context);
                }

                @Override
                public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
                    return true;
                }
            });
            Bot bot = Bot.builder("olbot_test").fallback(ctx -> ctx.reply("bot answer")).build();
            try (BotHarness h = new BotHarness(bot, new InMemoryDialogStore(), x -> {},
                    OlbotMetrics.of(registry).withObservations(observations))) {
                h.clientSays(6, "hi");

                assertThat(stopped).filteredOn(c -> "MessageAdded".equals(c.getLowCardinalityKeyValue("olbot.kind").getValue()))
                        .singleElement().satisfies(c -> {
                            assertThat(c.getName()).isEqualTo("olbot.turn");
                            assertThat(c.getHighCardinalityKeyValue("olbot.dialog").getValue()).isEqualTo("chat6");
                            assertThat(c.getError()).isNull();
                        });
            }
        }
    }

    @Nested
    class AClientsZero {

        @Test
        void countsAsAHandoffThePlatformMakesAndRunsNoIntent() {
            Bot bot = Bot.builder("olbot_test").fallback(ctx -> ctx.reply("bot answer")).build();
            try (BotHarness h = new BotHarness(bot, new InMemoryDialogStore(), x -> {}, OlbotMetrics.of(registry))) {
                h.clientSays(6, "0");

                assertThat(registry.get("olbot.bot.handoffs").tags("bot", "olbot_test", "reason", "client_zero", "target", "queue")
                        .counter().count()).isEqualTo(1);
                assertThat(registry.find("olbot.bot.fallbacks").counter()).isNull();
                assertThat(h.calls).isEmpty();
            }
        }
    }
}
