package dev.olbot.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two "instances" — two Redis clients — on one test Redis, emptied before each test. */
abstract class TwoInstancesOnRedis {

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    static Vertx vertx;
    static RedisLink first;
    static RedisLink second;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        first = RedisLink.create(vertx, REDIS.url());
        second = RedisLink.create(vertx, REDIS.url());
    }

    @AfterAll
    static void disconnect() throws Exception {
        first.close();
        second.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void empty() {
        first.call(Command.FLUSHALL);
    }
}
