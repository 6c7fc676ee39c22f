package dev.olbot.redis;

import dev.olbot.rest.RateLimit;
import dev.olbot.rest.SharedBucket;
import io.vertx.core.Future;
import java.util.List;

/**
 * The per-portal leaky bucket shared by every instance, as one atomic script on the Redis server's
 * own clock ({@code TIME}), so instances with drifting clocks still agree. It is GCRA — the
 * leaky bucket written as one "theoretical arrival time" per portal: a request may leave when that
 * time is at most {@code (burst - 1) / perSecond} ahead of now, and each request moves it on by
 * {@code 1 / perSecond}. The bucket keeps {@value #HEADROOM} places free below the portal's burst:
 * the portal counts requests when they arrive, the script when they leave, and a request delayed
 * on the way must not find the portal's bucket full.
 */
public final class RedisBucket implements SharedBucket {

    static final int HEADROOM = 2;

    /** KEYS: tat key. ARGV: interval µs, burst. Returns {µs to wait (0: go, recorded), level in thousandths of a request}. */
    private static final String TAKE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local interval = tonumber(ARGV[1])
            local tolerance = interval * (tonumber(ARGV[2]) - 1)
            local tat = tonumber(redis.call('GET', KEYS[1]) or now)
            if tat < now then tat = now end
            local wait = tat - tolerance - now
            if wait > 0 then return {wait, math.floor((tat - now) * 1000 / interval)} end
            redis.call('SET', KEYS[1], tat + interval, 'PX', math.ceil((tat + interval - now) / 1000) + 1000)
            return {0, math.floor((tat + interval - now) * 1000 / interval)}
            """;

    private final RedisLink redis;

    public RedisBucket(RedisLink redis) {
        this.redis = redis;
    }

    @Override
    public Future<Answer> take(String portal, RateLimit limit) {
        long intervalMicros = Math.max(1, Math.round(1_000_000 / limit.perSecond()));
        int burst = Math.max(1, limit.burst() - HEADROOM);
        return redis.eval(TAKE, List.of(redis.key("bucket:" + portal)), List.of(intervalMicros, burst))
                .map(r -> new Answer(r.get(0).toLong() * 1_000, r.get(1).toLong() / 1000.0 + (limit.burst() - burst)));
    }
}
