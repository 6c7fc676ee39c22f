package dev.olbot.redis;

import dev.olbot.ingress.SpillBoard;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The instances' spills in one Redis hash, {@code <prefix>spills}: instance id → the oldest arrival
 * time it keeps and when it last said so (every 200 ms while it keeps something). An instance that has
 * not said anything for {@code staleAfter} (it died with a spill; it moves it after its restart) is
 * taken off the board, so it does not hold the others up.
 * Blocking: called from the spill mover's thread.
 */
public final class RedisSpillBoard implements SpillBoard {

    private final RedisLink redis;
    private final String instance;
    private final String hash;
    private final Duration staleAfter;
    private final Clock clock;

    public RedisSpillBoard(RedisLink redis, String instance, Duration staleAfter, Clock clock) {
        this.redis = redis;
        this.instance = instance;
        this.hash = redis.key("spills");
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /** Instances silent for 30 s are taken for dead. */
    public RedisSpillBoard(RedisLink redis, String instance) {
        this(redis, instance, Duration.ofSeconds(30), Clock.systemUTC());
    }

    @Override
    public void keeping(long oldestMillis) {
        redis.await(say(oldestMillis));
    }

    @Override
    public java.util.concurrent.CompletionStage<Void> keepingAsync(long oldestMillis) {
        return say(oldestMillis).<Void>mapEmpty().toCompletionStage();
    }

    /** {@code HSET <spills> <instance> <oldest>:<now>}. */
    private io.vertx.core.Future<Response> say(long oldestMillis) {
        return redis.send(Command.HSET, hash, instance, oldestMillis + ":" + clock.millis());
    }

    @Override
    public void empty() {
        redis.call(Command.HDEL, hash, instance);
    }

    @Override
    public OptionalLong othersOldest() {
        Response all = redis.call(Command.HGETALL, hash);
        long now = clock.millis();
        long oldest = Long.MAX_VALUE;
        if (all != null) {
            for (String other : all.getKeys()) {
                if (other.equals(instance)) {
                    continue;
                }
                String[] v = all.get(other).toString().split(":", 2);
                if (v.length == 2 && now - Long.parseLong(v[1]) <= staleAfter.toMillis()) {
                    oldest = Math.min(oldest, Long.parseLong(v[0]));
                } else {
                    redis.call(Command.HDEL, hash, other); // it died with a spill: it moves it after its restart
                }
            }
        }
        return oldest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(oldest);
    }
}
