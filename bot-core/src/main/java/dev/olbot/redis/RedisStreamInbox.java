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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
    /** KEYS: stream. ARGV: group, id. */
    private static final String ACK = """
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            return redis.call('XDEL', KEYS[1], ARGV[2])
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

    private enum State { CLAIMING, READING, RELEASING }

    private final Vertx vertx;
    private final RedisLink redis;
    private final String instance;
    private final Options options;
    private final PartitionLeases leases;
    private final long renewEveryNanos;
    private final long blockMillis;
    /** Owned partitions and their state: touched on {@link #context} only. */
    private final Map<Integer, State> owned = new TreeMap<>();
    /** Stream ids handed out and not yet acknowledged, per partition (context only; survives losing a lease). */
    private final Map<Integer, Set<String>> inFlight = new HashMap<>();
    private final AtomicInteger inFlightCount = new AtomicInteger();
    private final AtomicLong localIds = new AtomicLong();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile Set<Integer> ownedView = Set.of();
    private volatile boolean closed;
    private volatile boolean dead;
    private final AtomicBoolean released = new AtomicBoolean();
    private Context context;
    private Consumer<Taken> handler;
    private long nextMaintenance;
    /** Until when (nanoTime) the leases renewed last are surely still ours; nothing is handed out past it. */
    private long leasesValidUntil;
    private boolean failing;

    private RedisStreamInbox(Vertx vertx, RedisLink redis, String instance, Options options) {
        this.vertx = vertx;
        this.redis = redis;
        this.instance = instance;
        this.options = options;
        this.leases = new PartitionLeases(redis, instance, options.lease());
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
        return redis.key("inbox:" + partition);
    }

    @Override
    public CompletableFuture<Long> append(Delivery delivery) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the inbox is closed"));
        }
        List<Object> args = new ArrayList<>();
        args.add(stream(partitionOf(delivery.laneKey(), options.partitions())));
        args.add("*");
        args.addAll(StreamRecords.fields(delivery, System.currentTimeMillis()));
        return redis.send(Command.XADD, args.toArray()).map(id -> localIds.incrementAndGet())
                .toCompletionStage().toCompletableFuture();
    }

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
        if (this.handler != null) {
            throw new IllegalStateException("already started");
        }
        this.handler = handler;
        this.context = vertx.getOrCreateContext();
        context.runOnContext(v -> cycle());
    }

    /** The partitions this instance owns now. */
    public Set<Integer> ownedPartitions() {
        return ownedView;
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
            maintain().onComplete(x -> {
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
        List<Integer> reading = owned.entrySet().stream().filter(e -> e.getValue() == State.READING).map(Map.Entry::getKey).toList();
        if (reading.isEmpty() || inFlightCount.get() >= options.maxInFlight() || !leasesValid()) {
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
                // closed, or stalled past the lease (a pause): what was read stays pending for the partition's owner
                if (!closed && leasesValid()) {
                    StreamRecords.fromRead(r.result()).forEach(this::handOut);
                }
                cycle();
            } else {
                trouble("reading the inbox", r.cause());
                if (String.valueOf(r.cause().getMessage()).startsWith("NOGROUP")) {
                    Future.all(reading.stream().map(this::ensureGroup).toList()); // the streams were deleted under us
                }
                vertx.setTimer(Math.max(blockMillis, 200), t -> cycle());
            }
        });
    }

    private boolean leasesValid() {
        return System.nanoTime() - leasesValidUntil < 0;
    }

    private Future<Void> maintain() {
        long sent = System.nanoTime();
        return leases.heartbeat().compose(live -> {
            int target = (options.partitions() + live - 1) / live;
            return leases.renew(List.copyOf(owned.keySet())).compose(lost -> {
                leasesValidUntil = sent + options.lease().toNanos() * 9 / 10;
                for (int p : lost) {
                    owned.remove(p);
                    log.warn("inbox partition {} is no longer this instance's (its lease ran out); another instance handles it", p);
                }
                return rebalance(target);
            });
        }).onComplete(x -> ownedView = Set.copyOf(owned.keySet()));
    }

    /** Releases what is above the target (once handled), takes free partitions up to it. */
    private Future<Void> rebalance(int target) {
        List<Integer> readingNow = owned.entrySet().stream().filter(e -> e.getValue() == State.READING).map(Map.Entry::getKey).toList();
        for (int i = readingNow.size() - 1; i >= 0 && owned.size() - releasingCount() > target; i--) {
            owned.put(readingNow.get(i), State.RELEASING); // stop reading it; give it up once its entries are handled
        }
        List<Integer> drained = owned.entrySet().stream()
                .filter(e -> e.getValue() == State.RELEASING && inFlight.getOrDefault(e.getKey(), Set.of()).isEmpty())
                .map(Map.Entry::getKey).toList();
        Future<Void> released = leases.release(drained).onSuccess(x -> drained.forEach(owned::remove));
        return released.compose(x -> {
            int wanted = target - owned.size();
            if (wanted <= 0) {
                return Future.succeededFuture();
            }
            return leases.acquire(candidates(), wanted).compose(got -> {
                Future<Void> chain = Future.succeededFuture();
                for (int p : got) {
                    chain = chain.compose(y -> takeOver(p));
                }
                return chain;
            });
        });
    }

    private long releasingCount() {
        return owned.values().stream().filter(s -> s == State.RELEASING).count();
    }

    /** Partitions not owned here, starting at a place of this instance's own (so instances do not all race for 0, 1, 2…). */
    private List<Integer> candidates() {
        int n = options.partitions();
        int start = partitionOf(instance, n);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int p = (start + i) % n;
            if (!owned.containsKey(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** A partition just leased: its group exists, and its pending entries are handed out (in order) before new ones. */
    private Future<Void> takeOver(int partition) {
        owned.put(partition, State.CLAIMING); // not read until its pending entries were handed out
        return ensureGroup(partition).compose(x -> claim(partition, "0-0")).onSuccess(x -> {
            if (owned.containsKey(partition)) {
                owned.put(partition, State.READING);
            }
        }).recover(e -> {
            // its older entries were not all handed out: reading newer ones now would break their order; try again later
            owned.remove(partition);
            leases.release(List.of(partition));
            return Future.failedFuture(e);
        });
    }

    private Future<Void> claim(int partition, String from) {
        String stream = stream(partition);
        return redis.send(Command.XAUTOCLAIM, stream, GROUP, instance, 0, from, "COUNT", 100).compose(r -> {
            List<StreamRecords.Read> entries = StreamRecords.fromClaim(stream, r);
            Set<String> mine = inFlight.getOrDefault(partition, Set.of());
            int again = 0;
            for (StreamRecords.Read e : entries) {
                if (!mine.contains(e.id()) && !closed) { // still running here from an earlier lease: not twice
                    handOut(e);
                    again++;
                }
            }
            if (again > 0) {
                log.info("inbox partition {}: {} event(s) taken by an earlier owner and not handled are handled now", partition, again);
            }
            String next = r.get(0).toString();
            return "0-0".equals(next) ? Future.succeededFuture() : claim(partition, next);
        });
    }

    private Future<Void> ensureGroup(int partition) {
        return redis.send(Command.XGROUP, "CREATE", stream(partition), GROUP, "0", "MKSTREAM").<Void>mapEmpty()
                .recover(e -> String.valueOf(e.getMessage()).startsWith("BUSYGROUP") ? Future.succeededFuture() : Future.failedFuture(e));
    }

    private void handOut(StreamRecords.Read e) {
        int partition = Integer.parseInt(e.stream().substring(e.stream().lastIndexOf(':') + 1));
        if (!inFlight.computeIfAbsent(partition, p -> new HashSet<>()).add(e.id())) {
            return;
        }
        inFlightCount.incrementAndGet();
        AtomicBoolean once = new AtomicBoolean();
        Entry entry = new Entry(localIds.incrementAndGet(), e.receivedAtMillis(), e.delivery());
        handler.accept(new Taken(entry, () -> {
            if (once.compareAndSet(false, true) && !dead) {
                context.runOnContext(v -> ack(partition, e.stream(), e.id()));
            }
        }));
    }

    private void ack(int partition, String stream, String id) {
        redis.eval(ACK, List.of(stream), List.of(GROUP, id)).onComplete(r -> {
            if (r.failed()) {
                // stays pending: handled again by the next owner of the partition (at least once)
                log.warn("could not acknowledge inbox entry {} of partition {}: {}", id, partition, r.cause().getMessage());
            }
            Set<String> ids = inFlight.get(partition);
            if (ids != null && ids.remove(id)) {
                inFlightCount.decrementAndGet();
            }
        });
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

    /** Entries handed out here and not yet handled. */
    public int inFlight() {
        return inFlightCount.get();
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
            while (inFlightCount.get() > 0 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            CompletableFuture<Void> gone = new CompletableFuture<>();
            context.runOnContext(v -> leases.release(List.copyOf(owned.keySet())).compose(x -> leases.leave())
                    .onComplete(x -> gone.complete(null)));
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
        dead = true;
        closed = true;
    }
}
