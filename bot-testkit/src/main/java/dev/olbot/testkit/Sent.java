package dev.olbot.testkit;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The events one action caused (a join and a message, a command, …), each with its own future that
 * completes when the handler answered. {@link #await()} blocks until all answered — no sleeping.
 */
public final class Sent {

    private final List<CompletableFuture<Delivery>> deliveries;

    Sent(List<CompletableFuture<Delivery>> deliveries) {
        // events that went nowhere (no handler URL, or queued for imbot.v2.Event.get) complete with null
        this.deliveries = deliveries.stream()
                .filter(f -> !(f.isDone() && !f.isCompletedExceptionally() && f.getNow(null) == null)).toList();
    }

    public List<CompletableFuture<Delivery>> deliveries() {
        return deliveries;
    }

    /** Waits (up to 10 real seconds) until every event of this action was answered; returns them in order. */
    public List<Delivery> await() {
        try {
            CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            return deliveries.stream().map(CompletableFuture::join).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new AssertionError("event delivery failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("event delivery did not complete within 10s", e);
        }
    }

    /** The answered delivery of {@code event} (e.g. {@code ONIMBOTMESSAGEADD}). */
    public Delivery delivery(String event) {
        return await().stream().filter(d -> d.event().equals(event)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + event + " among " + await().stream().map(Delivery::event).toList()));
    }
}
