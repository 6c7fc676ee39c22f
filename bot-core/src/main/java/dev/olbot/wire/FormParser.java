package dev.olbot.wire;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link PhpForm#parse} in one pass over the body: fields are cut by index (no substring per pair
 * before decoding), percent-escapes decoded through a table into one reused byte buffer, and the
 * {@code a[]} bookkeeping kept only once a body uses it. Same values, same errors, same limits as
 * the parser it replaced (a test keeps that one as the reference and compares them on hostile input).
 * One instance parses one body; not thread-safe.
 */
final class FormParser {

    /** The value of an ASCII hex digit, -1 for any other ASCII character. */
    private static final byte[] HEX = new byte[128];

    static {
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            HEX[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            HEX[c] = (byte) (c - 'a' + 10);
            HEX[c - 'a' + 'A'] = (byte) (c - 'a' + 10);
        }
    }

    private final String body;
    /** The body's bytes when it is all ASCII (then index i is char i), else null: decoding reads bytes, not chars. */
    private final byte[] ascii;
    private final PhpForm.Limits limits;
    private byte[] scratch = new byte[128];
    private final FormKeys keys = FormKeys.ofThisThread();
    /**
     * The previous key's walk, state by state ({@code d} = brackets walked): the map reached, in
     * which the key's segment {@code d} goes; {@code shared} states are valid.
     */
    private final Map<String, Object>[] walkMaps = newMaps(8);
    private int shared;
    private String[] previous;
    /** The next free index of every map that {@code a[]=} appended to; null until a body does. */
    private IdentityHashMap<Map<String, Object>, long[]> next;

    private FormParser(String body, PhpForm.Limits limits) {
        this.body = body;
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8); // a plain copy when the body is ASCII, as bodies on the wire are
        this.ascii = utf8.length == body.length() ? utf8 : null;
        this.limits = limits;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object>[] newMaps(int n) {
        return (Map<String, Object>[]) new Map<?, ?>[n];
    }

