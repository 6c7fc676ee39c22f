package dev.olbot.rest;

import dev.olbot.event.WireRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The authorisation servers this application trusts with its {@code client_secret} and the
 * portals' refresh tokens (REFERENCE §1.5: the secret may be sent only to the authorisation server,
 * never to a portal). Nothing an event says changes this list: an event whose
 * {@code server_endpoint} names another host is refused at the ingress, and the token and
 * {@code app.info} URLs are built from the configured base, never from the event.
 *
 * <p>The default holds Bitrix24's two public servers: {@code https://oauth.bitrix.info/} (the
 * English docs) and {@code https://oauth.bitrix24.tech/} (the Russian docs and the official Python
 * SDK). An on-premise portal or a test account configures its own ({@code OLBOT_OAUTH_SERVER}).
 */
public final class OAuthServers {

    /** Bitrix24's public authorisation servers. */
    public static final OAuthServers DEFAULT = of(List.of("https://oauth.bitrix.info/", "https://oauth.bitrix24.tech/"));

    private final List<String> bases;

    private OAuthServers(List<String> bases) {
        this.bases = bases;
    }

    /**
     * Servers by base URL, e.g. {@code https://oauth.bitrix.info/}.
     *
     * @throws IllegalArgumentException naming the entry that is not an http(s) URL with a host
     */
    public static OAuthServers of(List<String> baseUrls) {
        List<String> out = new ArrayList<>();
        for (String url : baseUrls) {
            String u = url == null ? "" : url.trim();
            if (!u.toLowerCase(Locale.ROOT).matches("https?://[^/?#]+(/[^?#]*)?") || WireRules.authority(u).isEmpty()) {
                throw new IllegalArgumentException("OAuth server '" + u + "' is not an http(s) URL such as https://oauth.bitrix.info/");
            }
            out.add(u.endsWith("/") ? u : u + "/");
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("at least one OAuth server is needed, e.g. https://oauth.bitrix.info/");
        }
        return new OAuthServers(List.copyOf(out));
    }

    /**
     * The trusted server an event's {@code server_endpoint} (e.g. {@code https://oauth.bitrix.info/rest/})
     * names, as its configured base URL; empty when it names no trusted server.
     */
    public Optional<String> baseFor(String serverEndpoint) {
        String authority = WireRules.authority(serverEndpoint == null ? "" : serverEndpoint);
        if (authority.isEmpty()) {
            return Optional.empty();
        }
        String scheme = serverEndpoint.substring(0, serverEndpoint.indexOf(':')).toLowerCase(Locale.ROOT);
        for (String base : bases) {
            if (WireRules.authority(base).equals(authority) && base.toLowerCase(Locale.ROOT).startsWith(scheme + "://")) {
                return Optional.of(base);
            }
        }
        return Optional.empty();
    }

    /** True when {@code serverEndpoint} names a trusted server. */
    public boolean trusts(String serverEndpoint) {
        return baseFor(serverEndpoint).isPresent();
    }

    /** The first configured server: where a portal with no recorded server is refreshed. */
    public String primary() {
        return bases.get(0);
    }

    public List<String> bases() {
        return bases;
    }

    @Override
    public String toString() {
        return String.join(", ", bases);
    }
}
