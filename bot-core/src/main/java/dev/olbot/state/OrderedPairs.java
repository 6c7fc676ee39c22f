package dev.olbot.state;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map of a few strings that keeps insertion order in one array ({@code k0, v0, k1, v1,
 * …}): a flow's answers cost a few dozen bytes instead of a {@code LinkedHashMap}'s couple of
 * hundred. Lookups are linear, which is what a handful of entries wants.
 */
final class OrderedPairs extends AbstractMap<String, String> {

    private static final OrderedPairs EMPTY = new OrderedPairs(new String[0]);
    private final String[] pairs;

    private OrderedPairs(String[] pairs) {
        this.pairs = pairs;
    }

    static Map<String, String> copyOf(Map<String, String> map) {
        if (map instanceof OrderedPairs o) {
            return o;
        }
        if (map.isEmpty()) {
            return EMPTY;
        }
        String[] p = new String[map.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            p[i++] = java.util.Objects.requireNonNull(e.getKey(), "answer name");
            p[i++] = java.util.Objects.requireNonNull(e.getValue(), "answer value");
        }
        return new OrderedPairs(p);
    }

    /** This map with {@code name} set to {@code value} (replaced in place, or appended). */
    static Map<String, String> with(Map<String, String> map, String name, String value) {
        OrderedPairs o = (OrderedPairs) copyOf(map);
        for (int i = 0; i < o.pairs.length; i += 2) {
            if (o.pairs[i].equals(name)) {
                String[] p = o.pairs.clone();
                p[i + 1] = value;
                return new OrderedPairs(p);
            }
        }
        String[] p = java.util.Arrays.copyOf(o.pairs, o.pairs.length + 2);
        p[o.pairs.length] = name;
        p[o.pairs.length + 1] = value;
        return new OrderedPairs(p);
    }

    @Override
    public String get(Object key) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(key)) {
                return pairs[i + 1];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return pairs.length / 2;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < pairs.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (i >= pairs.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, String> e = new SimpleImmutableEntry<>(pairs[i], pairs[i + 1]);
                        i += 2;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return pairs.length / 2;
            }
        };
    }
}
