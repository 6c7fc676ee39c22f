package dev.olbot.state;

import java.util.AbstractCollection;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable map of a few strings that keeps insertion order in one array ({@code k0, v0, k1, v1,
 * …}): a flow's answers cost a few dozen bytes instead of a {@code LinkedHashMap}'s couple of
 * hundred. Lookups are linear, which is what a handful of entries wants. It implements {@link Map}
 * itself rather than extending {@code AbstractMap}, whose two cached-view fields would add 8 bytes
 * to every dialog's answers and variables; the views are made on demand.
 */
final class OrderedPairs implements Map<String, String> {

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
            p[i++] = Objects.requireNonNull(e.getKey(), "answer name");
            p[i++] = Objects.requireNonNull(e.getValue(), "answer value");
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
    public boolean containsValue(Object value) {
        for (int i = 1; i < pairs.length; i += 2) {
            if (pairs[i].equals(value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int size() {
        return pairs.length / 2;
    }

    @Override
    public boolean isEmpty() {
        return pairs.length == 0;
    }

    @Override
    public String put(String key, String value) {
        throw new UnsupportedOperationException("immutable");
    }

    @Override
    public String remove(Object key) {
        throw new UnsupportedOperationException("immutable");
    }

    @Override
    public void putAll(Map<? extends String, ? extends String> m) {
        throw new UnsupportedOperationException("immutable");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("immutable");
    }

    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return new Cursor<>(0, i -> pairs[i]);
            }

            @Override
            public int size() {
                return pairs.length / 2;
            }
        };
    }

    @Override
    public Collection<String> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<String> iterator() {
                return new Cursor<>(0, i -> pairs[i + 1]);
            }

            @Override
            public int size() {
                return pairs.length / 2;
            }
        };
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Cursor<>(0, i -> Map.entry(pairs[i], pairs[i + 1]));
            }

            @Override
            public int size() {
                return pairs.length / 2;
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Map<?, ?> m) || m.size() != size()) {
            return false;
        }
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(m.get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            h += pairs[i].hashCode() ^ pairs[i + 1].hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(i == 0 ? "" : ", ").append(pairs[i]).append('=').append(pairs[i + 1]);
        }
        return b.append('}').toString();
    }

    /** Walks the pairs, giving what {@code at} makes of the index of each key. */
    private final class Cursor<T> implements Iterator<T> {
        private final java.util.function.IntFunction<T> at;
        private int i;

        Cursor(int from, java.util.function.IntFunction<T> at) {
            this.i = from;
            this.at = at;
        }

        @Override
        public boolean hasNext() {
            return i < pairs.length;
        }

        @Override
        public T next() {
            if (i >= pairs.length) {
                throw new NoSuchElementException();
            }
            T t = at.apply(i);
            i += 2;
            return t;
        }
    }
}
