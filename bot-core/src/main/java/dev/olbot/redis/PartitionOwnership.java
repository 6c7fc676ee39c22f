package dev.olbot.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which inbox partitions this instance owns, kept right between reads (never during one): a
 * heartbeat counts the live instances, owned leases are renewed, partitions above this instance's
 * share ({@code ceil(P / live)}) stop being read and are released once what was taken from them was
 * handled, and free ones are leased up to the share. A partition just leased is read only after its
 * pending entries (taken by an earlier owner, never acknowledged) were handed out, in order.
 * Touched on the inbox's Vert.x context only, except {@link #owned()}.
 */
final class PartitionOwnership {

    private static final Logger log = LoggerFactory.getLogger(RedisStreamInbox.class);
    private static final String GROUP = RedisStreamInbox.GROUP;

    private enum State { CLAIMING, READING, RELEASING }

    private final RedisLink redis;
    private final String instance;
    private final RedisStreamInbox.Options options;
    private final PartitionLeases leases;
    private final HandOuts handOuts;
    private final BooleanSupplier closed;
    private final Map<Integer, State> owned = new TreeMap<>();
    private volatile Set<Integer> ownedView = Set.of();
    private final Set<Integer> toReclaim = new java.util.HashSet<>();
    /** Until when (nanoTime) the leases renewed last are surely still ours; nothing is handed out past it. */
    private long leasesValidUntil;

    PartitionOwnership(RedisLink redis, String instance, RedisStreamInbox.Options options, HandOuts handOuts, BooleanSupplier closed) {
        this.redis = redis;
        this.instance = instance;
        this.options = options;
        this.leases = new PartitionLeases(redis, instance, options.lease());
        this.handOuts = handOuts;
        this.closed = closed;
    }

    /** The partitions owned now (any thread). */
    Set<Integer> owned() {
        return ownedView;
    }

    /** The partitions to read now, in order. */
    List<Integer> reading() {
        return owned.entrySet().stream().filter(e -> e.getValue() == State.READING).map(Map.Entry::getKey).toList();
    }

    /** Gives every partition up at once and leaves the members (a clean stop). */
    Future<Void> releaseAll() {
        return leases.release(List.copyOf(owned.keySet())).compose(x -> leases.leave());
    }

    boolean leasesValid() {
        return System.nanoTime() - leasesValidUntil < 0;
    }

    Future<Void> maintain() {
        long sent = System.nanoTime();
        return leases.heartbeat().compose(live -> {
            int target = (options.partitions() + live - 1) / live;
            return leases.renew(List.copyOf(owned.keySet())).compose(lost -> {
                leasesValidUntil = sent + options.lease().toNanos() * 9 / 10;
                for (int p : lost) {
                    owned.remove(p);
                    log.warn("inbox partition {} is no longer this instance's (its lease ran out); another instance handles it", p);
                }
                return reclaim().compose(x -> rebalance(target));
            });
        }).onComplete(x -> ownedView = Set.copyOf(owned.keySet()));
    }

    /**
     * Marks partitions whose entries were read but not handed out (the leases were not surely valid
     * when the read came back): while still owned, they are read again only after their pending
     * entries were claimed and handed out, so nothing read stays stuck in this consumer.
     */
    void reclaimLater(Set<Integer> partitions) {
        toReclaim.addAll(partitions);
    }

    private Future<Void> reclaim() {
        Future<Void> chain = Future.succeededFuture();
        for (int p : List.copyOf(toReclaim)) {
            toReclaim.remove(p);
            if (owned.get(p) == State.READING) {
                chain = chain.compose(x -> takeOver(p));
            }
        }
        return chain;
    }

    /** Releases what is above the target (once handled), takes free partitions up to it. */
    private Future<Void> rebalance(int target) {
        List<Integer> readingNow = owned.entrySet().stream().filter(e -> e.getValue() == State.READING).map(Map.Entry::getKey).toList();
        for (int i = readingNow.size() - 1; i >= 0 && owned.size() - releasingCount() > target; i--) {
            owned.put(readingNow.get(i), State.RELEASING); // stop reading it; give it up once its entries are handled
        }
        List<Integer> drained = owned.entrySet().stream()
                .filter(e -> e.getValue() == State.RELEASING && handOuts.drained(e.getKey()))
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
        int start = RedisStreamInbox.partitionOf(instance, n);
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
        String stream = StreamRecords.stream(redis, partition);
        return redis.send(Command.XAUTOCLAIM, stream, GROUP, instance, 0, from, "COUNT", 100).compose(r -> {
            List<StreamRecords.Read> entries = StreamRecords.fromClaim(stream, r);
            int again = 0;
            for (StreamRecords.Read e : entries) {
                if (!closed.getAsBoolean() && handOuts.handOut(partition, e)) { // not one still running here from an earlier lease
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

    Future<Void> ensureGroup(int partition) {
        return redis.send(Command.XGROUP, "CREATE", StreamRecords.stream(redis, partition), GROUP, "0", "MKSTREAM").<Void>mapEmpty()
                .recover(e -> String.valueOf(e.getMessage()).startsWith("BUSYGROUP") ? Future.succeededFuture() : Future.failedFuture(e));
    }
}
