package dev.olbot.ingress;

import java.util.OptionalLong;

/**
 * SPI: where the instances of a cluster say what they still keep in their spill journals
 * ({@link SpillingInbox}), so that none of them hands a delivery in before an older one another
 * instance still keeps — one dialog's messages may reach different instances during an outage.
 */
public interface SpillBoard {

    /** This instance keeps spilled deliveries; the oldest was received at {@code oldestMillis}. Blocking. */
    void keeping(long oldestMillis);

    /** {@link #keeping} without blocking. */
    java.util.concurrent.CompletionStage<Void> keepingAsync(long oldestMillis);

    /** This instance keeps nothing. */
    void empty();

    /**
     * The oldest arrival time any other live instance still keeps (empty when none keeps anything).
     * Blocking; throws while the shared store does not answer.
     */
    OptionalLong othersOldest();
}
