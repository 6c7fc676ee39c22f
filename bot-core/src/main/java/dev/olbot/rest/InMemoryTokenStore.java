package dev.olbot.rest;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TokenStore} in a map; everything is lost when the process stops. */
public final class InMemoryTokenStore implements TokenStore {

    private final ConcurrentHashMap<String, PortalCredentials> map = new ConcurrentHashMap<>();

    @Override
    public Optional<PortalCredentials> load(String memberId) {
        return Optional.ofNullable(map.get(memberId));
    }

    @Override
    public void save(PortalCredentials credentials) {
        map.put(credentials.memberId(), credentials);
    }

    @Override
    public void remove(String memberId) {
        map.remove(memberId);
    }
}
