package dev.olbot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * What OLBot counts, in one place: the platform side (events received, the inbox, REST calls,
 * rate-limit waits, limit errors, token refreshes) and the bot side (turns, intents, fallbacks,
 * handoffs by reason, flows, sessions the bot finished), recorded into a Micrometer
 * {@link MeterRegistry}. {@link #noop()} records nothing and costs a field read per call.
 *
 * <p>Names follow Micrometer's conventions (lower-case, dot-separated; Prometheus shows
 * {@code olbot.rest.calls} as {@code olbot_rest_calls_seconds_count}). Tag values are bounded: they
 * come from the code (event classes, method names, bot codes, intent descriptions, flow names) or
 * from short fixed lists, never from the wire, and each tag keeps at most
 * {@value BoundedTags#MAX_VALUES} distinct values (then {@code other}). No dialog, portal or
 * message ids are ever tags. Thread-safe.
 */
public final class OlbotMetrics {

    private static final OlbotMetrics NOOP = new OlbotMetrics(null, null);

    private final MeterRegistry registry;
    private final MeterCache meters;
    private final ObservationRegistry observations;

    private OlbotMetrics(MeterRegistry registry, ObservationRegistry observations) {
        this.registry = registry;
        this.meters = registry == null ? null : new MeterCache(registry);
        this.observations = observations;
    }

    /** Records into {@code registry} (a Prometheus registry, a team's own, a composite). */
    public static OlbotMetrics of(MeterRegistry registry) {
        return new OlbotMetrics(Objects.requireNonNull(registry, "registry"), null);
    }

    /**
     * These metrics, and an {@code olbot.turn} observation around every turn in {@code observations}: with
     * Micrometer Tracing and its OpenTelemetry bridge on that registry, a span per turn (low-cardinality
     * {@code olbot.kind}; high-cardinality {@code olbot.portal} and {@code olbot.dialog}, which become span
     * attributes, never metric tags).
     */
    public OlbotMetrics withObservations(ObservationRegistry observations) {
        return new OlbotMetrics(registry, Objects.requireNonNull(observations, "observations"));
    }

    /**
     * Starts the observation of one turn on this thread (a no-op handle without an observation registry);
     * call {@link Turn#end} on the same thread when the turn is over.
     */
    public Turn turnStarted(String kind, String portal, String dialogId) {
        if (observations == null || observations.isNoop()) {
            return Turn.NONE;
        }
        Observation o = Observation.createNotStarted("olbot.turn", observations).contextualName("olbot turn " + kind)
                .lowCardinalityKeyValue("olbot.kind", kind).highCardinalityKeyValue("olbot.portal", portal)
                .highCardinalityKeyValue("olbot.dialog", dialogId.isEmpty() ? "none" : dialogId).start();
        return new Turn(o, o.openScope());
    }

    /** An observed turn: {@link #end} it (with the failure, if the turn threw). */
    public static final class Turn {
        static final Turn NONE = new Turn(null, null);

        private final Observation observation;
        private final Observation.Scope scope;

        private Turn(Observation observation, Observation.Scope scope) {
            this.observation = observation;
            this.scope = scope;
        }

        /** Closes the turn's scope and stops its observation; {@code failure} may be null. */
        public void end(Throwable failure) {
            if (observation == null) {
                return;
            }
            scope.close();
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        }
    }

    /** Records nothing: the default of every component. */
    public static OlbotMetrics noop() {
        return NOOP;
    }

    /** The registry recorded into; empty for {@link #noop()}. */
    public java.util.Optional<MeterRegistry> registry() {
        return java.util.Optional.ofNullable(registry);
    }

    public boolean enabled() {
        return registry != null;
    }

    // ---- ingress

    /**
     * One delivery answered: {@code olbot.events.received{kind, outcome, reason}}.
     *
     * @param kind    the event's record class ({@code MessageAdded}) or {@code unknown} before decoding
     * @param outcome {@code accepted}, {@code duplicate} or {@code rejected}
     * @param reason  {@code none}, or a {@link Rejection} category for a rejected delivery
     */
    public void eventReceived(String kind, String outcome, String reason) {
        if (registry == null) {
            return;
        }
        meters.counter("olbot.events.received", "Deliveries answered by the ingress, by event kind and outcome",
                "kind", kind, "outcome", outcome, "reason", reason).increment();
    }

    /**
     * Watches the inbox: {@code olbot.inbox.queued} (events accepted and not yet handled) and
     * {@code olbot.inbox.oldest.age} (how long the oldest of them has waited for its turn).
     */
    public <T> void watchInbox(T owner, ToDoubleFunction<T> queued, ToDoubleFunction<T> oldestAgeNanos) {
        if (registry == null) {
            return;
        }
        Gauge.builder("olbot.inbox.queued", owner, queued).description("Events accepted and not yet handled")
                .register(registry);
        TimeGauge.builder("olbot.inbox.oldest.age", owner, TimeUnit.NANOSECONDS, oldestAgeNanos)
                .description("How long the oldest event waiting for its turn has waited").register(registry);
    }

    /** The flush times {@code olbot.inbox.journal.sync} buckets by: a disk syncs in 0.1–1 ms on a good day, tens on a bad one. */
    private static final Duration[] SYNC_SLOS = {Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1),
            Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1)};

    /**
     * Where the inbox journal's group syncs go: {@code olbot.inbox.journal.sync}, a timer (histogram)
     * of each group's {@code fdatasync} — the disk's flush time, which every accepted delivery waits
     * for before its 200, so its tail is the floor of the ingress's. Hand it to {@code
     * FileInbox.onSync}. Does nothing for {@link #noop()}.
     */
    public java.util.function.LongConsumer journalSyncs() {
        if (registry == null) {
            return nanos -> {};
        }
        Timer timer = Timer.builder("olbot.inbox.journal.sync")
                .description("One group of the inbox journal written to disk (fdatasync) before its deliveries are answered")
                .serviceLevelObjectives(SYNC_SLOS).register(registry);
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Watches the cluster's inbox: {@code olbot.inbox.cluster.backlog}, the events any instance
     * accepted and none handled yet (read from the shared store by {@code backlog}, which must not
     * block: give it the last value a periodic reader saw; {@code NaN} when the store did not answer).
     */
    public void watchClusterBacklog(java.util.function.DoubleSupplier backlog) {
        if (registry == null) {
            return;
        }
        Gauge.builder("olbot.inbox.cluster.backlog", backlog, java.util.function.DoubleSupplier::getAsDouble)
                .description("Events accepted by any instance of the cluster and not handled yet (refreshed every 5 s)")
                .strongReference(true) // a gauge holds its object weakly: a lambda nobody else holds would read NaN after a GC
                .register(registry);
    }

    /**
     * One event's turn ran: {@code olbot.turn.duration{kind}} (the handler and its REST calls) and
     * {@code olbot.event.latency{kind}} (from receipt to the end of its turn: what a client waits for
     * an answer, queueing included). Histograms.
     */
    public void turn(String kind, long turnNanos, long sinceReceiptNanos, boolean failed) {
        if (registry == null) {
            return;
        }
        meters.histogram("olbot.turn.duration", "Time one event's turn took (handler and its REST calls)", "kind", kind)
                .record(turnNanos, TimeUnit.NANOSECONDS);
        if (sinceReceiptNanos >= 0) {
            meters.histogram("olbot.event.latency", "From an event's receipt to the end of its turn", "kind", kind)
                    .record(sinceReceiptNanos, TimeUnit.NANOSECONDS);
        }
        if (failed) {
            meters.counter("olbot.turns.failed", "Turns whose handler threw past the error policy", "kind", kind).increment();
        }
    }

    // ---- REST client

    /**
     * One REST call completed: {@code olbot.rest.calls{method, outcome}}, a timer from the call to
     * its answer (queueing and retries included).
     *
     * @param outcome {@code ok}, {@code error} (the platform refused it), {@code unknown} (sent, no
     *                answer) or {@code transport} (never reached the platform)
     */
    public void restCall(String method, String outcome, long nanos) {
        if (registry == null) {
            return;
        }
        meters.timer("olbot.rest.calls", "REST calls by method and outcome", "method", method, "outcome", outcome)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One request left for a portal carrying {@code calls} calls (1, or a {@code batch}): {@code olbot.rest.batch.size}. */
    public void requestSent(int calls) {
        if (registry == null) {
            return;
        }
        meters.summary("olbot.rest.batch.size", "Calls per request sent (1 alone, more in a batch)").record(calls);
    }

    /** A call waited this long in its portal's queue before it first left (rate limit, held method): {@code olbot.rest.queue.wait}. */
    public void queueWait(long nanos) {
        if (registry == null) {
            return;
        }
        meters.timer("olbot.rest.queue.wait", "Time calls waited for the portal's rate limit before they first left")
                .record(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** The portal answered a limit error: {@code olbot.rest.limit.errors{error}} ({@code QUERY_LIMIT_EXCEEDED}, {@code OPERATION_TIME_LIMIT}). */
    public void limitError(String error) {
        if (registry == null) {
            return;
        }
        meters.counter("olbot.rest.limit.errors", "Limit errors the portal answered", "error", error).increment();
    }

    /** An OAuth token refresh ended: {@code olbot.rest.token.refreshes{outcome=ok|failed}}. */
    public void tokenRefresh(boolean ok) {
        if (registry == null) {
            return;
        }
        meters.counter("olbot.rest.token.refreshes", "OAuth access-token refreshes", "outcome", ok ? "ok" : "failed")
                .increment();
    }

    // ---- the bot

    /** An intent matched and its handler ran: {@code olbot.bot.intents{bot, intent}}. */
    public void intentHit(String bot, String intent) {
        if (registry == null) {
            return;
        }
        meters.counter("olbot.bot.intents", "Client messages an intent answered", "bot", bot, "intent", intent).increment();
    }

    /** No intent matched and the fallback ran: {@code olbot.bot.fallbacks{bot}}. */
    public void fallback(String bot) {
        if (registry == null) {
            return;
        }
        meters.counter("olbot.bot.fallbacks", "Client messages no intent matched (the fallback ran)", "bot", bot).increment();
    }

    /**
     * The bot handed a dialog to people: {@code olbot.bot.handoffs{bot, reason, target}}.
     *
     * @param reason a {@link HandoffReason}
     * @param target {@code queue} (the line's operators), {@code user} or {@code line}
     */
    public void handoff(String bot, HandoffReason reason, String target) {
        if (registry == null) {
            return;
        }
        meters.counter("olbot.bot.handoffs", "Dialogs the bot handed to operators, by reason", "bot", bot, "reason",
                reason.tag(), "target", target).increment();
    }

    /**
     * A flow moved: {@code olbot.bot.flows{bot, flow, outcome, reason}}; outcome {@code started},
     * {@code completed} or {@code abandoned} (reason {@code cancel}, {@code attempts}, {@code timeout}).
     */
    public void flow(String bot, String flow, String outcome, String reason) {
        if (registry == null) {
            return;
        }
        meters.counter("olbot.bot.flows", "Flows started, completed and abandoned", "bot", bot, "flow", flow, "outcome",
                outcome, "reason", reason).increment();
    }

    /** The bot finished an open-line session itself: {@code olbot.bot.sessions.finished{bot}}. */
    public void sessionFinishedByBot(String bot) {
        if (registry == null) {
            return;
        }
        meters.counter("olbot.bot.sessions.finished", "Open-line sessions the bot finished on its own", "bot", bot)
                .increment();
    }

    /** Why the bot handed a dialog to people (the {@code reason} tag of {@code olbot.bot.handoffs}). */
    public enum HandoffReason {
        /** The client asked for a person: an intent, command or menu item whose handler hands off. */
        REQUESTED("requested"),
        /** The client sent {@code 0}, which the platform itself answers by calling an operator. */
        CLIENT_ZERO("client_zero"),
        /** The bot did not understand: the fallback handed off. */
        MISSES("misses"),
        /** A handler failed and the error policy handed off. */
        ERRORS("errors"),
        /** A flow's way out: too many invalid answers, a cancel, or the flow timed out. */
        FLOW_EXIT("flow_exit"),
        /** A flow completed and its completion handed off (e.g. the lead is ready for a manager). */
        FLOW_COMPLETE("flow_complete"),
        /** A timer the bot set fired and its handler handed off. */
        TIMEOUT("timeout"),
        /** Anything else (welcome, edits, app events). */
        OTHER("other");

        private final String tag;

        HandoffReason(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    /** Why the ingress refused a delivery (the {@code reason} tag of {@code olbot.events.received}). */
    public static final class Rejection {
        public static final String CONTENT_TYPE = "content_type";
        public static final String EMPTY = "empty";
        public static final String MALFORMED = "malformed";
        public static final String UNVERIFIED = "unverified";
        public static final String BUSY = "busy";
        public static final String SHUTTING_DOWN = "shutting_down";
        public static final String STORAGE = "storage";

        private Rejection() {}
    }

    /** Micrometer meters by name and (bounded) tag values, registered once. */
    private static final class MeterCache {
        static final Duration[] SLOS = {Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(30)};

        private final MeterRegistry registry;
        private final java.util.concurrent.ConcurrentHashMap<String, Object> cache = new java.util.concurrent.ConcurrentHashMap<>();
        private final BoundedTags bounded = new BoundedTags();

        MeterCache(MeterRegistry registry) {
            this.registry = registry;
        }

        Counter counter(String name, String description, String... tags) {
            String[] b = bounded.tags(name, tags);
            return (Counter) cache.computeIfAbsent(key(name, b), k -> Counter.builder(name).description(description)
                    .tags(b).register(registry));
        }

        Timer timer(String name, String description, String... tags) {
            String[] b = bounded.tags(name, tags);
            return (Timer) cache.computeIfAbsent(key(name, b), k -> Timer.builder(name).description(description)
                    .tags(b).register(registry));
        }

        Timer histogram(String name, String description, String... tags) {
            String[] b = bounded.tags(name, tags);
            return (Timer) cache.computeIfAbsent(key(name, b), k -> Timer.builder(name).description(description)
                    .tags(b).serviceLevelObjectives(SLOS).register(registry));
        }

        DistributionSummary summary(String name, String description) {
            return (DistributionSummary) cache.computeIfAbsent(name, k -> DistributionSummary.builder(name)
                    .description(description).serviceLevelObjectives(1, 2, 5, 10, 20, 50).register(registry));
        }

        private static String key(String name, String... tags) {
            if (tags.length == 0) {
                return name;
            }
            StringBuilder b = new StringBuilder(name.length() + 32).append(name);
            for (int i = 1; i < tags.length; i += 2) {
                b.append('\u0000').append(tags[i]);
            }
            return b.toString();
        }
    }
}
