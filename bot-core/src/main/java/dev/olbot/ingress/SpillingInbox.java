package dev.olbot.ingress;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SharedInbox} that does not turn an outage of the shared store into lost events: a
 * delivery the shared inbox cannot take (it failed or did not answer within the wait) is kept in a
 * local journal instead — still durable before the 200 — and moved into the shared inbox, in
 * arrival order, once it takes deliveries again. Bitrix24 never redelivers an event, so a 503 during
 * an outage would lose it at the sender.
 *
 * <p>While anything is spilled, new deliveries are spilled too, so a dialog's later event never
 * overtakes an earlier one kept here. Before moving a delivery, {@code stillOurs} settles in the
 * shared store whether this instance is the one to hand it in (a duplicate delivered to another
 * instance during the outage may have been taken there): a delivery that is not ours is dropped.
 * What was spilled and not moved when the process stopped is moved after the next start.
 */
public final class SpillingInbox implements SharedInbox {

    private static final Logger log = LoggerFactory.getLogger(SpillingInbox.class);

    private final SharedInbox shared;
    private final Inbox spill;
    private final Predicate<String> stillOurs;
    private final long waitMillis;
    private final ConcurrentLinkedDeque<Entry> spilled = new ConcurrentLinkedDeque<>();
    /** Spilled and not moved yet, counted from before the spill's write completes (see {@link #append}). */
    private final AtomicInteger spilling = new AtomicInteger();
    private final ScheduledExecutorService mover = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "olbot-spill-mover");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean outageLogged;

    /**
     * @param shared     the inbox of the cluster (Redis Streams)
     * @param spill      the local journal (e.g. {@code spill.journal} in the data folder)
     * @param stillOurs  blocking: whether this instance hands in the delivery with this dedupe key
     *                   (it claims the key in the shared store, or finds its own claim); throws while
     *                   the shared store does not answer
     * @param wait       how long an append waits for the shared inbox before it spills
     */
    public SpillingInbox(SharedInbox shared, Inbox spill, Predicate<String> stillOurs, java.time.Duration wait) {
        this.shared = shared;
        this.spill = spill;
        this.stillOurs = stillOurs;
        this.waitMillis = wait.toMillis();
        spill.recover().pending().forEach(e -> {
            spilled.add(e);
            spilling.incrementAndGet();
        });
        if (!spilled.isEmpty()) {
            log.info("{} delivery(ies) kept locally during an outage of the shared inbox will be moved into it", spilled.size());
        }
        mover.scheduleWithFixedDelay(this::move, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public CompletableFuture<Long> append(Delivery delivery) {
        if (spilling.get() > 0) {
            return keepHere(delivery); // behind what is already kept here
        }
        return shared.append(delivery).orTimeout(waitMillis, TimeUnit.MILLISECONDS).handle((id, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(id);
            }
            if (!outageLogged) {
                outageLogged = true;
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                String why = cause instanceof java.util.concurrent.TimeoutException ? "no answer within " + waitMillis + " ms"
                        : String.valueOf(cause.getMessage());
                log.warn("the shared inbox does not take deliveries ({}); keeping them locally until it does",
                        dev.olbot.wire.LogSafe.escape(why));
            }
            return keepHere(delivery);
        }).thenCompose(f -> f);
    }

    private CompletableFuture<Long> keepHere(Delivery delivery) {
        spilling.incrementAndGet();
        return spill.append(delivery).whenComplete((id, failure) -> {
            if (failure == null) {
                spilled.add(new Entry(id, System.currentTimeMillis(), delivery));
            } else {
                spilling.decrementAndGet();
            }
        });
    }

    /** Moves what was kept here into the shared inbox, oldest first; stops at the first failure and tries again later. */
    private void move() {
        int moved = 0;
        int dropped = 0;
        try {
            for (Entry e = spilled.peek(); e != null; e = spilled.peek()) {
                String key = e.delivery().dedupeKey();
                if (!key.isEmpty() && !stillOurs.test(key)) {
                    dropped++;
                } else {
                    shared.append(e.delivery()).get(waitMillis, TimeUnit.MILLISECONDS);
                    moved++;
                }
                spill.handled(e.id());
                spilled.poll();
                spilling.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception stillDown) {
            return; // the next round tries again, from the same delivery
        } finally {
            if (moved + dropped > 0) {
                log.info("moved {} delivery(ies) kept locally into the shared inbox ({} taken by another instance, dropped)",
                        moved, dropped);
            }
        }
        outageLogged = false;
    }

    /** Deliveries kept locally and not moved into the shared inbox yet. */
    public int spilled() {
        return spilling.get();
    }

    @Override
    public void handled(long id) {}

    /** Nothing to recover through the ingress: what was spilled is moved into the shared inbox. */
    @Override
    public Recovered recover() {
        return shared.recover();
    }

    @Override
    public void start(Consumer<Taken> handler) {
        shared.start(handler);
    }

    @Override
    public void stopHandingOut() {
        shared.stopHandingOut();
    }

    /** The shared inbox's backlog plus what is kept here (blocking; throws while the shared store does not answer). */
    @Override
    public long backlog() {
        return shared.backlog() + spilling.get();
    }

    /** Stops moving (what is kept here stays in the journal for the next start), then closes both. */
    @Override
    public void close() {
        mover.shutdownNow();
        try {
            mover.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shared.close();
        spill.close();
    }
}
