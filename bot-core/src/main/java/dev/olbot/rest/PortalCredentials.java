package dev.olbot.rest;

import dev.olbot.event.Portal;
import java.time.Instant;
import java.util.Objects;

/**
 * What the client keeps per portal of an OAuth application, keyed by {@code member_id}.
 * {@link #toString()} never prints a token.
 *
 * @param memberId         the portal key
 * @param domain           portal host
 * @param clientEndpoint   REST base URL, e.g. {@code https://portal.bitrix24.com/rest/}
 * @param serverEndpoint   OAuth server REST URL, e.g. {@code https://oauth.bitrix.info/rest/}; the
 *                         token URL is derived from it
 * @param accessToken      current access token
 * @param refreshToken     current refresh token (rotates on every refresh)
 * @param expiresAt        when the access token expires (informational: the client refreshes when
 *                         the portal says {@code expired_token})
 * @param applicationToken the install's {@code application_token} used to verify events; may be empty
 */
public record PortalCredentials(
        String memberId,
        String domain,
        String clientEndpoint,
        String serverEndpoint,
        String accessToken,
        String refreshToken,
        Instant expiresAt,
        String applicationToken) {

    public PortalCredentials {
        Objects.requireNonNull(memberId, "memberId");
        domain = domain == null ? "" : domain;
        clientEndpoint = clientEndpoint == null ? "" : clientEndpoint;
        serverEndpoint = serverEndpoint == null ? "" : serverEndpoint;
        accessToken = accessToken == null ? "" : accessToken;
        refreshToken = refreshToken == null ? "" : refreshToken;
        expiresAt = expiresAt == null ? Instant.EPOCH : expiresAt;
        applicationToken = applicationToken == null ? "" : applicationToken;
    }

    public static PortalCredentials of(Portal portal, String accessToken, String refreshToken, Instant expiresAt, String applicationToken) {
        return new PortalCredentials(portal.key(), portal.domain(), portal.clientEndpoint(), portal.serverEndpoint(),
                accessToken, refreshToken, expiresAt, applicationToken);
    }

    /** A copy with a new token pair, as a refresh returns it. */
    public PortalCredentials withTokens(String access, String refresh, Instant expires) {
        return new PortalCredentials(memberId, domain, clientEndpoint, serverEndpoint, access, refresh, expires, applicationToken);
    }

    public PortalCredentials withEndpoints(String client, String server) {
        return new PortalCredentials(memberId, domain, client == null || client.isEmpty() ? clientEndpoint : client,
                server == null || server.isEmpty() ? serverEndpoint : server, accessToken, refreshToken, expiresAt, applicationToken);
    }

    @Override
    public String toString() {
        return "PortalCredentials[memberId=" + memberId + ", domain=" + domain + ", clientEndpoint=" + clientEndpoint
                + ", serverEndpoint=" + serverEndpoint + ", accessToken=***, refreshToken=***, expiresAt=" + expiresAt
                + ", applicationToken=" + (applicationToken.isEmpty() ? "-" : "***") + "]";
    }
}
