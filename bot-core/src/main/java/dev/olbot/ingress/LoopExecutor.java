package dev.olbot.ingress;

import io.vertx.core.Context;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on one Vert.x event loop: at once when called on that loop, else queued, and the
 * queue run by one task on the loop — so the journal writer completing a group of 30 deliveries
 * costs one hop back to each event loop, not 30. One per event-loop thread ({@link #ofCurrentLoop}).
 */
final class LoopExecutor implements Executor {

    private static final Logger log = LoggerFactory.getLogger(LoopExecutor.class);
    private static final ThreadLocal<LoopExecutor> OF_THREAD = new ThreadLocal<>();

    private final Thread thread;
    private final Context context;
    private final ConcurrentLinkedQueue<Runnable> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    private LoopExecutor(Thread thread, Context context) {
        this.thread = thread;
        this.context = context;
    }

    /** The executor of the event loop this is called on ({@code context} is the caller's: any context of that loop). */
    static LoopExecutor ofCurrentLoop(Context context) {
        LoopExecutor e = OF_THREAD.get();
        if (e == null) {
            e = new LoopExecutor(Thread.currentThread(), context);
            OF_THREAD.set(e);
        }
        return e;
    }

    /** True when called on this executor's event loop. */
    boolean onLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    public void execute(Runnable task) {
        if (onLoop()) {
            task.run();
            return;
        }
        queued.add(task);
        if (scheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

    private void drain() {
        scheduled.set(false); // a task queued from now on schedules another run (which may find it taken)
        for (Runnable task = queued.poll(); task != null; task = queued.poll()) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("a task handed to the event loop failed", e);
            }
        }
    }
}
