package dev.olbot.examples.bench;

import dev.olbot.ingress.Inbox;
import dev.olbot.outbound.SentCalls;
import dev.olbot.redis.RedisDedupeStore;
import dev.olbot.redis.RedisDialogStore;
import dev.olbot.redis.RedisLink;
import dev.olbot.redis.RedisSentCalls;
import dev.olbot.redis.RedisStreamInbox;
import dev.olbot.state.DialogKey;
import dev.olbot.state.DialogState;
import dev.olbot.state.FlowPosition;
import dev.olbot.state.Owner;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Sizing for cluster mode: Redis memory per open dialog, per dedupe key, per event pending in the
 * stream inbox and per confirmed call (outbound idempotency key); dialog turns per second (a read and
 * a compare-and-set save, as the engine does per turn) from several threads; inbox appends per second.
 * Uses its own key prefix on the given Redis and deletes its keys afterwards. {@code olbot bench redis}.
 */
public final class RedisBenchmark {

    private static final String PREFIX = "olbot-bench:";
    private final String url;
    private final int dialogs;
    private final int threads;
    private final PrintStream out;

    public RedisBenchmark(String url, int dialogs, int threads, PrintStream out) {
        if (dialogs < 1 || threads < 1) {
            throw new IllegalArgumentException("dialogs and threads must be >= 1");
        }
        this.url = url;
        this.dialogs = dialogs;
        this.threads = threads;
        this.out = out;
    }

    public void run() throws Exception {
        Vertx vertx = Vertx.vertx();
        RedisLink redis = RedisLink.create(vertx, url, PREFIX, Duration.ofSeconds(10));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            redis.ping();
            clean(redis);
            RedisDialogStore store = RedisDialogStore.create(redis);
            long before = usedMemory(redis);
            parallel(pool, dialogs, i -> store.save(state(i)).orElseThrow());
            long afterDialogs = usedMemory(redis);
            out.printf("redis: %d open dialogs use %.1f MB of Redis memory, %.0f bytes per dialog%n", dialogs,
                    (afterDialogs - before) / 1e6, (afterDialogs - before) / (double) dialogs);

            int turns = Math.min(dialogs, 20_000);
            long start = System.nanoTime();
            parallel(pool, turns, i -> {
                DialogState s = store.get(state(i).key()).orElseThrow();
                store.save(s.withVar("branch", "support")).orElseThrow();
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("redis: %d turns (read + compare-and-set save) from %d threads in %.2f s: %.0f turns/s%n", turns, threads,
                    seconds, turns / seconds);

            RedisDedupeStore dedupe = RedisDedupeStore.create(redis);
            long beforeKeys = usedMemory(redis);
            parallel(pool, dialogs, i -> dedupe.firstSeen("bac1cd5c8940947a75e0d71b1a84e348/ONIMBOTMESSAGEADD/" + (9_000_000 + i)));
            long afterKeys = usedMemory(redis);
            out.printf("redis: %d dedupe keys (kept 1 h) use %.1f MB, %.0f bytes per key%n", dialogs, (afterKeys - beforeKeys) / 1e6,
                    (afterKeys - beforeKeys) / (double) dialogs);

            pendingEvents(vertx, redis);
            RedisSentCalls sent = RedisSentCalls.create(redis);
            long beforeSent = usedMemory(redis);
            parallel(pool, dialogs, i -> sent.record("bac1cd5c8940947a75e0d71b1a84e348/ONIMBOTMESSAGEADD/" + (9_000_000 + i) + "#567#1",
                    new SentCalls.Sent("imbot.message.add", "9f86d081884c7d65", Long.toString(80_962L + i))));
            long afterSent = usedMemory(redis);
            out.printf("redis: %d confirmed calls (outbound idempotency keys, kept 1 h) use %.1f MB, %.0f bytes per call%n", dialogs,
                    (afterSent - beforeSent) / 1e6, (afterSent - beforeSent) / (double) dialogs);
        } finally {
            clean(redis);
            pool.shutdownNow();
            redis.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Events accepted into the stream inbox and not handled yet (no instance reads them here): the
     * Redis memory of a pending sample client message, and appends per second (each one an
     * {@code XADD} acknowledged, what a delivery waits for before its 200), 256 in flight.
     */
    private void pendingEvents(Vertx vertx, RedisLink redis) throws Exception {
        RedisStreamInbox inbox = RedisStreamInbox.open(vertx, redis, "bench", RedisStreamInbox.Options.defaults());
        SampleEvents sample = new SampleEvents();
        int n = Math.min(dialogs, 50_000);
        long before = usedMemory(redis);
        long start = System.nanoTime();
        java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(256);
        List<java.util.concurrent.CompletableFuture<Long>> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            window.acquire();
            String lane = "bac1cd5c8940947a75e0d71b1a84e348/chat" + (100_000 + i);
            all.add(inbox.append(new Inbox.Delivery("bac1cd5c8940947a75e0d71b1a84e348/ONIMBOTMESSAGEADD/" + (9_000_000 + i),
                    "application/x-www-form-urlencoded", sample.openLineMessage(100_000 + i, 9_000_000 + i), Map.of(), lane))
                    .whenComplete((id, e) -> window.release()));
        }
        for (java.util.concurrent.CompletableFuture<Long> f : all) {
            f.get(30, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = usedMemory(redis);
        out.printf("redis: %d pending events in the stream inbox (a %d-byte client message each) use %.1f MB, %.0f bytes per event;"
                + " %.0f appends/s%n", n, sample.openLineMessage(100_000, 9_000_000).length(), (after - before) / 1e6,
                (after - before) / (double) n, n / seconds);
        inbox.close();
    }

    /** An open-line dialog in the middle of a lead flow, as {@code bench state} measures it in memory. */
    private static DialogState state(int i) {
        return DialogState.fresh(new DialogKey("bac1cd5c8940947a75e0d71b1a84e348", 567, "chat" + (100_000 + i)))
                .withSession(300_000 + i)
                .withOwner(i % 10 == 0 ? Owner.WAITING_OPERATOR : Owner.BOT)
                .withFlow(new FlowPosition("lead", 1, 0, Map.of("name", "Клиент " + i)))
                .withVars(Map.of("olbot.line", "telegrambot|2|" + (786_792_821L + i) + "|" + (1985 + i), "olbot.client", "Ivan",
                        "branch", "sales"))
                .withTimeout(1_771_928_985_000L + i, "flow:lead");
    }

    private interface Task {
        void run(int i) throws Exception;
    }

    private void parallel(ExecutorService pool, int n, Task task) throws Exception {
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            parts.add(pool.submit(() -> {
                for (int i = first; i < n; i += threads) {
                    task.run(i);
                }
                return null;
            }));
        }
        for (Future<?> f : parts) {
            f.get();
        }
    }

    private static long usedMemory(RedisLink redis) {
        String info = redis.call(Command.INFO, "memory").toString();
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).strip());
            }
        }
        throw new IllegalStateException("INFO memory has no used_memory");
    }

    private static void clean(RedisLink redis) {
        String cursor = "0";
        do {
            Response page = redis.call(Command.SCAN, cursor, "MATCH", PREFIX + "*", "COUNT", 1000);
            cursor = page.get(0).toString();
            List<Object> keys = new ArrayList<>();
            page.get(1).forEach(k -> keys.add(k.toString()));
            if (!keys.isEmpty()) {
                redis.call(Command.DEL, keys.toArray());
            }
        } while (!cursor.equals("0"));
    }
}
