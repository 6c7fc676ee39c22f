package dev.olbot.ingress;

import java.time.Clock;
import java.time.Duration;

/**
 * Remembers which events were already accepted, so a second delivery of the same event (same
 * portal, kind and message id) is acknowledged but not handled again. Implementations must be
 * thread-safe; a shared implementation (e.g. Redis {@code SET NX PX}) lets several instances serve
 * one bot.
 */
@FunctionalInterface
public interface DedupeStore {

    /** Records the key; true if it was not seen within the retention window (handle the event). */
    boolean firstSeen(String key);

    /**
     * Like {@link #firstSeen} without blocking the caller, for a store that asks a server (call this
     * one on an event loop). The default answers {@link #firstSeen} at once.
     */
    default java.util.concurrent.CompletionStage<Boolean> firstSeenAsync(String key) {
        return java.util.concurrent.CompletableFuture.completedFuture(firstSeen(key));
    }

    /**
     * An in-memory store that keeps keys for {@code retention}, at most {@code maxKeys} of them
     * (the oldest go first).
     */
    static DedupeStore inMemory(Duration retention, int maxKeys, Clock clock) {
        return new InMemory(retention, maxKeys, clock);
    }

    /** In-memory, one day, one million keys, system clock. */
    static DedupeStore inMemory() {
        return inMemory(Duration.ofDays(1), 1_000_000, Clock.systemUTC());
    }

    /**
     * Keys in this process, as 64-bit hashes (a collision among a million keys has odds of about one
     * in 10^7), oldest first, in primitive arrays ({@link HashWindow}): about 27 bytes per key at a
     * full 200,000-key window instead of a {@code LinkedHashMap}'s 109 (or the key string's 170 or more).
     */
    final class InMemory implements DedupeStore {
        private final long retentionMillis;
        private final Clock clock;
        private final HashWindow seen;

        InMemory(Duration retention, int maxKeys, Clock clock) {
            this.retentionMillis = retention.toMillis();
            this.clock = clock;
            this.seen = new HashWindow(maxKeys);
        }

        @Override
        public synchronized boolean firstSeen(String key) {
            return seen.firstSeen(hash(key), clock.millis(), retentionMillis);
        }

        synchronized int size() {
            return seen.size();
        }

        /** FNV-1a over the key's characters, finished with a 64-bit mix (SplitMix64). */
        static long hash(String key) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < key.length(); i++) {
                h ^= key.charAt(i);
                h *= 0x100000001b3L;
            }
            h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
            h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
            return h ^ (h >>> 31);
        }
    }
}
