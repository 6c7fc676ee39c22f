package dev.olbot.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MetricsRouteTest {

    @Nested
    class ATeamsRegistry {

        @Test
        void thatIsPrometheusIsServedAsItIs() {
            PrometheusMeterRegistry own = MetricsRoute.prometheus();

            MetricsRoute.Registries r = MetricsRoute.Registries.forTeam(own);

            assertThat(r.recordInto()).isSameAs(own);
            assertThat(r.serve()).isSameAs(own);
        }

        @Test
        void thatHoldsPrometheusInACompositeIsServedThroughIt() {
            PrometheusMeterRegistry inside = MetricsRoute.prometheus();
            CompositeMeterRegistry team = new CompositeMeterRegistry();
            team.add(new SimpleMeterRegistry());
            team.add(inside);

            MetricsRoute.Registries r = MetricsRoute.Registries.forTeam(team);

            assertThat(r.recordInto()).isSameAs(team);
            assertThat(r.serve()).isSameAs(inside);
        }

        @Test
        void ofAnotherKindGetsEveryMeterAndMetricsStillAnswers() {
            SimpleMeterRegistry team = new SimpleMeterRegistry();

            MetricsRoute.Registries r = MetricsRoute.Registries.forTeam(team);
            OlbotMetrics.of(r.recordInto()).fallback("shop");

            assertThat(team.get("olbot.bot.fallbacks").counter().count()).isEqualTo(1);
            assertThat(r.serve().scrape()).contains("olbot_bot_fallbacks_total{bot=\"shop\"} 1");
        }
    }
}