    static Map<String, Object> parse(String body, PhpForm.Limits limits) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return root;
        }
        new FormParser(body, limits).into(root);
        return root;
    }

    private void into(Map<String, Object> root) {
        int fields = 0;
        int len = body.length();
        int nextEq = -1; // the first '=' at or after the current field's start (len when none): each '=' found once
        for (int start = 0; start <= len; ) {
            int amp = body.indexOf('&', start);
            if (amp < 0) {
                amp = len;
            }
            if (amp > start) {
                if (++fields > limits.maxFields()) {
                    throw new IllegalArgumentException("more than " + limits.maxFields() + " fields");
                }
                if (nextEq < start) {
                    nextEq = body.indexOf('=', start);
                    if (nextEq < 0) {
                        nextEq = len;
                    }
                }
                int eq = Math.min(nextEq, amp);
                if (eq - start > 3 * limits.maxKeyLength()) {
                    throw new IllegalArgumentException("a key longer than " + limits.maxKeyLength() + " characters");
                }
                FormKeys.Path path = path(start, eq);
                if (path.key.length() > limits.maxKeyLength()) {
                    throw new IllegalArgumentException("a key longer than " + limits.maxKeyLength() + " characters");
                }
                put(root, path, eq < amp ? decode(eq + 1, amp) : "");
            }
            start = amp + 1;
        }
    }

    /** The decoded, split key {@code body[from, to)}: this thread's earlier parse of the same text, or a new one. */
    private FormKeys.Path path(int from, int to) {
        if (ascii == null || to - from > FormKeys.MAX_RAW) {
            return FormKeys.Path.of(decode(from, to));
        }
        int hash = FormKeys.hash(ascii, from, to);
        FormKeys.Path path = keys.find(ascii, from, to, hash);
        if (path == null) {
            path = FormKeys.Path.of(decode(from, to));
            keys.remember(ascii, from, to, hash, path);
        }
        return path;
    }

    /** Percent-decoding of {@code body[from, to)} as PHP's {@code urldecode}: {@code +} is a space, {@code %XX} a UTF-8 byte. */
    private String decode(int from, int to) {
        if (ascii != null) {
            return decodeAscii(from, to);
        }
        int first = from;
        while (first < to) {
            char c = body.charAt(first);
            if (c == '%' || c == '+') {
                break;
            }
            first++;
        }
        if (first == to) {
            return body.substring(from, to); // nothing to decode: most values on the wire
        }
        if (scratch.length < to - from) {
            scratch = new byte[Math.max(to - from, 2 * scratch.length)];
        }
        byte[] out = scratch;
        int o = 0;
        for (int i = from; i < first; i++) {
            char c = body.charAt(i);
            if (c >= 0x80) {
                return URLDecoder.decode(body.substring(from, to), StandardCharsets.UTF_8); // raw non-ASCII: rare, let the JDK do it
            }
            out[o++] = (byte) c;
        }
        for (int i = first; i < to; i++) {
            char c = body.charAt(i);
            if (c == '+') {
                out[o++] = ' ';
            } else if (c == '%') {
                int hi = i + 2 < to ? hex(body.charAt(i + 1)) : -1;
                int lo = hi >= 0 ? hex(body.charAt(i + 2)) : -1;
                if (lo < 0) {
                    throw new IllegalArgumentException("malformed percent-encoding near '" + abbreviate(body.substring(i, to)) + "'");
                }
                out[o++] = (byte) ((hi << 4) | lo);
                i += 2;
            } else if (c < 0x80) {
                out[o++] = (byte) c;
            } else {
                return URLDecoder.decode(body.substring(from, to), StandardCharsets.UTF_8);
            }
        }
        return new String(out, 0, o, StandardCharsets.UTF_8);
    }

    /** {@link #decode} of an all-ASCII body, on its bytes. */
    private String decodeAscii(int from, int to) {
        byte[] in = ascii;
        int first = from;
        while (first < to && in[first] != '%' && in[first] != '+') {
            first++;
        }
        if (first == to) {
            return body.substring(from, to);
        }
        if (scratch.length < to - from) {
            scratch = new byte[Math.max(to - from, 2 * scratch.length)];
        }
        byte[] out = scratch;
        int o = first - from;
        System.arraycopy(in, from, out, 0, o);
        for (int i = first; i < to; i++) {
            byte c = in[i];
            if (c == '+') {
                out[o++] = ' ';
            } else if (c == '%') {
                int hi = i + 2 < to ? HEX[in[i + 1]] : -1;
                int lo = hi >= 0 ? HEX[in[i + 2]] : -1;
                if (lo < 0) {
                    throw new IllegalArgumentException("malformed percent-encoding near '" + abbreviate(body.substring(i, to)) + "'");
                }
                out[o++] = (byte) ((hi << 4) | lo);
                i += 2;
            } else {
                out[o++] = c;
            }
        }
        return new String(out, 0, o, StandardCharsets.UTF_8);
    }

    /** A hex digit's value as {@link Character#digit(char, int)} reads it (which also knows non-ASCII digits), else -1. */
    private static int hex(char c) {
        return c < 0x80 ? HEX[c] : Character.digit(c, 16);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /**
     * Puts a decoded pair into nested maps as PHP's {@code parse_str} does: {@code a[b][c]} walks
     * (and creates) maps segment by segment, {@code a[]} appends at the map's next index, an
     * unterminated rest after a closed bracket is ignored, a scalar on the way is replaced by a map.
     *
     * <p>Pairs of one object follow each other on the wire ({@code data[PARAMS][A]},
     * {@code data[PARAMS][B]}), so the walk starts where the previous key's walk stood after the
     * longest run of segments both keys share — the same maps, reached through the same segments, so
     * nothing changes but the work. An appended segment ({@code a[]}) is never shared: it names a
     * new index each time.
     */
    @SuppressWarnings("unchecked")
    private void put(Map<String, Object> root, FormKeys.Path path, String value) {
        String[] segments = path.segments;
        if (segments == null) {
            if (!path.key.isEmpty()) {
                root.put(path.key, value);
            }
            shared = 0;
            return;
        }
        int depth = resumable(segments);
        Map<String, Object> map = depth > 0 ? walkMaps[depth] : root;
        shared = depth; // the states up to here stay what they were
        previous = segments;
        int last = segments.length - 1;
        while (true) {
            String segment = segments[depth];
            boolean appended = segment.isEmpty();
            if (appended) {
                long index = nextIndex(map);
                next.get(map)[0] = index + 1;
                segment = Long.toString(index);
            } else if (next != null) {
                noteIndex(map, segment);
            }
            if (depth == last) {
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
            if (appended || depth >= walkMaps.length) {
                continue; // past an appended index nothing is shared with the next key
            }
            if (shared == depth - 1) {
                walkMaps[depth] = map;
                shared = depth;
            }
        }
    }

    /**
     * How deep the walk for {@code segments} may start: the deepest state of the previous key's walk
     * whose segments (the name and {@code d} brackets) this key repeats, 0 when none.
     */
    private int resumable(String[] segments) {
        if (previous == null) {
            return 0;
        }
        int d = 0;
        int most = Math.min(shared, Math.min(segments.length, previous.length) - 1);
        while (d <= most && segments[d].equals(previous[d])) {
            d++;
        }
        return d - 1 >= 1 ? d - 1 : 0;
    }

    /** The next index of {@code map}: one past its largest numeric key, as in PHP. */
    private long nextIndex(Map<String, Object> map) {
        if (next == null) {
            next = new IdentityHashMap<>();
        }
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
