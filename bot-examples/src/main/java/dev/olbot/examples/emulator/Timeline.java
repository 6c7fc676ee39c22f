package dev.olbot.examples.emulator;

import dev.olbot.testkit.Delivery;
import dev.olbot.testkit.FakeBitrix24;
import dev.olbot.testkit.RatePlan;
import dev.olbot.testkit.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Every event the account delivered and every REST call it answered, in the order the emulator saw them, each with
 * its JSON. Calls also show the standard plan's leaky bucket (2 requests/s, burst 50) as it would stand after
 * the call, counted on the virtual clock: the emulator's account does not enforce it, so a bot that would
 * be throttled on a real portal is visible here instead of failing.
 */
final class Timeline {

    private final FakeBitrix24 fake;
    private final List<Map<String, Object>> entries = new ArrayList<>();
    private int callsSeen;
    private int deliveriesSeen;
    private double level;
    private Instant lastDrain;

    Timeline(FakeBitrix24 fake) {
        this.fake = fake;
        this.lastDrain = fake.clock().instant();
    }

    synchronized List<Map<String, Object>> entries() {
        return List.copyOf(entries);
    }

    synchronized int size() {
        return entries.size();
    }

    /** Folds in the deliveries that completed and the calls that arrived since the last call. */
    synchronized void sync() {
        List<CompletableFuture<Delivery>> deliveries = fake.deliveries();
        while (deliveriesSeen < deliveries.size() && deliveries.get(deliveriesSeen).isDone()) {
            CompletableFuture<Delivery> f = deliveries.get(deliveriesSeen++);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("kind", "event");
            if (f.isCompletedExceptionally()) {
                e.put("name", "(delivery failed)");
                e.put("status", 0);
            } else {
                Delivery d = f.join();
                e.put("name", d.event());
                e.put("status", d.status());
                e.put("url", d.url());
                e.put("request", d.payload());
            }
            entries.add(e);
        }
        List<RecordedCall> calls = fake.calls().all();
        for (RecordedCall c : calls.subList(Math.min(callsSeen, calls.size()), calls.size())) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("kind", "call");
            e.put("name", c.method());
            e.put("status", c.status());
            e.put("error", c.error());
            e.put("by", c.auth().name().equals("SESSION") ? "operator" : c.auth().name().equals("OAUTH") ? "bot" : c.auth().name().toLowerCase());
            e.put("at", c.at().toString());
            e.put("request", c.params());
            e.put("response", fake.calls().response(c).orElse(null));
            if (c.viaBatch().isEmpty()) {
                e.put("bucket", bucketAfter(c.at()));
            } else {
                e.put("batchCommand", c.viaBatch());
            }
            entries.add(e);
        }
        callsSeen = calls.size();
    }

    private String bucketAfter(Instant at) {
        RatePlan plan = RatePlan.STANDARD;
        double seconds = Math.max(0, Duration.between(lastDrain, at).toNanos() / 1e9);
        level = Math.max(0, level - seconds * plan.perSecond()) + 1;
        lastDrain = at;
        return String.format(java.util.Locale.ROOT, "%.1f/%d", level, plan.burst());
    }
}
