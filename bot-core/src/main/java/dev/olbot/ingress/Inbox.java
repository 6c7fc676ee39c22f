package dev.olbot.ingress;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SPI: where an accepted delivery is kept until it was handled. The ingress answers 200 only when
 * {@link #append} completed, so "accepted" means "durable": a crash between the answer and the
 * handling loses nothing, and the next start handles what the inbox still holds
 * ({@link #recover}). Bitrix24 never redelivers an event, so this is the only place it can be kept.
 *
 * <p>{@link FileInbox} (a journal in the data folder) is the default of {@code BotServer};
 * {@link #inMemory()} keeps nothing across a restart (tests, in-process kits).
 */
public interface Inbox extends AutoCloseable {

    /**
     * One accepted delivery as it arrived (the raw body is kept, so a restart decodes it again).
     *
     * @param laneKey the lane its event runs in ({@code BotEvent.laneKey()}: portal and dialog, or the
     *                portal); a {@link SharedInbox} partitions by it. Not kept by a {@link FileInbox}
     *                (a restart decodes the body again); empty when unknown
     */
    record Delivery(String dedupeKey, String contentType, String body, Map<String, String> query, String laneKey) {

        public Delivery(String dedupeKey, String contentType, String body, Map<String, String> query) {
            this(dedupeKey, contentType, body, query, "");
        }
    }

    /** A delivery kept and not yet marked handled, with the id {@link #append} gave it. */
    record Entry(long id, long receivedAtMillis, Delivery delivery) {}

    /**
     * What a start finds: the deliveries not handled yet, in arrival order, and the dedupe keys of
     * recent deliveries (with their arrival time) so a late duplicate is still recognised.
     */
    record Recovered(List<Entry> pending, Map<String, Long> recentKeys) {}

    /** Keeps {@code delivery}; completes with its id once it is durable. */
    CompletableFuture<Long> append(Delivery delivery);

    /** Marks the delivery handled; it will not be replayed. */
    void handled(long id);

    /** Reads what an earlier run left (call once, before the first {@link #append}). */
    Recovered recover();

    @Override
    void close();

    /** Keeps nothing: accepted deliveries live in memory only and are lost with the process. */
    static Inbox inMemory() {
        AtomicLong ids = new AtomicLong();
        return new Inbox() {
            @Override
            public CompletableFuture<Long> append(Delivery delivery) {
                return CompletableFuture.completedFuture(ids.incrementAndGet());
            }

            @Override
            public void handled(long id) {}

            @Override
            public Recovered recover() {
                return new Recovered(List.of(), Map.of());
            }

            @Override
            public void close() {}
        };
    }
}
