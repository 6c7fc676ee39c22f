package dev.olbot.ingress;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The {@code application_token} of each portal the application is installed on, learned from
 * {@code ONAPPINSTALL} and forgotten on {@code ONAPPUNINSTALL}. Keyed by portal key
 * ({@code member_id}). Implementations must be thread-safe; the default keeps tokens in memory.
 * A persistent implementation lets the tokens survive a restart.
 */
public interface InstallRegistry {

    Optional<String> applicationToken(String portalKey);

    void remember(String portalKey, String applicationToken);

    void forget(String portalKey);

    /** The portals with a known install. */
    java.util.Set<String> portals();

    static InstallRegistry inMemory() {
        return new InstallRegistry() {
            private final ConcurrentMap<String, String> tokens = new ConcurrentHashMap<>();

            @Override
            public Optional<String> applicationToken(String portalKey) {
                return Optional.ofNullable(tokens.get(portalKey));
            }

            @Override
            public void remember(String portalKey, String applicationToken) {
                tokens.put(portalKey, applicationToken);
            }

            @Override
            public void forget(String portalKey) {
                tokens.remove(portalKey);
            }

            @Override
            public java.util.Set<String> portals() {
                return java.util.Set.copyOf(tokens.keySet());
            }
        };
    }
}
