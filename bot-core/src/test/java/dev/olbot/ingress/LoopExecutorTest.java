package dev.olbot.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopExecutorTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The executor of a fresh context's event loop, and that loop's thread. */
    private LoopExecutor onALoop(Thread[] loopThread) throws Exception {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<LoopExecutor> executor = new CompletableFuture<>();
        context.runOnContext(v -> {
            loopThread[0] = Thread.currentThread();
            executor.complete(LoopExecutor.ofCurrentLoop(context));
        });
        return executor.get(10, TimeUnit.SECONDS);
    }

    @Test
    void runsWorkHandedOverFromAnotherThreadOnTheLoopInTheOrderItCame() throws Exception {
        Thread[] loop = new Thread[1];
        LoopExecutor executor = onALoop(loop);
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1_000);

        for (int i = 0; i < 1_000; i++) {
            int n = i;
            executor.execute(() -> {
                order.add(n);
                threads.add(Thread.currentThread());
                done.countDown();
            });
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(order).isSorted().hasSize(1_000);
        assertThat(threads).containsOnly(loop[0]);
        assertThat(executor.onLoop()).isFalse();
    }

    @Test
    void runsWorkAtOnceWhenCalledOnItsLoop() throws Exception {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<Boolean> ranInline = new CompletableFuture<>();

        context.runOnContext(v -> {
            boolean[] ran = {false};
            LoopExecutor.ofCurrentLoop(context).execute(() -> ran[0] = true);
            ranInline.complete(ran[0]);
        });

        assertThat(ranInline.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aTaskThatThrowsDoesNotStrandTheOnesQueuedBehindIt() throws Exception {
        LoopExecutor executor = onALoop(new Thread[1]);
        CountDownLatch after = new CountDownLatch(1);

        executor.execute(() -> {
            throw new IllegalStateException("boom");
        });
        executor.execute(after::countDown);

        assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
