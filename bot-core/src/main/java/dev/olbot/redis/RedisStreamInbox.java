package dev.olbot.redis;

import dev.olbot.ingress.SharedInbox;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox of a cluster, on Redis Streams. A delivery goes to one of {@code P} streams
 * ({@code <prefix>inbox:<p>}, {@code p} = CRC-32 of its lane key mod {@code P}: one dialog's events,
 * or one portal's app-level events, always share a stream); {@link #append} completes once
 * {@code XADD} was acknowledged, so the ingress's 200 means "in Redis".
 *
 * <p><b>Handling.</b> Each partition is owned by one live instance through a lease
 * ({@link PartitionLeases}). The owner reads its streams in order with {@code XREADGROUP} (group
 * {@code olbot}, consumer = its instance id), hands each entry to its ingress, which runs it in the
 * dialog's lane, and removes it ({@code XACK} + {@code XDEL}) once handled. Instances count each
 * other through heartbeats and aim for {@code ceil(P / live)} partitions each: a joining instance
 * gets its share when the others release partitions (only once what they took from them was
 * handled), and a dead instance's partitions are taken when its leases expire. Whoever takes a
 * partition first re-claims its pending entries ({@code XAUTOCLAIM} — delivered to the old owner and
 * never acknowledged) and hands them out in order before anything newer.
 *
 * <p>Delivery is at least once: an entry handled and not yet acknowledged when its owner died is
 * handled again by the next owner (outbound idempotency keys keep its replies from being sent
 * twice). An owner whose lease could not be renewed stops handing out that partition's entries, but
 * a turn already running finishes; with a lease of {@code L}, an owner that stalls longer than
 * {@code L} (a GC pause, a lost network) may overlap the next owner for that turn.
 *
 * <p>Threading: every Redis call is asynchronous; the loop runs on one Vert.x context and never
 * blocks. {@link #open} and {@link #close} wait (call them off the event loop).
 */
public final class RedisStreamInbox implements SharedInbox {

    private static final Logger log = LoggerFactory.getLogger(RedisStreamInbox.class);
    static final String GROUP = "olbot";
    /** KEYS: the streams. Returns their entries, summed. */
    private static final String BACKLOG = """
            local n = 0
            for _, k in ipairs(KEYS) do n = n + redis.call('XLEN', k) end
            return n
            """;

    /**
     * @param partitions  streams the deliveries are spread over (every instance must use the same number)
     * @param lease       how long a partition stays an instance's without a renewal (renewed every third of it)
     * @param maxInFlight entries handed out and not yet handled at most, before reading pauses
     * @param readCount   entries read at most per {@code XREADGROUP}
     */
    public record Options(int partitions, Duration lease, int maxInFlight, int readCount) {

        public Options {
            if (partitions < 1 || partitions > 1024) {
                throw new IllegalArgumentException("partitions must be 1..1024, was " + partitions);
            }
            if (lease.toMillis() < 30) {
                throw new IllegalArgumentException("lease must be at least 30 ms, was " + lease.toMillis() + " ms");
            }
            if (maxInFlight < 1 || readCount < 1) {
                throw new IllegalArgumentException("maxInFlight and readCount must be positive");
            }
        }

        /** 16 partitions, a 10 s lease, 1,000 entries in flight, 100 per read. */
        public static Options defaults() {
            return new Options(16, Duration.ofSeconds(10), 1000, 100);
        }

        public Options withPartitions(int n) {
            return new Options(n, lease, maxInFlight, readCount);
        }

        public Options withLease(Duration d) {
            return new Options(partitions, d, maxInFlight, readCount);
        }
    }

    private final Vertx vertx;
    private final RedisLink redis;
    private final String instance;
    private final Options options;
    private final long renewEveryNanos;
    private final long blockMillis;
    private final AtomicLong localIds = new AtomicLong();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile boolean closed;
    private final AtomicBoolean released = new AtomicBoolean();
    private Context context;
    private HandOuts handOuts;
    private PartitionOwnership partitions;
    private long nextMaintenance;
    private boolean failing;

    private RedisStreamInbox(Vertx vertx, RedisLink redis, String instance, Options options) {
        this.vertx = vertx;
        this.redis = redis;
        this.instance = instance;
        this.options = options;
        this.renewEveryNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(10, options.lease().toMillis() / 3));
        this.blockMillis = Math.max(10, Math.min(1000, options.lease().toMillis() / 10));
    }

    /**
     * Opens the inbox of the cluster on {@code redis}; blocks to check that every instance uses the
     * same number of partitions (the first one to start records it).
     *
     * @param instance this instance's id, the same after a restart (its consumer name)
     * @throws IllegalArgumentException when Redis records another number of partitions
     */
    public static RedisStreamInbox open(Vertx vertx, RedisLink redis, String instance, Options options) {
        String key = redis.key("inbox:partitions");
        redis.call(Command.SET, key, options.partitions(), "NX");
        Response recorded = redis.call(Command.GET, key);
        if (recorded != null && recorded.toInteger() != options.partitions()) {
            throw new IllegalArgumentException("the inbox in Redis has " + recorded + " partitions (" + key
                    + "), this instance is configured for " + options.partitions()
                    + " (OLBOT_INBOX_PARTITIONS): every instance must use the same number");
        }
        return new RedisStreamInbox(vertx, redis, instance, options);
    }

    /** The partition of a lane key. */
    public static int partitionOf(String laneKey, int partitions) {
        CRC32 crc = new CRC32();
        crc.update(laneKey.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % partitions);
    }

    private String stream(int partition) {
        return StreamRecords.stream(redis, partition);
    }

    @Override
    public CompletableFuture<Long> append(Delivery delivery) {
        return append(delivery, "direct");
    }

    /** Appends a delivery that was kept in a spill first: never refused for the spills still pending. */
    @Override
    public CompletableFuture<Long> appendKept(Delivery delivery) {
        return append(delivery, "moved");
    }

    private CompletableFuture<Long> append(Delivery delivery, String how) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the inbox is closed"));
        }
        String stream = stream(partitionOf(delivery.laneKey(), options.partitions()));
        List<Object> fields = StreamRecords.fields(delivery, System.currentTimeMillis());
        if (delivery.dedupeKey().isEmpty()) {
            List<Object> args = new ArrayList<>();
            args.add(stream);
            args.add("*");
            args.addAll(fields);
            return redis.send(Command.XADD, args.toArray()).map(id -> localIds.incrementAndGet())
                    .toCompletionStage().toCompletableFuture();
        }
        List<Object> args = new ArrayList<>();
        args.add(APPENDED_KEPT.toMillis());
        args.add(how);
        args.addAll(fields);
        return redis.eval(APPEND_ONCE, List.of(stream, redis.key("inbox-appended:" + delivery.dedupeKey()), redis.key("spills")), args)
                .compose(r -> "SPILLS".equals(String.valueOf(r))
                        ? io.vertx.core.Future.<Long>failedFuture(new IllegalStateException(
                                "another instance still keeps deliveries it could not append: later ones wait behind them"))
                        : io.vertx.core.Future.succeededFuture(localIds.incrementAndGet()))
                .toCompletionStage().toCompletableFuture();
    }

    /**
     * KEYS: the stream, the delivery's appended mark, the instances' spill board. ARGV: how long the mark
     * is kept (ms), {@code direct} or {@code moved}, then the entry's fields. A direct append is refused
     * ({@code SPILLS}) while any instance says it keeps spilled deliveries ({@link RedisSpillBoard}), so
     * it cannot overtake an older one of its dialog kept there. Appends once per dedupe key: an append that timed out here and still ran in
     * Redis, and the same delivery appended again (from the spill, {@link dev.olbot.ingress.SpillingInbox}),
     * make one entry. Returns the entry's id.
     */
    private static final String APPEND_ONCE = """
            local id = redis.call('GET', KEYS[2])
            if id then return id end
            if ARGV[2] == 'direct' and redis.call('HLEN', KEYS[3]) > 0 then return 'SPILLS' end
            id = redis.call('XADD', KEYS[1], '*', unpack(ARGV, 3))
            redis.call('SET', KEYS[2], id, 'PX', ARGV[1])
            return id
            """;

    /**
     * How long an appended mark is kept: an append that timed out runs in Redis when Redis answers
     * again, and the spill is moved then too — within seconds of each other, far inside this.
     */
    private static final Duration APPENDED_KEPT = Duration.ofMinutes(10);

    /** Not used: a shared inbox's entries are marked through {@link Taken#done()}. */
    @Override
    public void handled(long id) {}

    /** Nothing to recover here: pending entries are re-claimed with their partitions. */
    @Override
    public Recovered recover() {
        return new Recovered(List.of(), Map.of());
    }

    @Override
    public void start(Consumer<Taken> handler) {
        if (this.handOuts != null) {
            throw new IllegalStateException("already started");
        }
        this.context = vertx.getOrCreateContext();
        this.handOuts = new HandOuts(redis, GROUP, context, handler);
        this.partitions = new PartitionOwnership(redis, instance, options, handOuts, () -> closed);
        context.runOnContext(v -> cycle());
    }

    /** The partitions this instance owns now. */
    public Set<Integer> ownedPartitions() {
        return partitions == null ? Set.of() : partitions.owned();
    }

    // ---- the loop: maintenance (heartbeat, leases) between reads, never during one

    private void cycle() {
        if (closed) {
            stopped.complete(null);
            return;
        }
        long now = System.nanoTime();
        if (now - nextMaintenance >= 0) {
            nextMaintenance = now + renewEveryNanos;
            partitions.maintain().onComplete(x -> {
                if (x.failed()) {
                    trouble("keeping the inbox's partitions", x.cause());
                }
                cycle();
            });
            return;
        }
        read();
    }

    private void read() {
        List<Integer> reading = partitions.reading();
        if (reading.isEmpty() || handOuts.count() >= options.maxInFlight() || !partitions.leasesValid()) {
            vertx.setTimer(blockMillis, t -> cycle());
            return;
        }
        List<Object> args = new ArrayList<>(List.of("GROUP", GROUP, instance, "COUNT", options.readCount(), "BLOCK", blockMillis,
                "STREAMS"));
        reading.forEach(p -> args.add(stream(p)));
        reading.forEach(p -> args.add(">"));
        redis.send(Command.XREADGROUP, args.toArray()).onComplete(r -> {
            if (r.succeeded()) {
                recovered();
                List<StreamRecords.Read> read = StreamRecords.fromRead(r.result());
                if (closed) {
                    // not handed out: pending in this consumer, claimed by the partitions' next owner
                } else if (partitions.leasesValid()) {
                    read.forEach(e -> handOuts.handOut(partitionOf(e), e));
                } else {
                    // stalled past the lease (a pause): the partitions may be another's now; if they are still ours,
                    // what was read is claimed again (in order) before anything newer is read
                    partitions.reclaimLater(read.stream().map(RedisStreamInbox::partitionOf).collect(java.util.stream.Collectors.toSet()));
                }
                cycle();
            } else {
                trouble("reading the inbox", r.cause());
                if (String.valueOf(r.cause().getMessage()).startsWith("NOGROUP")) {
                    Future.all(reading.stream().map(partitions::ensureGroup).toList()); // the streams were deleted under us
                }
                vertx.setTimer(Math.max(blockMillis, 200), t -> cycle());
            }
        });
    }

    /** The partition of an entry read from {@code <prefix>inbox:<p>}. */
    private static int partitionOf(StreamRecords.Read e) {
        return Integer.parseInt(e.stream().substring(e.stream().lastIndexOf(':') + 1));
    }

    private void trouble(String what, Throwable e) {
        if (!failing) {
            failing = true;
            log.error("{} failed: {} (retrying; deliveries are refused with 503 while Redis does not answer)", what,
                    dev.olbot.wire.LogSafe.escape(String.valueOf(e.getMessage())));
        }
    }

    private void recovered() {
        if (failing) {
            failing = false;
            log.info("the inbox reaches Redis again");
        }
    }

    /** Entries in every partition's stream: appended by any instance and not yet handled (blocking). */
    @Override
    public long backlog() {
        List<String> streams = new ArrayList<>();
        for (int p = 0; p < options.partitions(); p++) {
            streams.add(stream(p));
        }
        return redis.await(redis.eval(BACKLOG, streams, List.of())).toLong();
    }

    /** Entries handed out here and not yet handled. */
    public int inFlight() {
        return handOuts == null ? 0 : handOuts.count();
    }

    /**
     * Stops reading, waits (up to the lease) for what was handed out to be acknowledged, then gives
     * the partitions up at once and leaves the members, so the others take over without waiting for
     * the leases to run out. What was not handled stays pending and the next owner handles it.
     */
    @Override
    public void close() {
        stopHandingOut();
        if (!released.compareAndSet(false, true) || context == null) {
            return;
        }
        try {
            stopped.get(blockMillis + 5_000, TimeUnit.MILLISECONDS);
            long until = System.nanoTime() + options.lease().toNanos();
            while (inFlight() > 0 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            CompletableFuture<Void> gone = new CompletableFuture<>();
            context.runOnContext(v -> partitions.releaseAll().onComplete(x -> gone.complete(null)));
            gone.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("the inbox did not give its partitions up cleanly (they are taken over when the leases run out): {}",
                    e.getMessage());
        }
    }

    /** Hands nothing out any more (the first step of a clean stop); appends are refused from now on. */
    @Override
    public void stopHandingOut() {
        closed = true;
    }

    /** As if the process died: stops at once, acknowledges nothing more, releases nothing (tests). */
    void crash() {
        if (handOuts != null) {
            handOuts.die();
        }
        closed = true;
    }
}
