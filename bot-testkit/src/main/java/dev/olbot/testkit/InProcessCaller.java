package dev.olbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.olbot.rest.CallOutcomeUnknownException;
import dev.olbot.rest.RestCaller;
import dev.olbot.rest.RestException;
import dev.olbot.rest.RestResponse;
import dev.olbot.rest.internal.MethodKinds;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Calls the fake without a socket. With no fixed credentials it acts as the installed app: it uses
 * the portal's current token and, on {@code expired_token}, refreshes it on the token endpoint (the
 * refresh token rotates) and retries once — both calls are recorded like a real client's. Like the
 * REST client, it reports a write whose answer was lost (a dropped connection, a 500 other than a
 * refusal) as {@link CallOutcomeUnknownException}. It does not pace: with the rate limit on, a burst
 * beyond the bucket is refused ({@code QUERY_LIMIT_EXCEEDED}) until the virtual clock moves.
 */
final class InProcessCaller implements RestCaller {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeBitrix24 fake;
    private final CallAuth fixed;

    InProcessCaller(FakeBitrix24 fake, CallAuth fixed) {
        this.fake = fake;
        this.fixed = fixed;
    }

    @Override
    public Future<RestResponse> call(String portalKey, String method, Map<String, ?> params) {
        FakePortal portal = fake.portals().stream()
                .filter(p -> p.memberId().equals(portalKey) || p.name().equals(portalKey))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no portal " + portalKey));
        Map<String, Object> copy = new LinkedHashMap<>(params);
        Promise<RestResponse> promise = Promise.promise();
        send(portal, method, copy, true, promise);
        return promise.future();
    }

    private void send(FakePortal portal, String method, Map<String, Object> params, boolean mayRefresh, Promise<RestResponse> promise) {
        CallAuth auth = fixed != null ? fixed : CallAuth.oauth(portal.appAccessToken);
        fake.handle(method, params, auth).whenComplete((reply, err) -> {
            boolean write = !MethodKinds.isRead(method);
            if (err != null) {
                promise.fail(write ? new CallOutcomeUnknownException(method, method + " was sent but the connection closed"
                        + " without an answer (" + err.getMessage() + "); it may or may not have been executed", err)
                        : new RestException(method, 0, "", err.getMessage(), err));
                return;
            }
            Map<String, Object> body = reply.getValue();
            Object error = body.get("error");
            if (error != null) {
                if (mayRefresh && fixed == null && "expired_token".equals(error) && refresh(portal)) {
                    send(portal, method, params, false, promise);
                    return;
                }
                RestException e = new RestException(method, reply.getKey(), String.valueOf(error),
                        String.valueOf(body.getOrDefault("error_description", "")));
                // as the REST client does: a 5xx other than a refusal leaves open whether a write ran
                promise.fail(write && reply.getKey() >= 500 && !e.is("QUERY_LIMIT_EXCEEDED") && !e.is("OVERLOAD_LIMIT")
                        ? new CallOutcomeUnknownException(method, method + " was answered " + error + " [HTTP " + reply.getKey()
                                + "]; it may or may not have been executed", e)
                        : e);
                return;
            }
            JsonNode tree = JSON.valueToTree(body);
            promise.complete(new RestResponse(method, tree.get("result"),
                    Optional.ofNullable(tree.get("total")).map(JsonNode::asLong),
                    Optional.ofNullable(tree.get("next")).map(JsonNode::asLong),
                    Optional.ofNullable(tree.get("time"))));
        });
    }

    private boolean refresh(FakePortal portal) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("grant_type", "refresh_token");
        q.put("client_id", fake.clientId());
        q.put("client_secret", fake.clientSecret());
        synchronized (fake.lock()) {
            q.put("refresh_token", portal.appRefreshToken);
            Map.Entry<Integer, Map<String, Object>> r = fake.tokens().tokenEndpoint(q);
            if (r.getKey() != 200) {
                return false;
            }
            portal.appAccessToken = String.valueOf(r.getValue().get("access_token"));
            portal.appRefreshToken = String.valueOf(r.getValue().get("refresh_token"));
            return true;
        }
    }
}
