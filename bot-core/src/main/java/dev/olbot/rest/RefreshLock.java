package dev.olbot.rest;

import java.time.Duration;
import java.util.Optional;

/**
 * SPI: one OAuth refresh per portal across every instance that shares a {@link TokenStore}. Before
 * it refreshes, the client takes the portal's lock, reads the store again (another instance may
 * have rotated the pair meanwhile — then that pair is used and nothing is refreshed), refreshes,
 * saves the new pair, and releases the lock. Bitrix24's refresh tokens work once, so two instances
 * refreshing with the same one would cost the install ({@code invalid_grant}).
 *
 * <p>Methods may block; the client calls them off the event loop. The default,
 * {@link #inProcess()}, is for a single instance: the client already lets only one refresh per
 * portal run at a time in its process.
 */
public interface RefreshLock {

    /**
     * Takes the portal's lock for at most {@code lease} (it is released by then even if this
     * process dies), waiting at most {@code wait} for another holder.
     *
     * @return the held lock, or empty when another holder kept it past {@code wait}
     */
    Optional<Held> acquire(String memberId, Duration lease, Duration wait);

    /** A taken lock. */
    interface Held {
        /** Releases the lock if this holder still has it (a lease that ran out is not taken from its new holder). */
        void release();
    }

    /** One process: the client's own single-flight refresh is the lock. */
    static RefreshLock inProcess() {
        return (memberId, lease, wait) -> Optional.of(() -> {});
    }
}
