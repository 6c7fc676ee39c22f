package dev.olbot.wire;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form parser as it was before the single-pass rewrite (commit cea892b), kept in the tests only
 * as the reference the new one must agree with, value for value and error for error.
 */
final class ReferencePhpForm {

    private ReferencePhpForm() {}

    /**
     * Parses a form body into nested maps, within {@link Limits#DEFAULT}. Runs in time linear in the
     * body's length.
     *
     * @throws IllegalArgumentException with a one-line reason when the body is not valid form
     *                                  encoding or asks for more than the limits allow
     */
    static Map<String, Object> parse(String body) {
        return parse(body, PhpForm.Limits.DEFAULT);
    }

    /** {@link #parse(String)} with other limits. */
    static Map<String, Object> parse(String body, PhpForm.Limits limits) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return root;
        }
        Appender appender = new Appender(limits);
        int fields = 0;
        int start = 0;
        int len = body.length();
        while (start <= len) {
            int amp = body.indexOf('&', start);
            if (amp < 0) {
                amp = len;
            }
            if (amp > start) {
                if (++fields > limits.maxFields()) {
                    throw new IllegalArgumentException("more than " + limits.maxFields() + " fields");
                }
                int eq = start;
                while (eq < amp && body.charAt(eq) != '=') {
                    eq++;
                }
                if (eq - start > 3 * limits.maxKeyLength()) {
                    throw new IllegalArgumentException("a key longer than " + limits.maxKeyLength() + " characters");
                }
                String key = decode(body.substring(start, eq));
                if (key.length() > limits.maxKeyLength()) {
                    throw new IllegalArgumentException("a key longer than " + limits.maxKeyLength() + " characters");
                }
                String rawValue = eq < amp ? body.substring(eq + 1, amp) : "";
                appender.put(root, key, decode(rawValue));
            }
            start = amp + 1;
        }
        return root;
    }

    /** Percent-decoding as PHP's {@code urldecode}: {@code +} is a space, {@code %XX} a UTF-8 byte. */
    private static String decode(String s) {
        int n = s.length();
        int first = 0;
        while (first < n && s.charAt(first) != '%' && s.charAt(first) != '+') {
            first++;
        }
        if (first == n) {
            return s; // nothing to decode: most values on the wire
        }
        byte[] out = new byte[n];
        int o = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out[o++] = ' ';
            } else if (c == '%') {
                int hi = i + 2 < n ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw new IllegalArgumentException("malformed percent-encoding near '" + abbreviate(s.substring(i)) + "'");
                }
                out[o++] = (byte) ((hi << 4) | lo);
                i += 2;
            } else if (c < 0x80) {
                out[o++] = (byte) c;
            } else {
                return URLDecoder.decode(s, StandardCharsets.UTF_8); // raw non-ASCII: rare, let the JDK do it
            }
        }
        return new String(out, 0, o, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /**
     * Puts decoded pairs into nested maps as PHP's {@code parse_str} does. Remembers the next free
     * index of every map that {@code a[]=} appended to, so a flood of {@code a[]} stays linear.
     */
    private static final class Appender {
        private final PhpForm.Limits limits;
        private final java.util.IdentityHashMap<Map<String, Object>, long[]> next = new java.util.IdentityHashMap<>();

        Appender(PhpForm.Limits limits) {
            this.limits = limits;
        }

        @SuppressWarnings("unchecked")
        void put(Map<String, Object> root, String key, String value) {
            int open = key.indexOf('[');
            if (open <= 0 || key.indexOf(']', open) < 0) {
                if (!key.isEmpty()) {
                    root.put(key, value);
                }
                return;
            }
            // walk a[b][c] segment by segment, creating the maps on the way
            Map<String, Object> map = root;
            String segment = key.substring(0, open);
            int i = open;
            int depth = 0;
            while (true) {
                int close = i < key.length() && key.charAt(i) == '[' ? key.indexOf(']', i) : -1; // PHP ignores an unterminated rest
                if (segment.isEmpty()) {
                    long index = nextIndex(map);
                    next.get(map)[0] = index + 1;
                    segment = Long.toString(index);
                } else {
                    noteIndex(map, segment);
                }
                if (close < 0) {
                    map.put(segment, value);
                    return;
                }
                if (++depth >= limits.maxDepth()) { // depth brackets plus the name: depth + 1 segments
                    throw new IllegalArgumentException("brackets nested deeper than " + limits.maxDepth() + " levels");
                }
                Object child = map.get(segment);
                if (!(child instanceof Map)) {
                    child = new LinkedHashMap<String, Object>();
                    map.put(segment, child);
                }
                map = (Map<String, Object>) child;
                segment = key.substring(i + 1, close);
                i = close + 1;
            }
        }

        /** The next index of {@code map}: one past its largest numeric key, as in PHP. */
        private long nextIndex(Map<String, Object> map) {
            long[] n = next.get(map);
            if (n == null) {
                long max = -1;
                for (String k : map.keySet()) {
                    max = Math.max(max, numeric(k));
                }
                n = new long[] {max + 1};
                next.put(map, n);
            }
            return n[0];
        }

        private void noteIndex(Map<String, Object> map, String segment) {
            long[] n = next.get(map);
            if (n != null) {
                long k = numeric(segment);
                if (k >= n[0]) {
                    n[0] = k + 1;
                }
            }
        }

        private static long numeric(String k) {
            if (k.isEmpty() || k.length() > 18) {
                return -1;
            }
            for (int i = 0; i < k.length(); i++) {
                char c = k.charAt(i);
                if (c < '0' || c > '9') {
                    return -1; // non-numeric keys do not count, as in PHP
                }
            }
            return Long.parseLong(k);
        }
    }
}
