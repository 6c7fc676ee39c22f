package dev.olbot.ingress;

import dev.olbot.event.BotEvent;
import dev.olbot.event.EventDecodeException;
import dev.olbot.event.EventDecoder;
import dev.olbot.event.Portal;
import dev.olbot.rest.RestCaller;
import dev.olbot.rest.methods.OpenLinesApi;
import dev.olbot.rest.methods.result.EventBatch;
import dev.olbot.rest.methods.result.FetchedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chatbots 2.0 fetch mode: polls {@code imbot.v2.Event.get} for one bot on one portal and feeds the
 * events through the {@link Ingress} (dedupe by {@code eventId}, per-dialog lanes). An offset is
 * confirmed (passed to the next poll) only after every event below it was handled, so a crash
 * redelivers instead of losing. Pacing follows the docs: with {@code hasMore} the next poll comes
 * after {@code busyDelay} (≥ 2 s); when idle, the delay grows from {@code idleDelay} to
 * {@code maxIdleDelay} (5–30 s) and snaps back when events arrive. With a shared {@link PollLease} (several
 * instances of one bot) it polls only while it holds the lease and asks for it again every {@code idleDelay}.
 */
public final class EventPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventPoller.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the confirmed offset lives between restarts. */
    public interface OffsetStore {
        long load();

        void save(long offset);

        /**
         * The offset in a small file (written to a temporary file and moved into place), so a restart
         * confirms what was handled before it instead of getting it again.
         */
        static OffsetStore file(java.nio.file.Path file) {
            return new OffsetStore() {
                public synchronized long load() {
                    try {
                        return java.nio.file.Files.exists(file) ? Long.parseLong(java.nio.file.Files.readString(file).strip()) : 0;
                    } catch (java.io.IOException | NumberFormatException e) {
                        throw new IllegalStateException("cannot read the event offset from " + file + ": " + e.getMessage(), e);
                    }
                }

                public synchronized void save(long offset) {
                    try {
                        java.nio.file.Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                        java.nio.file.Files.writeString(tmp, Long.toString(offset));
                        java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException("cannot save the event offset to " + file, e);
                    }
                }
            };
        }

        static OffsetStore inMemory() {
            AtomicLong v = new AtomicLong();
            return new OffsetStore() {
                public long load() {
                    return v.get();
                }

                public void save(long offset) {
                    v.set(offset);
                }
            };
        }
    }

    /** Poll settings. */
    public record Options(int limit, Duration busyDelay, Duration idleDelay, Duration maxIdleDelay, boolean withUserEvents) {
        public static Options defaults() {
            return new Options(100, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30), false);
        }
    }

    private final OpenLinesApi api;
    private final Portal portal;
    private final long botId;
    private final Ingress ingress;
    private final Options options;
    private final PollLease lease;
    private final OffsetStore offsets;
    private final EventDecoder decoder = EventDecoder.create();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "olbot-poller");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopped;
    private long idle;

    /** A poller that polls alone (one instance), its offset in {@code offsets}. */
    public EventPoller(RestCaller rest, Portal portal, long botId, Ingress ingress, Options options, OffsetStore offsets) {
        this(rest, portal, botId, ingress, options, PollLease.alone(offsets));
    }

    /**
     * A poller that polls only while it holds {@code lease} (cluster mode: one leader per portal and
     * bot); a follower asks again every {@code idleDelay}.
     */
    public EventPoller(RestCaller rest, Portal portal, long botId, Ingress ingress, Options options, PollLease lease) {
        this.api = OpenLinesApi.on(rest, portal.key());
        this.portal = portal;
        this.botId = botId;
        this.ingress = ingress;
        this.options = options;
        this.lease = lease;
        this.offsets = lease.offsets();
        this.idle = options.idleDelay().toMillis();
    }

    /** Starts polling at once. */
    public EventPoller start() {
        timer.execute(this::loop);
        return this;
    }

    private void loop() {
        if (stopped) {
            return;
        }
        long delay;
        try {
            if (!lease.lead()) {
                idle = options.idleDelay().toMillis(); // a follower: ask for the lease again soon
                timer.schedule(this::loop, idle, TimeUnit.MILLISECONDS);
                return;
            }
            PollResult r = pollOnce();
            if (r.hasMore()) {
                delay = options.busyDelay().toMillis();
            } else if (r.events() > 0) {
                idle = options.idleDelay().toMillis();
                delay = idle;
            } else {
                delay = idle;
                idle = Math.min(options.maxIdleDelay().toMillis(), idle * 2);
            }
        } catch (RuntimeException e) {
            log.warn("polling imbot.v2.Event.get for bot {} on {} failed: {}", botId, portal.domain(), e.getMessage());
            delay = options.maxIdleDelay().toMillis();
        }
        if (!stopped) {
            timer.schedule(this::loop, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** What one poll got. */
    public record PollResult(int events, boolean hasMore, long confirmedOffset) {}

    /**
     * One poll: fetch with the confirmed offset, hand every event to the ingress, wait until they are
     * handled, then remember the next offset. Blocking; runs on the poller's thread (or a test's).
     */
    public PollResult pollOnce() {
        long offset = offsets.load();
        EventBatch batch = await(api.imbotV2().events(botId, offset == 0 ? null : offset, options.limit(),
                options.withUserEvents() ? Boolean.TRUE : null));
        List<CompletableFuture<?>> handled = new ArrayList<>();
        for (FetchedEvent item : batch.events()) {
            BotEvent event;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> raw = JSON.convertValue(Map.of("eventId", item.eventId(), "type", item.type(),
                        "date", item.date(), "data", item.data()), Map.class);
                event = decoder.decodeFetched(raw, portal);
            } catch (EventDecodeException e) {
                log.warn("skipping fetched event {} ({}): {}", item.eventId(), item.type(), e.getMessage());
                continue;
            }
            handled.add(hand(event));
        }
        CompletableFuture.allOf(handled.toArray(CompletableFuture[]::new)).join();
        if (batch.nextOffset() > offset) {
            offsets.save(batch.nextOffset());
        }
        return new PollResult(batch.events().size(), batch.hasMore(), offsets.load());
    }

    /**
     * Alone: through the ingress's dedupe. Shared: skipped when a leader handled it before, else
     * handled here and marked once handled (a crash between the two handles it once more).
     */
    private CompletableFuture<?> hand(BotEvent event) {
        if (!lease.shared() || event.dedupeKey().isEmpty()) {
            return ingress.accept(event);
        }
        String key = event.dedupeKey().get();
        if (lease.handled(key)) {
            return CompletableFuture.completedFuture(null);
        }
        return ingress.acceptWithoutDedupe(event).thenAccept(outcome -> {
            if (outcome instanceof Outcome.Accepted) {
                lease.markHandled(key);
            }
        });
    }

    private static <T> T await(io.vertx.core.Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(70, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("imbot.v2.Event.get: no answer in 70 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stopped = true;
        timer.shutdownNow();
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.warn("releasing the poll lease of bot {} on {} failed (it runs out by itself): {}", botId, portal.domain(),
                    e.getMessage());
        }
    }
}
