package dev.olbot.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps tag values bounded: at most {@link #MAX_VALUES} distinct values per meter name and tag key
 * (later ones become {@code other}), each cut to {@link #MAX_LENGTH} characters, empty ones
 * {@code none}. A guard against a tag fed from somewhere unexpected; the values OLBot passes are
 * already bounded by the code that defines them.
 */
final class BoundedTags {

    static final int MAX_VALUES = 100;
    static final int MAX_LENGTH = 64;
    static final String OTHER = "other";

    private final ConcurrentHashMap<String, Set<String>> seen = new ConcurrentHashMap<>();

    /** {@code key1, value1, key2, value2, …} with every value bounded. */
    String[] tags(String meter, String... keyValues) {
        String[] out = keyValues.clone();
        for (int i = 1; i < out.length; i += 2) {
            out[i] = value(meter + '\u0000' + out[i - 1], out[i]);
        }
        return out;
    }

    private String value(String slot, String raw) {
        String v = raw == null || raw.isBlank() ? "none" : raw.length() > MAX_LENGTH ? raw.substring(0, MAX_LENGTH) : raw;
        Set<String> values = seen.computeIfAbsent(slot, k -> ConcurrentHashMap.newKeySet());
        if (values.contains(v)) {
            return v;
        }
        synchronized (values) {
            if (values.size() >= MAX_VALUES) {
                return OTHER;
            }
            values.add(v);
            return v;
        }
    }
}
