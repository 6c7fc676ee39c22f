package dev.olbot.testkit;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The account's OAuth tokens: access tokens live an hour and refresh tokens 180 days on the virtual
 * clock; a refresh token works once (it rotates), a second use is {@code invalid_grant}.
 */
final class Tokens {

    static final String SCOPE = "imbot,imopenlines,im,user";
    static final Duration ACCESS_LIFETIME = Duration.ofHours(1);
    static final Duration REFRESH_LIFETIME = Duration.ofDays(180);

    /** One issued pair. */
    record Grant(String accessToken, String refreshToken, FakePortal portal, int userId, Instant expiresAt,
                 Instant refreshExpiresAt) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private final FakeBitrix24 fake;
    private final Map<String, Grant> byAccess = new ConcurrentHashMap<>();
    private final Map<String, Grant> byRefresh = new ConcurrentHashMap<>();

    Tokens(FakeBitrix24 fake) {
        this.fake = fake;
    }

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    Grant issue(FakePortal portal, int userId) {
        Instant now = fake.clock().instant();
        Grant g = new Grant(hex(24), hex(24), portal, userId, now.plus(ACCESS_LIFETIME), now.plus(REFRESH_LIFETIME));
        byAccess.put(g.accessToken(), g);
        byRefresh.put(g.refreshToken(), g);
        return g;
    }

    /** Every grant whose access or refresh token may still be used, each with whether its refresh token is unspent. */
    Map<Grant, Boolean> usable() {
        Instant now = fake.clock().instant();
        Map<Grant, Boolean> out = new LinkedHashMap<>();
        for (Grant g : byAccess.values()) {
            Grant unspent = byRefresh.get(g.refreshToken());
            boolean refreshable = unspent != null && unspent.accessToken().equals(g.accessToken())
                    && now.isBefore(g.refreshExpiresAt());
            if (refreshable || now.isBefore(g.expiresAt())) {
                out.put(g, refreshable);
            }
        }
        return out;
    }

    /** Puts back a saved grant ({@link StateRestore}). */
    void restore(Grant g, boolean refreshable) {
        byAccess.put(g.accessToken(), g);
        if (refreshable) {
            byRefresh.put(g.refreshToken(), g);
        }
    }

    /** The grant of a live access token; throws {@code expired_token} / {@code invalid_token} (401). */
    Grant authenticate(String accessToken) {
        Grant g = byAccess.get(accessToken);
        if (g == null) {
            throw new BitrixError(401, "invalid_token", "Unable to get application by token");
        }
        if (!fake.clock().instant().isBefore(g.expiresAt())) {
            throw new BitrixError(401, "expired_token", "The access token provided has expired");
        }
        return g;
    }

    /** Expires every access token of {@code portal} now (the platform may revoke tokens at any time). */
    void expireAll(FakePortal portal) {
        Instant now = fake.clock().instant();
        byAccess.replaceAll((k, g) -> g.portal() == portal ? new Grant(g.accessToken(), g.refreshToken(), portal,
                g.userId(), now, g.refreshExpiresAt()) : g);
    }

    /**
     * The token endpoint {@code GET /oauth/token/?grant_type=refresh_token&client_id&client_secret&refresh_token}.
     * Returns the HTTP status and the JSON body.
     */
    synchronized Map.Entry<Integer, Map<String, Object>> tokenEndpoint(Map<String, Object> q) {
        String grantType = Params.str(q, "grant_type");
        if (!"refresh_token".equals(grantType)) {
            return error(400, "invalid_request", "Unsupported grant_type; the fake issues tokens by install and refresh only");
        }
        if (!fake.clientId().equals(Params.str(q, "client_id")) || !fake.clientSecret().equals(Params.str(q, "client_secret"))) {
            return error(401, "invalid_client", "Invalid client");
        }
        Grant old = byRefresh.remove(Params.str(q, "refresh_token"));
        if (old == null || !fake.clock().instant().isBefore(old.refreshExpiresAt())) {
            return error(400, "invalid_grant", "Invalid grant");
        }
        Grant g = issue(old.portal(), old.userId());
        old.portal().tokenRefreshes.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", g.accessToken());
        body.put("client_endpoint", fake.clientEndpoint());
        body.put("domain", fake.oauthDomain());
        body.put("expires", g.expiresAt().getEpochSecond());
        body.put("expires_in", ACCESS_LIFETIME.toSeconds());
        body.put("member_id", g.portal().memberId());
        body.put("refresh_token", g.refreshToken());
        body.put("scope", SCOPE);
        body.put("server_endpoint", fake.serverEndpoint());
        body.put("status", "F");
        body.put("user_id", g.userId());
        return Map.entry(200, body);
    }

    private static Map.Entry<Integer, Map<String, Object>> error(int status, String code, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return Map.entry(status, body);
    }
}
