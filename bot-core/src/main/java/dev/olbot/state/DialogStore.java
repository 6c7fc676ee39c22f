package dev.olbot.state;

import java.util.List;
import java.util.Optional;

/**
 * Where dialog states live. Updates are optimistic: {@link #save} succeeds only when the stored
 * version still equals the version the caller read, and bumps it. Implementations must be
 * thread-safe. OLBot ships {@link InMemoryDialogStore} and {@link FileDialogStore} (one instance);
 * a shared implementation (Redis, SQL) lets several instances serve one bot.
 */
public interface DialogStore {

    Optional<DialogState> get(DialogKey key);

    /**
     * Stores {@code next} if the stored version equals {@code next.version()} (0 for a dialog not
     * stored yet).
     *
     * @return the stored state with its new version, or empty when someone else updated it first
     */
    Optional<DialogState> save(DialogState next);

    void delete(DialogKey key);

    /** States whose timeout is due at {@code nowMillis}, oldest first. */
    List<DialogState> dueTimeouts(long nowMillis);

    /**
     * Keeps this instance's claim on a timeout that {@link #dueTimeouts} returned while its turn runs, until
     * closed. A store shared by several instances hides a claimed timeout from the others for a lease only;
     * a turn that runs longer than the lease would otherwise be fired a second time elsewhere. The default
     * (one instance) has nothing to keep.
     */
    default Claim holdTimeoutClaim(DialogKey key) {
        return () -> { };
    }

    /** A held timeout claim; closing it stops keeping it (the turn's save has settled the timeout by then). */
    @FunctionalInterface
    interface Claim extends AutoCloseable {
        @Override
        void close();
    }

    /** Deletes every dialog of a portal (the app was uninstalled). */
    void deletePortal(String portal);

    int size();
}
