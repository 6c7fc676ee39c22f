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
 * <p>While anything is spilled — here, or by another instance ({@link SpillBoard}) — new deliveries
 * are spilled too, and a delivery is moved only when no other instance still keeps an older one, so
 * a dialog's later event never overtakes an earlier one, even when the two reached different
 * instances. Before moving a delivery, {@code stillOurs} settles in the shared store whether this
 * instance is the one to hand it in (a duplicate delivered to another instance during the outage may
 * have been taken there): a delivery that is not ours is dropped. What was spilled and not moved when
 * the process stopped is moved after the next start.
 */
public final class SpillingInbox implements SharedInbox {

    private static final Logger log = LoggerFactory.getLogger(SpillingInbox.class);

    private final SharedInbox shared;
    private final Inbox spill;
    private final Predicate<String> stillOurs;
    private final SpillBoard board;
    private final java.util.function.BooleanSupplier unsettled;
    private final long waitMillis;
    /** The board holds this instance's entry (set before a spilled delivery's 200, cleared when the spill is empty). */
    private volatile boolean onBoard;
    /** Another instance keeps spilled deliveries (as the mover last read the board). */
    private volatile boolean othersSpilling;
    private final ConcurrentLinkedDeque<Entry> spilled = new ConcurrentLinkedDeque<>();
    /** Spilled and not moved yet, counted from before the spill's write completes (see {@link #append}). */
    private final AtomicInteger spilling = new AtomicInteger();
    private final ScheduledExecutorService mover = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "olbot-spill-mover");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean outageLogged;
    private static final long MOVE_EVERY_MILLIS = 200;
    /** While nothing is kept anywhere, the mover reads the board every this many rounds. */
    private static final int IDLE_READ_EVERY = 5;
    /** Mover rounds with nothing kept (the mover's thread only). */
    private int idleRounds;

    /**
     * @param shared     the inbox of the cluster (Redis Streams)
     * @param spill      the local journal (e.g. {@code spill.journal} in the data folder)
     * @param stillOurs  blocking: whether this instance hands in the delivery with this dedupe key
     *                   (it claims the key in the shared store, or finds its own claim); throws while
     *                   the shared store does not answer
     * @param board      where the instances say what they still keep
     * @param unsettled  true while the shared store has just failed (or came back a moment ago): appends
     *                   spill then, until every instance that kept something has said so on the board
     * @param wait       how long an append waits for the shared inbox before it spills
     */
    public SpillingInbox(SharedInbox shared, Inbox spill, Predicate<String> stillOurs, SpillBoard board,
            java.util.function.BooleanSupplier unsettled, java.time.Duration wait) {
        this.shared = shared;
        this.spill = spill;
        this.stillOurs = stillOurs;
        this.board = board;
        this.unsettled = unsettled;
        this.waitMillis = wait.toMillis();
        spill.recover().pending().forEach(e -> {
            spilled.add(e);
            spilling.incrementAndGet();
        });
        if (!spilled.isEmpty()) {
            log.info("{} delivery(ies) kept locally during an outage of the shared inbox will be moved into it", spilled.size());
        }
        mover.scheduleWithFixedDelay(this::move, MOVE_EVERY_MILLIS, MOVE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<Long> append(Delivery delivery) {
        long arrived = System.currentTimeMillis();
        if (spilling.get() > 0 || othersSpilling || unsettled()) {
            return keepHere(delivery, arrived); // behind what is already kept here or elsewhere
        }
        return shared.append(delivery).orTimeout(waitMillis, TimeUnit.MILLISECONDS).handle((id, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(id);
            }
            lastFailureNanos = System.nanoTime();
            if (!outageLogged) {
                outageLogged = true;
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                String why = cause instanceof java.util.concurrent.TimeoutException ? "no answer within " + waitMillis + " ms"
                        : String.valueOf(cause.getMessage());
                log.warn("the shared inbox does not take deliveries ({}); keeping them locally until it does",
                        dev.olbot.wire.LogSafe.escape(why));
            }
            return keepHere(delivery, arrived);
        }).thenCompose(f -> f);
    }

    /**
     * Keeps the delivery in the spill; before its 200 the board says this instance keeps something, so
     * no other instance appends a later delivery past it (if the store does not take that within 0.5 s
     * it is down, nobody can append past it, and the mover says so once it answers).
     */
    private CompletableFuture<Long> keepHere(Delivery delivery, long arrived) {
        spilling.incrementAndGet();
        CompletableFuture<Long> kept = spill.append(delivery).whenComplete((id, failure) -> {
            if (failure == null) {
                spilled.add(new Entry(id, arrived, delivery));
            } else {
                spilling.decrementAndGet();
            }
        });
        if (onBoard || System.nanoTime() - boardFailedNanos < TimeUnit.SECONDS.toNanos(1)) {
            return kept; // on the board already, or the store just did not take it: the mover says so once it answers
        }
        return kept.thenCompose(id -> board.keepingAsync(arrived).toCompletableFuture()
                .orTimeout(BOARD_WAIT_MILLIS, TimeUnit.MILLISECONDS).handle((ok, failure) -> {
            if (failure == null) {
                onBoard = true;
            } else {
                boardFailedNanos = System.nanoTime();
            }
            return id;
        }));
    }

    /**
     * Moves what was kept here into the shared inbox, oldest first and never past an older delivery
     * another instance still keeps: each round says on the board what this instance keeps, then reads
     * the others, and moves nothing while the store is unsettled (it failed, or came back, within the
     * last seconds — the others' movers say what they kept from the outage meanwhile). Stops at the
     * first failure and tries again next round.
     */
    private void move() {
        if (spilled.isEmpty() && !onBoard && !othersSpilling && ++idleRounds % IDLE_READ_EVERY != 0) {
            return; // nothing kept anywhere: read the board once a second, not every round
        }
        int moved = 0;
        int dropped = 0;
        try {
            Entry first = spilled.peek();
            if (first != null) {
                board.keeping(first.receivedAtMillis()); // said before reading the others: no two instances pass each other
                onBoard = true;
            }
            java.util.OptionalLong others = board.othersOldest();
            othersSpilling = others.isPresent();
            // just after an outage, wait until every instance that kept something had the time to say so
            long before = unsettled() ? Long.MIN_VALUE : others.orElse(Long.MAX_VALUE);
            for (Entry e = spilled.peek(); e != null && e.receivedAtMillis() <= before; e = spilled.peek()) {
                String key = e.delivery().dedupeKey();
                if (!key.isEmpty() && !stillOurs.test(key)) {
                    dropped++;
                } else {
                    shared.appendKept(e.delivery()).get(waitMillis, TimeUnit.MILLISECONDS);
                    moved++;
                }
                spill.handled(e.id());
                spilled.poll();
                spilling.decrementAndGet();
            }
            Entry oldest = spilled.peek();
            if (oldest != null && moved + dropped > 0) {
                board.keeping(oldest.receivedAtMillis()); // the oldest kept here is a later one now
            } else if (oldest == null && (onBoard || moved + dropped > 0)) {
                board.empty();
                onBoard = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception stillDown) {
            return; // the next round tries again, from the same delivery
        } finally {
            if (moved + dropped > 0) {
                log.info("moved {} delivery(ies) kept locally into the shared inbox ({} taken by another instance, dropped)",
                        moved, dropped);
            }
        }
        if (spilled.isEmpty()) {
            outageLogged = false;
        }
    }

    /** The shared store failed a moment ago (here, or as the store's own client saw it): appends go to the spill. */
    private boolean unsettled() {
        return System.nanoTime() - lastFailureNanos < TimeUnit.SECONDS.toNanos(1) || unsettled.getAsBoolean();
    }

    /** How long a spilled delivery's 200 waits for the board to say this instance keeps something. */
    private static final long BOARD_WAIT_MILLIS = 500;
    /** When saying so on the board last failed (then spilled deliveries do not wait for it for a second). */
    private volatile long boardFailedNanos = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

    /** When an append to the shared inbox last failed or ran out of time. */
    private volatile long lastFailureNanos = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

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
