package dev.olbot.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Router;
import java.util.Optional;

/**
 * {@code GET /metrics} in the Prometheus text exposition format (version 0.0.4), for
 * {@code BotServer} or a team's own {@link Router}:
 *
 * <pre>{@code
 * PrometheusMeterRegistry registry = MetricsRoute.prometheus();
 * MetricsRoute.mount(router, "/metrics", registry);
 * }</pre>
 *
 * The scrape runs off the event loop (a registry with many series takes milliseconds to write).
 */
public final class MetricsRoute {

    /** The Prometheus text format's content type. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private MetricsRoute() {}

    /** A new Prometheus registry with the default settings. */
    public static PrometheusMeterRegistry prometheus() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /** Adds {@code GET <path>} answering {@code registry.scrape()}. */
    public static void mount(Router router, String path, PrometheusMeterRegistry registry) {
        router.get(path).handler(ctx -> ctx.vertx().<String>executeBlocking(registry::scrape, false).onComplete(ar -> {
            if (ar.succeeded()) {
                ctx.response().putHeader("Content-Type", CONTENT_TYPE).end(ar.result());
            } else {
                ctx.response().setStatusCode(500).putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end("metrics could not be written: " + ar.cause().getClass().getSimpleName());
            }
        }));
    }

    /** The Prometheus registry in {@code registry}: itself, or one of a composite's members. */
    public static Optional<PrometheusMeterRegistry> prometheusIn(MeterRegistry registry) {
        if (registry instanceof PrometheusMeterRegistry p) {
            return Optional.of(p);
        }
        if (registry instanceof CompositeMeterRegistry c) {
            for (MeterRegistry member : c.getRegistries()) {
                Optional<PrometheusMeterRegistry> p = prometheusIn(member);
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * What a server records into and what it serves at {@code /metrics}, given a team's registry (or
     * none): a team's Prometheus registry (alone or in a composite) is used as it is; any other
     * registry is joined with a new Prometheus registry in a composite, so it gets every meter and
     * {@code /metrics} still works.
     */
    public record Registries(MeterRegistry recordInto, PrometheusMeterRegistry serve) {
        public static Registries forTeam(MeterRegistry team) {
            if (team == null) {
                PrometheusMeterRegistry p = prometheus();
                return new Registries(p, p);
            }
            Optional<PrometheusMeterRegistry> own = prometheusIn(team);
            if (own.isPresent()) {
                return new Registries(team, own.get());
            }
            PrometheusMeterRegistry p = prometheus();
            CompositeMeterRegistry both = new CompositeMeterRegistry();
            both.add(team);
            both.add(p);
            return new Registries(both, p);
        }
    }
}
