package dev.olbot.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The dialog as people would read it: client, bot, operator and system lines, with virtual times. */
public final class Transcript {

    private final VirtualClock clock;
    private final List<String> lines = new ArrayList<>();

    Transcript(VirtualClock clock) {
        this.clock = clock;
    }

    synchronized void add(String who, String text) {
        Instant t = clock.instant();
        lines.add(t.toString().substring(11, 19) + "  " + who + ": " + text);
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public synchronized String toString() {
        return lines.isEmpty() ? "  (empty)" : "  " + String.join("\n  ", lines);
    }
}
