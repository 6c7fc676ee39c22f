package dev.olbot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OlbotMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OlbotMetrics metrics = OlbotMetrics.of(registry);

    @Nested
    class TagValues {

        @Test
        void keepAtMostAHundredValuesPerTagAndCountTheRestAsOther() {
            for (int i = 0; i < 150; i++) {
                metrics.intentHit("shop", "intent " + i);
            }

            assertThat(registry.find("olbot.bot.intents").counters()).hasSize(101);
            assertThat(registry.find("olbot.bot.intents").tag("intent", "other").counter().count()).isEqualTo(50);
        }

        @Test
        void cutLongValuesAndNameEmptyOnesNone() {
            metrics.restCall("x".repeat(300), "ok", 1_000);
            metrics.eventReceived("", "accepted", "none");

            assertThat(registry.find("olbot.rest.calls").timer().getId().getTag("method")).hasSize(64);
            assertThat(registry.find("olbot.events.received").tag("kind", "none").counter()).isNotNull();
        }
    }

    @Nested
    class Noop {

        @Test
        void recordsNothingAndHasNoRegistry() {
            OlbotMetrics none = OlbotMetrics.noop();
            none.intentHit("shop", "price");
            none.handoff("shop", OlbotMetrics.HandoffReason.MISSES, "queue");

            assertThat(none.enabled()).isFalse();
            assertThat(none.registry()).isEmpty();
        }
    }

    @Nested
    class Handoffs {

        @Test
        void areCountedByBotReasonAndTarget() {
            metrics.handoff("shop", OlbotMetrics.HandoffReason.FLOW_EXIT, "queue");
            metrics.handoff("shop", OlbotMetrics.HandoffReason.FLOW_EXIT, "queue");
            metrics.handoff("shop", OlbotMetrics.HandoffReason.ERRORS, "line");

            assertThat(registry.get("olbot.bot.handoffs").tags("reason", "flow_exit", "target", "queue").counter().count()).isEqualTo(2);
            assertThat(registry.get("olbot.bot.handoffs").tags("reason", "errors", "target", "line").counter().count()).isEqualTo(1);
        }
    }
}
