package dev.olbot.redis;

import dev.olbot.rest.PortalCredentials;
import dev.olbot.rest.TokenStore;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.Optional;

/**
 * Per-portal OAuth credentials in Redis, one hash per portal ({@code <prefix>tokens:<member_id>}),
 * written in one {@code HSET} so a reader never sees half a pair. Shared by every instance; pair it
 * with {@link RedisRefreshLock} so only one of them refreshes a portal's tokens at a time. Blocking:
 * the client calls it off the event loop. Redis must persist (AOF): a lost refresh token means the
 * app has to be reinstalled on that portal.
 */
public final class RedisTokenStore implements TokenStore {

    private final RedisLink redis;

    public RedisTokenStore(RedisLink redis) {
        this.redis = redis;
    }

    private String key(String memberId) {
        return redis.key("tokens:" + memberId);
    }

    @Override
    public Optional<PortalCredentials> load(String memberId) {
        Response h = redis.call(Command.HGETALL, key(memberId));
        if (h == null || h.size() == 0 || !h.containsKey("access")) {
            return Optional.empty();
        }
        return Optional.of(new PortalCredentials(memberId, text(h, "domain"), text(h, "clientEndpoint"), text(h, "serverEndpoint"),
                text(h, "access"), text(h, "refresh"), Instant.ofEpochMilli(Long.parseLong(text(h, "expiresAt").isEmpty() ? "0"
                        : text(h, "expiresAt"))), text(h, "applicationToken")));
    }

    private static String text(Response h, String field) {
        Response v = h.get(field);
        return v == null ? "" : v.toString();
    }

    @Override
    public void save(PortalCredentials c) {
        redis.call(Command.HSET, key(c.memberId()), "domain", c.domain(), "clientEndpoint", c.clientEndpoint(), "serverEndpoint",
                c.serverEndpoint(), "access", c.accessToken(), "refresh", c.refreshToken(), "expiresAt", c.expiresAt().toEpochMilli(),
                "applicationToken", c.applicationToken());
    }

    @Override
    public void remove(String memberId) {
        redis.call(Command.DEL, key(memberId));
    }
}
