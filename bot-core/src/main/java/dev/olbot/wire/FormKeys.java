package dev.olbot.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The keys a thread has parsed before, by their encoded text: an event's body repeats the same
 * eighty-odd keys ({@code data%5BPARAMS%5D%5BCHAT_ID%5D}, {@code auth%5Bdomain%5D}, …) in every
 * delivery, so their percent-decoding, bracket splitting and string hashing are done once and the
 * decoded segments reused. A small open-addressed table per thread (a parser runs on one thread):
 * {@value #SLOTS} slots, keys of at most {@value #MAX_RAW} encoded characters of an all-ASCII body (as
 * bodies on the wire are), a full probe run overwrites its first slot — a body of random keys costs
 * a few evictions, never more memory.
 */
final class FormKeys {

    /** A decoded key split into its name and bracket segments, as PHP's {@code parse_str} walks it. */
    static final class Path {
        final String key;
        /** The name and each bracket's content ({@code ""} appends); null when the key has no closed bracket after a name. */
        final String[] segments;

        private Path(String key, String[] segments) {
            this.key = key;
            this.segments = segments;
        }

        /**
         * {@code a[b][c]} → a, b, c; an unterminated rest after a closed bracket is ignored
         * ({@code a[b]x[c]} → a, b; {@code a[b][c} → a, b); a key without a name or without a
         * closing bracket is a plain name.
         */
        static Path of(String key) {
            int open = key.indexOf('[');
            if (open <= 0 || key.indexOf(']', open) < 0) {
                return new Path(key, null);
            }
            List<String> segments = new ArrayList<>(6);
            segments.add(key.substring(0, open));
            int i = open;
            while (i < key.length() && key.charAt(i) == '[') {
                int close = key.indexOf(']', i);
                if (close < 0) {
                    break;
                }
                segments.add(key.substring(i + 1, close));
                i = close + 1;
            }
            return new Path(key, segments.toArray(String[]::new));
        }
    }

    static final int SLOTS = 512;
    static final int MAX_RAW = 256;
    private static final int PROBES = 4;
    private static final ThreadLocal<FormKeys> OF_THREAD = ThreadLocal.withInitial(FormKeys::new);

    private final byte[][] raw = new byte[SLOTS][];
    private final Path[] paths = new Path[SLOTS];

    static FormKeys ofThisThread() {
        return OF_THREAD.get();
    }

    /** The path cached for the encoded key {@code ascii[from, to)} whose {@link #hash} is {@code hash}, or null. */
    Path find(byte[] ascii, int from, int to, int hash) {
        for (int p = 0, slot = slot(hash); p < PROBES; p++, slot = (slot + 1) & (SLOTS - 1)) {
            byte[] r = raw[slot];
            if (r == null) {
                return null;
            }
            if (Arrays.equals(r, 0, r.length, ascii, from, to)) {
                return paths[slot];
            }
        }
        return null;
    }

    void remember(byte[] ascii, int from, int to, int hash, Path path) {
        int home = slot(hash);
        int slot = home;
        for (int p = 0; p < PROBES && raw[slot] != null; p++) {
            slot = (slot + 1) & (SLOTS - 1);
        }
        if (raw[slot] != null) {
            slot = home;
        }
        raw[slot] = Arrays.copyOfRange(ascii, from, to);
        paths[slot] = path;
    }

    /**
     * A cheap hash of an encoded key: its length and its last eight characters, where keys of one
     * body differ ({@code ...%5BCHAT_ID%5D}, {@code ...%5BCHAT_TYPE%5D}); equal hashes are told apart
     * by comparing the bytes.
     */
    static int hash(byte[] ascii, int from, int to) {
        int h = to - from;
        for (int i = Math.max(from, to - 8); i < to; i++) {
            h = 31 * h + ascii[i];
        }
        return h;
    }

    private static int slot(int hash) {
        return (hash ^ (hash >>> 16)) * 0x9E3779B1 >>> 23; // the top 9 bits: SLOTS = 512
    }
}
