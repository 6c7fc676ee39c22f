package dev.olbot.rest;

import java.util.Optional;

/**
 * SPI: where the client keeps {@link PortalCredentials}, keyed by {@code member_id}.
 *
 * <p>Methods may block (file or network I/O); the client calls them off the event loop. A refresh
 * calls {@link #save} with the new pair <em>before</em> the new access token is used, so a crash
 * after a refresh never loses the rotated refresh token. Implementations must be thread-safe.
 */
public interface TokenStore {

    Optional<PortalCredentials> load(String memberId);

    void save(PortalCredentials credentials);

    void remove(String memberId);

    /** The default: a map in this process, gone on restart. */
    static TokenStore inMemory() {
        return new InMemoryTokenStore();
    }
}
