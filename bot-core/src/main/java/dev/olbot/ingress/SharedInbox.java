package dev.olbot.ingress;

import java.util.function.Consumer;

/**
 * SPI: an {@link Inbox} shared by several instances, which hands its deliveries out itself. The
 * instance that received a delivery only appends it; whichever instance owns the delivery's
 * partition at the time hands it to its {@link Ingress}, which decodes it and runs it in its
 * dialog's lane. {@link Ingress#resume()} starts the hand-out.
 *
 * <p>Contract: deliveries of one lane key (a dialog, or a portal for app-level events) are handed
 * out by one instance at a time, in the order they were appended; {@link Taken#done()} is called
 * once the delivery was handled (or failed), after which it is not handed out again. A delivery
 * handed out and never marked done (the instance died) is handed out again, before anything newer
 * of its lane, by the instance that takes over.
 */
public interface SharedInbox extends Inbox {

    /**
     * One delivery handed out for handling.
     *
     * @param entry the delivery (its {@code id} is local to this hand-out; use {@link #done})
     * @param done  marks it handled; call once, from any thread; never blocks
     */
    record Taken(Entry entry, Runnable done) {}

    /**
     * Appends a delivery that was kept elsewhere first ({@link SpillingInbox}); an inbox that refuses
     * {@link #append} while such deliveries are pending, so as not to let a later one overtake them,
     * takes these. By default the same as {@link #append}.
     */
    default java.util.concurrent.CompletableFuture<Long> appendKept(Delivery delivery) {
        return append(delivery);
    }

    /**
     * Starts handing out deliveries to {@code handler}, which must not block (it queues them in
     * lanes). Called once. {@link Inbox#handled(long)} is not used by a shared inbox.
     */
    void start(Consumer<Taken> handler);

    /**
     * Hands nothing out from now on (the ingress calls it when it drains); what is pending stays in
     * the inbox for whichever instance handles the partition next.
     */
    void stopHandingOut();

    /**
     * Deliveries kept and not yet handled, by any instance: what {@link Ingress#awaitIdle} waits for
     * besides its own lanes. May block (it asks the shared store); throws when that does not answer.
     */
    long backlog();
}
