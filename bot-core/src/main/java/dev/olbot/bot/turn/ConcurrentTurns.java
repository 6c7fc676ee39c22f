package dev.olbot.bot.turn;

import dev.olbot.bot.BotEngine;
import dev.olbot.state.DialogKey;
import dev.olbot.state.StoreUnavailableException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns when several instances share the dialog store: a turn whose dialog another instance saved
 * first runs again on the fresh state (up to {@value #MAX_RUNS} runs — never last-writer-wins), and
 * a turn waits in its lane while the store is unreachable (0.5 s doubling to 30 s), so its event
 * stays unhandled in the inbox meanwhile instead of failing. A turn whose event the dialog already
 * records as handled ({@link CompletedTurns}) is dropped.
 */
public final class ConcurrentTurns {

    static final int MAX_RUNS = 3;
    private static final Logger log = LoggerFactory.getLogger(ConcurrentTurns.class);

    private ConcurrentTurns() {}

    /** The dialog's stored version moved under a running turn. */
    public static final class StaleState extends RuntimeException {
        private final DialogKey key;

        public StaleState(DialogKey key) {
            super("dialog " + key + " was updated concurrently", null, false, false);
            this.key = key;
        }
    }

    /**
     * Runs {@code turn} until it completes on a state no other instance changed meanwhile.
     *
     * @param what    names the turn in log lines (values already checked at the edge)
     * @param dropped what to return when the dialog changed under every run
     */
    public static <T> T run(Supplier<T> turn, T dropped, String what) {
        int outage = 0;
        int run = 1;
        while (true) {
            try {
                return turn.get();
            } catch (CompletedTurns.AlreadyHandled done) {
                log.info("{} was handled before (its turn saved the dialog); it is not handled again", what);
                return dropped;
            } catch (StoreUnavailableException down) {
                waitForStore(what, down, outage++);
            } catch (StaleState stale) {
                if (run++ == MAX_RUNS) {
                    log.warn("dialog {} kept changing under {} runs of {} (other instances); it was dropped", stale.key, MAX_RUNS, what);
                    return dropped;
                }
                log.info("dialog {} was updated by another instance; running {} again on the fresh state", stale.key, what);
            }
        }
    }

    /** Interrupted (a forced shutdown): gives up, and the event stays unhandled. */
    private static void waitForStore(String what, StoreUnavailableException down, int attempt) {
        if (attempt == 0) {
            log.warn("{} waits: the dialog store is unavailable ({})", what, down.getMessage());
        }
        try {
            Thread.sleep(Math.min(30_000L, 500L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw down;
        }
    }
}
