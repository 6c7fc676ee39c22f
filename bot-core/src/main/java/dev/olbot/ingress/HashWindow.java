package dev.olbot.ingress;

import java.util.Arrays;

/**
 * The in-memory dedupe window without an object per key: a ring of (64-bit hash, time) in arrival
 * order — so expiry and eviction take from its head — and an open-addressing table (linear probing,
 * load at most 3/4) of ring positions for the lookup. About 16 bytes per key in the ring and 4–11
 * in the table. Both grow by doubling up to {@code maxKeys}; a full window drops its oldest key.
 * Not thread-safe: {@link DedupeStore.InMemory} synchronises.
 */
final class HashWindow {

    private static final int EMPTY = -1;

    private final int maxKeys;
    private long[] hashes;
    private long[] times;
    private int head;
    private int size;
    private int[] table;

    HashWindow(int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be >= 1, was " + maxKeys);
        }
        this.maxKeys = maxKeys;
        allocate(Math.min(maxKeys, 1024));
    }

    /** Drops keys older than {@code retentionMillis}, then records {@code hash}; true when it was not there. */
    boolean firstSeen(long hash, long nowMillis, long retentionMillis) {
        while (size > 0 && nowMillis - times[head] > retentionMillis) {
            dropOldest();
        }
        if (slotOf(hash) != EMPTY) {
            return false;
        }
        if (size == hashes.length) {
            if (size < maxKeys) {
                allocate((int) Math.min(maxKeys, 2L * size));
            } else {
                dropOldest();
            }
        }
        int at = (head + size) % hashes.length;
        hashes[at] = hash;
        times[at] = nowMillis;
        size++;
        insert(at);
        return true;
    }

    int size() {
        return size;
    }

    /** Bytes of the arrays (what a key costs, with the table's empty slots). */
    long bytes() {
        return 16L * hashes.length + 4L * table.length;
    }

    private void dropOldest() {
        int slot = slotOf(hashes[head]);
        removeSlot(slot);
        head = (head + 1) % hashes.length;
        size--;
    }

    /** The table slot that holds a ring position with this hash, or EMPTY. */
    private int slotOf(long hash) {
        int mask = table.length - 1;
        for (int i = home(hash); ; i = (i + 1) & mask) {
            int pos = table[i];
            if (pos == EMPTY) {
                return EMPTY;
            }
            if (hashes[pos] == hash) {
                return i;
            }
        }
    }

    private void insert(int pos) {
        int mask = table.length - 1;
        int i = home(hashes[pos]);
        while (table[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        table[i] = pos;
    }

    /** Backward-shift deletion: the entries after the slot move up unless they sit at or after their home. */
    private void removeSlot(int slot) {
        int mask = table.length - 1;
        int gap = slot;
        for (int j = (gap + 1) & mask; table[j] != EMPTY; j = (j + 1) & mask) {
            int home = home(hashes[table[j]]);
            boolean stays = gap <= j ? gap < home && home <= j : gap < home || home <= j;
            if (!stays) {
                table[gap] = table[j];
                gap = j;
            }
        }
        table[gap] = EMPTY;
    }

    private int home(long hash) {
        return (int) (hash ^ (hash >>> 32)) & (table.length - 1);
    }

    /** A ring of {@code capacity} holding the current keys from position 0, and a table sized for it. */
    private void allocate(int capacity) {
        long[] h = new long[capacity];
        long[] t = new long[capacity];
        for (int i = 0; i < size; i++) {
            h[i] = hashes[(head + i) % hashes.length];
            t[i] = times[(head + i) % hashes.length];
        }
        hashes = h;
        times = t;
        head = 0;
        int slots = Integer.highestOneBit(Math.max(2, (int) Math.min(1 << 30, (capacity * 4L + 2) / 3)) * 2 - 1);
        table = new int[slots];
        Arrays.fill(table, EMPTY);
        for (int i = 0; i < size; i++) {
            insert(i);
        }
    }
}
