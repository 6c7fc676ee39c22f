package dev.olbot.ingress;

import dev.olbot.event.BotEvent;
import dev.olbot.event.EventDecodeException;
import dev.olbot.event.EventDecoder;
import dev.olbot.logging.TurnMdc;
import dev.olbot.metrics.OlbotMetrics;
import dev.olbot.metrics.OlbotMetrics.Rejection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport-free front door: decode, verify, dedupe, queue — then the caller answers at once
 * and the {@link EventSink} runs later, in lane order (one dialog's events one at a time, in
 * arrival order; dialogs in parallel). Bitrix24 never redelivers an event and slows down handlers
 * that answer slowly, so nothing here waits for handler work.
 *
 * <p>Use {@link IngressRoute} to mount it on a Vert.x {@code Router}, or {@link IngressServer} to
 * run it standalone. Thread-safe.
 */
public final class Ingress implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Ingress.class);
    /** Refused deliveries: 20 lines per 10 s at most, then a count. */
    private final BadInputLog badInput = new BadInputLog(log, 20, 10_000);

    private final EventDecoder decoder;
    private final EventVerifier verifier;
    private final DedupeStore dedupe;
    private final EventSink sink;
    private final InstallGate installGate;
    private final Inbox inbox;
    private final int maxQueued;
    private final LaneExecutor lanes;
    private final ExecutorService ownedPool;
    private final OlbotMetrics metrics;
    private final BacklogAlarm backlog;
    private volatile boolean closed;
    private volatile boolean ready = true;

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    private Ingress(Builder b) {
        this.decoder = b.decoder;
        this.verifier = Objects.requireNonNull(b.verifier, "verifier");
        this.dedupe = b.dedupe;
        this.sink = Objects.requireNonNull(b.sink, "sink");
        this.installGate = b.installGate;
        this.inbox = b.inbox;
        this.maxQueued = b.maxQueued;
        this.ownedPool = b.workers == null ? WorkerPool.create(b.workerThreads) : null;
        java.util.concurrent.Executor workers = b.workers != null ? b.workers : ownedPool;
        // as many runners as a fixed pool has threads (more would only wait in its queue); virtual threads: no such bound
        this.lanes = workers instanceof java.util.concurrent.ThreadPoolExecutor fixed
                ? new LaneExecutor(workers, fixed.getMaximumPoolSize()) : new LaneExecutor(workers);
        this.metrics = b.metrics;
        this.backlog = new BacklogAlarm(log, b.backlogWarning);
        metrics.watchInbox(lanes, LaneExecutor::pending, LaneExecutor::oldestQueuedAgeNanos);
        if (inbox instanceof FileInbox journal && metrics.enabled()) {
            journal.onSync(metrics.journalSyncs());
        }
    }

    public static Ingress create(Consumer<Builder> config) {
        Builder b = new Builder();
        config.accept(b);
        return new Ingress(b);
    }

    /**
     * Receives one delivery and waits until it is kept in the {@link Inbox} (at once with the
     * in-memory inbox). Never throws for bad input. On a Vert.x event loop use
     * {@link #receiveAsync}, which does not wait.
     *
     * @param contentType the request's {@code Content-Type}
     * @param body        the raw body
     * @param query       query parameters of the handler URL
     */
    public Outcome receive(String contentType, String body, Map<String, String> query) {
        return receiveAsync(contentType, body, query).join();
    }

    /**
     * Receives one delivery: decode, verify, dedupe ({@link DedupeStore#firstSeenAsync}: with a
     * shared store, for the whole cluster), then keep it in the {@link Inbox}; completes (200) only
     * once it is kept, and queues it for its dialog's lane — or, with a {@link SharedInbox}, leaves
     * it to the instance that owns its partition. Rejections complete at once; a dedupe store or
     * inbox that fails gives 503 (nothing was kept). Never throws for bad input, never blocks.
     */
    public java.util.concurrent.CompletableFuture<Outcome> receiveAsync(String contentType, String body, Map<String, String> query) {
        return receiveAsync(contentType, body, query, Runnable::run);
    }

    /**
     * {@link #receiveAsync(String, String, Map)}, where what follows the inbox's "kept" — queueing
     * the event in its lane, completing the outcome — runs on {@code afterKept} (the caller's event
     * loop: the inbox's writer thread then only hands completions over, many per hop).
     */
    java.util.concurrent.CompletableFuture<Outcome> receiveAsync(String contentType, String body, Map<String, String> query,
            java.util.concurrent.Executor afterKept) {
        if (closed) {
            return done(reject(503, UNKNOWN, Rejection.SHUTTING_DOWN, "shutting down"));
        }
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (!ct.isEmpty() && !ct.startsWith("application/x-www-form-urlencoded") && !ct.startsWith("application/json")) {
            return done(reject(415, UNKNOWN, Rejection.CONTENT_TYPE, "unsupported content type '" + ct + "': expected application/x-www-form-urlencoded or application/json"));
        }
        if (body == null || body.isBlank()) {
            return done(reject(400, UNKNOWN, Rejection.EMPTY, "empty body: expected a Bitrix24 event"));
        }
        BotEvent event;
        try {
            event = decoder.decode(ct, body);
        } catch (EventDecodeException e) {
            badInput.warn("refused a delivery of {} bytes: {}", body.length(), e.getMessage());
            return done(reject(400, UNKNOWN, Rejection.MALFORMED, e.getMessage()));
        } catch (RuntimeException e) {
            // a bug of ours, not the sender's mistake: still one line, the class names the place
            badInput.warn("event decoder failed on a body of {} bytes: {}: {}", body.length(), e.getClass().getName(), e.getMessage());
            return done(reject(400, UNKNOWN, Rejection.MALFORMED, "undecodable event: " + e.getClass().getSimpleName()));
        }
        Verdict verdict = verifier.verify(event, query);
        if (verdict instanceof Verdict.Rejected r) {
            badInput.warn("rejected {} from portal {}: {}", event.meta().type(), event.meta().portal().domain(), r.reason());
            return done(reject(401, kind(event), Rejection.UNVERIFIED, r.reason()));
        }
        if (lanes.pending() >= maxQueued) {
            badInput.warn("refused {} of portal {}: {} events are queued (the limit)", event.meta().type(),
                    event.meta().portal().key(), lanes.pending());
            return done(reject(503, kind(event), Rejection.BUSY, "busy: " + maxQueued + " events are waiting to be handled"));
        }
        long received = System.nanoTime();
        return firstSeenAsync(event).thenCompose(first -> {
            if (!first) {
                return done(duplicateOf(event));
            }
            Inbox.Delivery delivery = new Inbox.Delivery(event.dedupeKey().orElse(""), ct, body, query, event.laneKey());
            return inbox.append(delivery).handleAsync((id, failure) -> {
                if (failure != null) {
                    log.error("could not keep a delivery of {} (portal {}): {}", event.meta().type(), event.meta().portal().key(),
                            dev.olbot.wire.LogSafe.escape(String.valueOf(failure.getMessage())));
                    return reject(503, kind(event), Rejection.STORAGE, "cannot keep the event: " + failure.getClass().getSimpleName());
                }
                accepted.incrementAndGet();
                metrics.eventReceived(kind(event), "accepted", "none");
                if (!(inbox instanceof SharedInbox)) { // a shared inbox hands it to whichever instance owns its partition
                    enqueue(event, received, () -> inbox.handled(id));
                }
                return new Outcome.Accepted(event);
            }, afterKept);
        }).exceptionally(failure -> {
            // the dedupe store did not answer (a shared one is remote): nothing was kept, so say so before any 200
            log.error("could not check a delivery of {} (portal {}) for duplicates: {}", event.meta().type(),
                    event.meta().portal().key(), dev.olbot.wire.LogSafe.escape(String.valueOf(failure.getMessage())));
            return reject(503, kind(event), Rejection.STORAGE, "cannot check the event for duplicates: "
                    + failure.getClass().getSimpleName());
        });
    }

    /**
     * Asks the dedupe store without blocking ({@link DedupeStore#firstSeenAsync}; a shared store
     * answers for the whole cluster). An event without a dedupe key is always new.
     */
    private java.util.concurrent.CompletableFuture<Boolean> firstSeenAsync(BotEvent event) {
        java.util.Optional<String> key = event.dedupeKey();
        if (key.isEmpty()) {
            return java.util.concurrent.CompletableFuture.completedFuture(true);
        }
        try {
            return dedupe.firstSeenAsync(key.get()).toCompletableFuture();
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Handles what the {@link Inbox} kept from an earlier run and had not handled (call once, when
     * the sinks are ready and before deliveries arrive): its dedupe keys are remembered, its
     * deliveries decoded again and queued in arrival order, without verifying them again.
     *
     * @return how many deliveries were queued again
     */
    public int resume() {
        if (inbox instanceof SharedInbox shared) {
            shared.start(this::takeShared);
            return 0;
        }
        Inbox.Recovered r = inbox.recover();
        r.recentKeys().keySet().forEach(k -> {
            if (!k.isEmpty()) {
                dedupe.firstSeen(k);
            }
        });
        int n = 0;
        for (Inbox.Entry e : r.pending()) {
            BotEvent event;
            try {
                event = decoder.decode(e.delivery().contentType(), e.delivery().body());
            } catch (RuntimeException undecodable) {
                log.error("a kept delivery could not be decoded again and is dropped: {}", undecodable.getMessage());
                inbox.handled(e.id());
                continue;
            }
            accepted.incrementAndGet();
            enqueue(event, -1, () -> inbox.handled(e.id()));
            n++;
        }
        if (n > 0) {
            log.info("{} event(s) accepted before the last stop and not yet handled are being handled now", n);
        }
        return n;
    }

    /**
     * A delivery a {@link SharedInbox} hands to this instance (it owns the delivery's partition):
     * decoded again (it was verified where it arrived) and queued in its lane; marked done once handled.
     */
    private void takeShared(SharedInbox.Taken taken) {
        if (closed) {
            return; // not marked done: the instance that takes over the partition hands it out again
        }
        Inbox.Delivery d = taken.entry().delivery();
        BotEvent event;
        try {
            event = decoder.decode(d.contentType(), d.body());
        } catch (RuntimeException undecodable) {
            log.error("a kept delivery could not be decoded again and is dropped: {}",
                    dev.olbot.wire.LogSafe.escape(String.valueOf(undecodable.getMessage())));
            taken.done().run();
            return;
        }
        enqueue(event, -1, taken.done());
    }

    /** True (and counted) when the event's dedupe key was seen within the window. */
    private boolean duplicate(BotEvent event) {
        java.util.Optional<String> key = event.dedupeKey();
        if (key.isEmpty() || dedupe.firstSeen(key.get())) {
            return false;
        }
        duplicateOf(event);
        return true;
    }

    /** Counts (and logs at debug) a delivery already accepted once. */
    private Outcome duplicateOf(BotEvent event) {
        duplicates.incrementAndGet();
        metrics.eventReceived(kind(event), "duplicate", "none");
        log.debug("duplicate delivery of {} ignored", dev.olbot.wire.LogSafe.escape(event.dedupeKey().orElse("")));
        return new Outcome.Duplicate(event);
    }

    /** Queues the event on its dialog's lane; {@code after} runs once it was handled (or failed). */
    private void enqueue(BotEvent event, long receivedNanos, Runnable after) {
        lanes.submit(event.laneKey(), () -> {
            try {
                dispatch(event, receivedNanos);
            } finally {
                after.run();
                backlog.depth(lanes.pending() - 1); // this task still counts until it returns
            }
        });
        backlog.depth(lanes.pending());
    }

    private static java.util.concurrent.CompletableFuture<Outcome> done(Outcome o) {
        return java.util.concurrent.CompletableFuture.completedFuture(o);
    }

    /**
     * Accepts an event that needs no verification because OLBot fetched it itself over the
     * authenticated REST API ({@code imbot.v2.Event.get}): dedupes and queues it like a delivery.
     *
     * @return completes when the event was handled (at once for a duplicate)
     */
    public java.util.concurrent.CompletableFuture<Outcome> accept(BotEvent event) {
        return accept(event, true);
    }

    /**
     * Like {@link #accept(BotEvent)} for a caller that keeps its own record of handled events (the fetch
     * poller's leader in cluster mode: an event a dead leader saw but never handled must be handled now,
     * so "seen" keys cannot decide). No dedupe check; the event's key is not recorded either.
     */
    public java.util.concurrent.CompletableFuture<Outcome> acceptWithoutDedupe(BotEvent event) {
        return accept(event, false);
    }

    private java.util.concurrent.CompletableFuture<Outcome> accept(BotEvent event, boolean dedupe) {
        if (closed) {
            return done(new Outcome.Rejected(503, "shutting down"));
        }
        if (dedupe && duplicate(event)) {
            return done(new Outcome.Duplicate(event));
        }
        accepted.incrementAndGet();
        metrics.eventReceived(kind(event), "accepted", "none");
        java.util.concurrent.CompletableFuture<Outcome> handled = new java.util.concurrent.CompletableFuture<>();
        enqueue(event, System.nanoTime(), () -> handled.complete(new Outcome.Accepted(event)));
        return handled;
    }

    /** Runs one event's turn on its lane thread, with the event's ids in the MDC and its time measured. */
    private void dispatch(BotEvent event, long receivedNanos) {
        long start = System.nanoTime();
        Throwable threw = null;
        TurnMdc.enter(event);
        OlbotMetrics.Turn observed = metrics.turnStarted(kind(event), event.meta().portal().key(), event.dialogId().orElse(""));
        try {
            if (event instanceof dev.olbot.event.AppInstalled install) {
                if (installGate == null) {
                    badInput.warn("ONAPPINSTALL of portal {} ignored: this ingress has no InstallGate to confirm it",
                            event.meta().portal().key());
                    handled.incrementAndGet();
                    return;
                }
                if (!installGate.admit(install)) {
                    handled.incrementAndGet();
                    return;
                }
            }
            sink.accept(event);
            handled.incrementAndGet();
        } catch (Throwable e) {
            threw = e;
            failed.incrementAndGet();
            log.error("handler failed for {} (portal {}, dialog {})", event.meta().type(),
                    dev.olbot.wire.LogSafe.escape(event.meta().portal().domain()), event.dialogId().orElse("-"), e);
        } finally {
            long end = System.nanoTime();
            metrics.turn(kind(event), end - start, receivedNanos < 0 ? -1 : end - receivedNanos, threw != null);
            observed.end(threw);
            TurnMdc.leave();
        }
    }

    private static final String UNKNOWN = "unknown";

    /** The event's record class: a bounded tag value, unlike the event name a sender chooses. */
    private static String kind(BotEvent event) {
        return event.getClass().getSimpleName();
    }

    private Outcome reject(int status, String kind, String category, String reason) {
        rejected.incrementAndGet();
        metrics.eventReceived(kind, "rejected", category);
        return new Outcome.Rejected(status, reason);
    }

    /**
     * Says "not ready" on {@code /health/ready} from now on (a load balancer stops sending here)
     * while deliveries that still arrive are accepted as before. The first step of a clean stop.
     */
    public void markNotReady() {
        ready = false;
    }

    /** False once {@link #markNotReady()}, {@link #drain} or {@link #close()} was called. */
    public boolean ready() {
        return ready && !closed;
    }

    /** Counters since start. */
    /**
     * With a {@link SharedInbox}: the deliveries any instance accepted and no instance handled yet (the
     * cluster's backlog, which {@link Stats#queued()} — this instance's lanes — does not show). Empty
     * without a shared inbox. Blocking (it asks the shared store): never call it on an event loop.
     *
     * @throws RuntimeException when the shared store does not answer
     */
    public java.util.OptionalLong sharedBacklog() {
        return sharesInbox() ? java.util.OptionalLong.of(((SharedInbox) inbox).backlog()) : java.util.OptionalLong.empty();
    }

    /** True when this ingress keeps deliveries in a {@link SharedInbox} (cluster mode). */
    public boolean sharesInbox() {
        return inbox instanceof SharedInbox;
    }

    public Stats stats() {
        return new Stats(accepted.get(), duplicates.get(), rejected.get(), handled.get(), failed.get(), lanes.pending(),
                lanes.activeLanes());
    }

    /**
     * Stops accepting (new deliveries get 503) and waits up to {@code timeoutMillis} for queued
     * events to be handled.
     *
     * @return true when every accepted event was handled in time
     */
    public boolean drain(long timeoutMillis) throws InterruptedException {
        if (inbox instanceof SharedInbox shared) {
            shared.stopHandingOut(); // what it still holds goes to the partitions' next owner
        }
        ready = false;
        closed = true;
        return awaitIdle(timeoutMillis);
    }

    /**
     * Waits until every event accepted so far (and every task submitted to the lanes) was handled;
     * with a {@link SharedInbox}, every event any instance accepted (blocking: not on an event loop).
     *
     * @return false when that did not happen within {@code timeoutMillis} (or the shared inbox did not answer)
     */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        if (inbox instanceof SharedInbox shared) {
            try {
                while (shared.backlog() > 0) {
                    if (System.nanoTime() - deadline > 0) {
                        return false;
                    }
                    Thread.sleep(10);
                }
            } catch (RuntimeException unreachable) {
                return false;
            }
        }
        try {
            lanes.whenIdle().get(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Runs a task in a lane, after the events already queued there (e.g. a dialog's timeout, in
     * {@code portal/dialogId} — the lane of that dialog's events).
     */
    public void submit(String laneKey, Runnable task) {
        lanes.submit(laneKey, task);
    }

    @Override
    public void close() {
        closed = true;
        if (ownedPool != null) {
            ownedPool.shutdown();
        }
    }

    /** Counters: accepted, duplicates ignored, rejected, handled, failed in a handler, queued, busy lanes. */
    public record Stats(long accepted, long duplicates, long rejected, long handled, long failed, int queued, int activeLanes) {}

    /** Configuration. Only {@link #sink} and {@link #verifier} are required. */
    public static final class Builder {
        private EventDecoder decoder = EventDecoder.create();
        private EventVerifier verifier;
        private DedupeStore dedupe = DedupeStore.inMemory();
        private EventSink sink;
        private InstallGate installGate;
        private Inbox inbox = Inbox.inMemory();
        private int maxQueued = 10_000;
        private int backlogWarning = 500;
        private ExecutorService workers;
        private int workerThreads = 200;
        private OlbotMetrics metrics = OlbotMetrics.noop();

        private Builder() {}

        /** Where events received, the inbox and turn times are counted (default: nowhere). */
        public Builder metrics(OlbotMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics);
            return this;
        }

        /** Where accepted events go (required). */
        public Builder sink(EventSink sink) {
            this.sink = sink;
            return this;
        }

        /**
         * Where accepted deliveries are kept until handled (default {@link Inbox#inMemory()}; a
         * {@link FileInbox} makes "accepted" mean "on disk"). Call {@link Ingress#resume()} once at start.
         */
        public Builder inbox(Inbox inbox) {
            this.inbox = Objects.requireNonNull(inbox);
            return this;
        }

        /**
         * Deliveries that may wait for their turn at once (default 10,000); beyond it a delivery is
         * answered 503 and the log says so, instead of memory growing without bound.
         */
        public Builder maxQueued(int maxQueued) {
            this.maxQueued = maxQueued;
            return this;
        }

        /**
         * Events waiting for their turn at which the log warns once that the bot falls behind
         * (default 500); an INFO line follows when the backlog is back at half of it. The depth is
         * the {@code olbot.inbox.queued} gauge.
         */
        public Builder backlogWarning(int events) {
            this.backlogWarning = events;
            return this;
        }

        /**
         * Where {@code ONAPPINSTALL} is confirmed before it is trusted (needed by OAuth apps; without
         * a gate installs are ignored).
         */
        public Builder installGate(InstallGate gate) {
            this.installGate = gate;
            return this;
        }

        /** How events are verified (required); usually {@link ApplicationTokenVerifier}. */
        public Builder verifier(EventVerifier verifier) {
            this.verifier = verifier;
            return this;
        }

        public Builder dedupe(DedupeStore dedupe) {
            this.dedupe = dedupe;
            return this;
        }

        public Builder decoder(EventDecoder decoder) {
            this.decoder = decoder;
            return this;
        }

        /**
         * Threads that run handlers when no executor is given (default 200: as many dialogs may block
         * in a handler at once before the others wait; virtual threads are used on Java 21+).
         */
        public Builder workerThreads(int threads) {
            this.workerThreads = threads;
            return this;
        }

        /** Runs handlers on this executor instead of an own pool (the caller shuts it down). */
        public Builder workers(ExecutorService workers) {
            this.workers = workers;
            return this;
        }
    }

    /** Handler threads: virtual threads when the runtime has them, else a fixed daemon pool. */
    static final class WorkerPool {
        private WorkerPool() {}

        static ExecutorService create(int threads) {
            try {
                return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
            } catch (ReflectiveOperationException notJava21) {
                AtomicLong n = new AtomicLong();
                return Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "olbot-handler-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
            }
        }
    }
}
