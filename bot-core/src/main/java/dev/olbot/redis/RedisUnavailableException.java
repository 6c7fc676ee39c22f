package dev.olbot.redis;

/** Redis did not answer, refused the command, or was called from where it must not block. */
public final class RedisUnavailableException extends dev.olbot.state.StoreUnavailableException {

    public RedisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
