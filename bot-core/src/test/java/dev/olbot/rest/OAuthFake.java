package dev.olbot.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The OAuth side of the fake: one valid access token at a time, refresh tokens that rotate and work once. */
final class OAuthFake implements FakePortal.Script {

    static final String CLIENT_ID = "app.573ad8a0346747.09223434";
    static final String CLIENT_SECRET = "LJSl0lNB76B5YY6u0YVQ3AW0DrVADcRTwVr4y99PXU1BWQybWK";

    final AtomicInteger refreshes = new AtomicInteger();
    /** Shared with a TokenStore spy: the order in which tokens were saved and used. */
    final List<String> timeline = Collections.synchronizedList(new ArrayList<>());
    private String access = "none-valid-yet";
    private String refresh;
    private int generation;

    OAuthFake(String initialRefreshToken) {
        this.refresh = initialRefreshToken;
    }

    @Override
    public synchronized FakePortal.Reply answer(FakePortal.Request request) {
        if (request.method().equals("oauth/token")) {
            refreshes.incrementAndGet();
            var q = request.params();
            if (!q.path("grant_type").asText().equals("refresh_token") || !q.path("client_id").asText().equals(CLIENT_ID)
                    || !q.path("client_secret").asText().equals(CLIENT_SECRET)) {
                return FakePortal.error(400, "invalid_client", "bad client");
            }
            if (!q.path("refresh_token").asText().equals(refresh)) {
                return FakePortal.error(400, "invalid_grant", "The refresh token is invalid");
            }
            generation++;
            access = "access-" + generation;
            refresh = "refresh-" + generation;
            return new FakePortal.Reply(200, FakePortal.json(Map.of("access_token", access, "refresh_token", refresh,
                    "expires_in", 3600, "member_id", "m1", "domain", "oauth.example", "status", "L")));
        }
        if (request.inBatch()) { // a command of a batch whose token was checked on the batch itself
            return FakePortal.ok(Map.of("ID", request.params().path("ID").asText()));
        }
        String token = request.params().path("auth").asText();
        timeline.add("use:" + token);
        if (!token.equals(access)) {
            return FakePortal.error(401, "expired_token", "The access token provided has expired");
        }
        return request.method().equals("batch") ? null // valid: the fake splits the batch into its commands
                : FakePortal.ok(Map.of("ID", request.params().path("ID").asText()));
    }
}
