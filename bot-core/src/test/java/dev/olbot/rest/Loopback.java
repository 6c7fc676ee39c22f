package dev.olbot.rest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Shared plumbing of the loopback tests: one Vert.x, fakes and clients closed after each test. */
abstract class Loopback {

    static Vertx vertx;
    final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    FakePortal fake(FakePortal.Script script) throws Exception {
        FakePortal f = FakePortal.start(vertx, script);
        closing.add(f);
        return f;
    }

    RestClient client(java.util.function.Consumer<RestClientOptions> configure) {
        RestClient c = RestClient.create(vertx, configure);
        closing.add(0, () -> c.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        return c;
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    static Throwable failure(Future<?> f) throws Exception {
        try {
            await(f);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the call to fail");
    }

    /** Waits for a condition that must become true (not a timing assertion: the limit only stops a hung test). */
    static void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached");
            }
            Thread.sleep(5);
        }
    }
}
