package dev.olbot.state;

/**
 * A store that lives on a server (Redis) could not be reached. The engine does not count it as the
 * handler's failure: the turn waits in its dialog's lane and runs when the store answers again.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
