package dev.olbot.examples.bench;

import dev.olbot.testkit.ChatMessage;
import dev.olbot.testkit.Client;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bench bot's replies ({@code echo m<ordinal>}) the clients' chats hold: distinct ordinals delivered, extra
 * copies, dialogs whose replies' first copies are not in ordinal order (and one such dialog's replies in chat
 * order), and when the last of them arrived.
 */
record Replies(long delivered, long duplicates, long outOfOrder, long lastNanos, String example) {

    /**
     * Waits until every expected reply is in its chat, or nothing new arrived for 60 s, then counts: the
     * distinct ordinals delivered, the extra copies, and the dialogs whose replies' first copies are not in
     * ordinal order.
     */
    static Replies await(List<Client> clients, int messages) throws InterruptedException {
        long expected = (long) clients.size() * messages;
        long seen = -1;
        long lastChange = System.nanoTime();
        long lastNanos = System.nanoTime();
        Replies r = count(clients, messages, lastNanos);
        while (true) {
            long total = r.delivered + r.duplicates;
            if (total != seen) {
                seen = total;
                lastChange = System.nanoTime();
                lastNanos = lastChange;
            }
            if (r.delivered >= expected || System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(60)) {
                Thread.sleep(1000); // a late second copy, if any, arrives now
                Replies last = count(clients, messages, lastNanos);
                return new Replies(last.delivered, last.duplicates, last.outOfOrder, lastNanos, last.example);
            }
            Thread.sleep(200);
            r = count(clients, messages, lastNanos);
        }
    }

    private static Replies count(List<Client> clients, int messages, long lastNanos) {
        long delivered = 0;
        long duplicates = 0;
        long outOfOrder = 0;
        String example = "";
        for (Client c : clients) {
            boolean[] got = new boolean[messages + 1];
            List<String> sequence = new ArrayList<>();
            int previous = 0;
            boolean ordered = true;
            for (ChatMessage m : c.botMessages()) {
                if (!m.text().startsWith("echo m")) {
                    continue;
                }
                int ordinal = Integer.parseInt(m.text().substring("echo m".length()));
                if (ordinal < 1 || ordinal > messages) {
                    continue;
                }
                sequence.add("m" + ordinal);
                if (got[ordinal]) {
                    duplicates++;
                    continue;
                }
                got[ordinal] = true;
                delivered++;
                ordered &= ordinal > previous;
                previous = Math.max(previous, ordinal);
            }
            if (!ordered) {
                outOfOrder++;
                if (example.isEmpty()) {
                    example = String.join(" ", sequence);
                }
            }
        }
        return new Replies(delivered, duplicates, outOfOrder, lastNanos, example);
    }
}
