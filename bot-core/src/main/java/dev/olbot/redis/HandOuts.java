package dev.olbot.redis;

import dev.olbot.ingress.Inbox;
import dev.olbot.ingress.SharedInbox;
import io.vertx.core.Context;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream entries an inbox handed out and that were not handled yet, per partition: each is
 * handed out once, and removed from its stream ({@code XACK} + {@code XDEL}) when its turn marks it
 * done. The bookkeeping lives on the inbox's Vert.x context; {@link #count()} may be read anywhere.
 */
final class HandOuts {

    private static final Logger log = LoggerFactory.getLogger(HandOuts.class);
    /** KEYS: stream. ARGV: group, id. */
    private static final String ACK = """
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            return redis.call('XDEL', KEYS[1], ARGV[2])
            """;

    private final RedisLink redis;
    private final String group;
    private final Context context;
    private final Consumer<SharedInbox.Taken> handler;
    /** Stream ids handed out and not yet acknowledged, per partition (context only; survives losing a lease). */
    private final Map<Integer, Set<String>> inFlight = new HashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean dead;

    HandOuts(RedisLink redis, String group, Context context, Consumer<SharedInbox.Taken> handler) {
        this.redis = redis;
        this.group = group;
        this.context = context;
        this.handler = handler;
    }

    /** Hands the entry to the handler unless it is out already; true when it was handed out now. */
    boolean handOut(int partition, StreamRecords.Read e) {
        if (!inFlight.computeIfAbsent(partition, p -> new HashSet<>()).add(e.id())) {
            return false;
        }
        count.incrementAndGet();
        AtomicBoolean once = new AtomicBoolean();
        Inbox.Entry entry = new Inbox.Entry(ids.incrementAndGet(), e.receivedAtMillis(), e.delivery());
        handler.accept(new SharedInbox.Taken(entry, () -> {
            if (once.compareAndSet(false, true) && !dead) {
                context.runOnContext(v -> ack(partition, e.stream(), e.id()));
            }
        }));
        return true;
    }

    /** True when nothing taken from {@code partition} is still waiting to be handled or acknowledged. */
    boolean drained(int partition) {
        return inFlight.getOrDefault(partition, Set.of()).isEmpty();
    }

    /** Entries handed out and not yet handled, over all partitions. */
    int count() {
        return count.get();
    }

    /** As if the process died: nothing handled from now on is acknowledged. */
    void die() {
        dead = true;
    }

    private void ack(int partition, String stream, String id) {
        redis.eval(ACK, List.of(stream), List.of(group, id)).onComplete(r -> {
            if (r.failed()) {
                // stays pending: handled again by the next owner of the partition (at least once)
                log.warn("could not acknowledge inbox entry {} of partition {}: {}", id, partition, r.cause().getMessage());
            }
            Set<String> out = inFlight.get(partition);
            if (out != null && out.remove(id)) {
                count.decrementAndGet();
            }
        });
    }
}
