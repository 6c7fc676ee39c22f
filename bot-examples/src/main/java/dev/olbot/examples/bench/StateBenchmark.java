package dev.olbot.examples.bench;

import dev.olbot.ingress.DedupeStore;
import dev.olbot.state.DialogKey;
import dev.olbot.state.DialogState;
import dev.olbot.state.FlowPosition;
import dev.olbot.state.InMemoryDialogStore;
import dev.olbot.state.Owner;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Memory per open dialog: fills the in-memory dialog store with realistic states (an open-line
 * dialog in the middle of a lead flow, with the identity variables OLBot records) and measures the
 * heap they hold; then the same for the in-memory dedupe window's keys. {@code olbot bench state}.
 */
public final class StateBenchmark {

    private final int dialogs;
    private final PrintStream out;

    public StateBenchmark(int dialogs, PrintStream out) {
        if (dialogs < 1) {
            throw new IllegalArgumentException("dialogs must be >= 1");
        }
        this.dialogs = dialogs;
        this.out = out;
    }

    /** Runs the measurement; true when a dialog costs at most 512 bytes. */
    public boolean run() {
        String portal = "bac1cd5c8940947a75e0d71b1a84e348";
        long before = usedHeap();
        InMemoryDialogStore store = new InMemoryDialogStore();
        for (int i = 0; i < dialogs; i++) {
            long chat = 100_000 + i;
            DialogState s = DialogState.fresh(new DialogKey(portal, 567, "chat" + chat))
                    .withSession(300_000 + i)
                    .withOwner(i % 10 == 0 ? Owner.WAITING_OPERATOR : Owner.BOT)
                    .withFlow(new FlowPosition("lead", 1, 0, Map.of("name", "Клиент " + i)))
                    .withVars(Map.of("olbot.line", "telegrambot|2|" + (786_792_821L + i) + "|" + (1985 + i),
                            "olbot.client", "Ivan", "branch", "sales"))
                    .withTimeout(1_771_928_985_000L + i, "flow:lead");
            store.save(s);
        }
        long after = usedHeap();
        double perDialog = (after - before) / (double) dialogs;
        out.printf("state: %d open dialogs hold %.1f MB of heap, %.0f bytes per dialog (target <= 512)%n", store.size(),
                (after - before) / 1e6, perDialog);
        if (store.size() != dialogs) {
            throw new IllegalStateException("store lost dialogs");
        }
        dedupeBytesPerKey(portal);
        return perDialog <= 512;
    }

    /**
     * The in-memory dedupe window as {@code BotServer} configures it (one hour, 200,000 keys), filled
     * with keys of the shape the ingress makes (portal, event kind, message id).
     */
    private double dedupeBytesPerKey(String portal) {
        int keys = 200_000;
        long before = usedHeap();
        DedupeStore window = DedupeStore.inMemory(Duration.ofHours(1), keys, Clock.systemUTC());
        int fresh = 0;
        for (int i = 0; i < keys; i++) {
            fresh += window.firstSeen(portal + "/ONIMBOTMESSAGEADD/" + (4_000_000 + i)) ? 1 : 0;
        }
        long after = usedHeap();
        double perKey = (after - before) / (double) keys;
        out.printf("dedupe: %d keys in the in-memory window hold %.1f MB of heap, %.0f bytes per key%n", keys,
                (after - before) / 1e6, perKey);
        if (fresh != keys || window.firstSeen(portal + "/ONIMBOTMESSAGEADD/" + (4_000_000 + keys - 1))) {
            throw new IllegalStateException("the dedupe window lost keys");
        }
        return perKey;
    }

    private static long usedHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
