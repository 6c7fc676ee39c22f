package dev.olbot.examples.bench;

import dev.olbot.testkit.FakeBitrix24;
import dev.olbot.testkit.RecordedCall;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches the REST calls the fake account receives, as they arrive, for the sustained-load bench:
 * when each reply ({@code imbot.message.add}, alone or in a {@code batch}) was first seen, how many
 * HTTP requests came and how many of them the fake refused with {@code QUERY_LIMIT_EXCEEDED}.
 * One daemon thread takes the fake's calls one by one.
 */
final class ReplyWatcher implements AutoCloseable {

    private final FakeBitrix24 fake;
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger replies = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    ReplyWatcher(FakeBitrix24 fake) {
        this.fake = fake;
        this.thread = new Thread(this::loop, "bench-reply-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            RecordedCall c = fake.takeCall(Duration.ofMillis(100));
            if (c == null) {
                continue;
            }
            long now = System.nanoTime();
            if (c.viaBatch().isEmpty()) {
                requests.incrementAndGet();
                if ("QUERY_LIMIT_EXCEEDED".equals(c.error())) {
                    refused.incrementAndGet();
                }
            }
            if (c.method().equals("imbot.message.add") && c.error().isEmpty() && c.status() == 200) {
                String text = c.param("MESSAGE");
                if (text != null && firstSeen.putIfAbsent(text, now) == null) {
                    replies.incrementAndGet();
                }
            }
        }
    }

    /** {@code System.nanoTime()} when the fake first received a reply with this text, or null. */
    Long seenAt(String text) {
        return firstSeen.get(text);
    }

    /** Replies seen so far (each text once). */
    int replies() {
        return replies.get();
    }

    /** HTTP requests so far (a batch counts once). */
    int requests() {
        return requests.get();
    }

    /** Requests the fake refused with QUERY_LIMIT_EXCEEDED so far (the client slowed down and sent them again). */
    int refused() {
        return refused.get();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
