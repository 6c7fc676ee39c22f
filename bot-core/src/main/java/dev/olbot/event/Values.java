package dev.olbot.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Bitrix24's loosely typed values once, at the edge. A value may be a form string
 * ({@code "567"}, {@code "Y"}, {@code ""}) or a JSON scalar ({@code 567}, {@code true}, {@code null});
 * both read the same. Optional readers are lenient (garbage reads as absent); {@code require*}
 * readers fail with an {@link EventDecodeException} naming the field.
 */
final class Values {

    private Values() {}

    /** A nested object; a JSON list is read as a map keyed by index; anything else as empty. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        if (value instanceof List<?> list) {
            Map<String, Object> indexed = new LinkedHashMap<>();
            for (int i = 0; i < list.size(); i++) {
                indexed.put(Integer.toString(i), list.get(i));
            }
            return indexed;
        }
        return Map.of();
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        return map(parent.get(key));
    }

    /**
     * The objects of a list, whether it came as a JSON array or as a form map with numeric keys
     * ({@code data[DATA][0][...]}), in index order. Non-object entries are skipped.
     */
    static List<Map<String, Object>> items(Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?>) {
                    out.add(map(o));
                }
            }
        } else if (value instanceof Map<?, ?> m) {
            m.entrySet().stream()
                    .sorted((a, b) -> Long.compare(index(a.getKey()), index(b.getKey())))
                    .filter(e -> e.getValue() instanceof Map<?, ?>)
                    .forEach(e -> out.add(map(e.getValue())));
        }
        return out;
    }

    private static long index(Object key) {
        try {
            return Long.parseLong(String.valueOf(key));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A non-empty scalar as a string; empty for absent, {@code null}, {@code ""} and nested values. */
    static Optional<String> str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null || v instanceof Map || v instanceof List) {
            return Optional.empty();
        }
        String s = v.toString();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** A scalar as a string, {@code ""} when absent. */
    static String text(Map<String, Object> m, String key) {
        return str(m, key).orElse("");
    }

    /** The first non-empty of several keys. */
    static Optional<String> firstStr(Map<String, Object> m, String... keys) {
        for (String k : keys) {
            Optional<String> v = str(m, k);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** An integral number ({@code "84331"} or {@code 84331}); empty when absent or not a number. */
    static Optional<Long> lng(Map<String, Object> m, String key) {
        return parseLong(m.get(key));
    }

    static Optional<Long> firstLng(Map<String, Object> m, String... keys) {
        for (String k : keys) {
            Optional<Long> v = lng(m, k);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    static Optional<Long> parseLong(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return Optional.of(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? Optional.of((long) d) : Optional.empty();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return Optional.of(Long.parseLong(s.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * A required id: the first of {@code keys} that is present must be a number.
     *
     * @param where how the field is named in the failure message, e.g. {@code data[PARAMS]}
     */
    static long requireLong(Map<String, Object> m, String where, String... keys) {
        for (String k : keys) {
            Object v = m.get(k);
            if (v == null || "".equals(v)) {
                continue;
            }
            return parseLong(v).orElseThrow(() -> new EventDecodeException(
                    where + "[" + k + "] is not a number: '" + abbreviate(String.valueOf(v)) + "'"));
        }
        throw new EventDecodeException("missing " + where + "[" + keys[0] + "]");
    }

    /** Bitrix booleans: {@code Y}/{@code N}, {@code 1}/{@code 0}, {@code true}/{@code false}; absent is false. */
    static boolean bool(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof String s) {
            return switch (s.trim().toUpperCase(java.util.Locale.ROOT)) {
                case "Y", "YES", "1", "TRUE" -> true;
                default -> false;
            };
        }
        return false;
    }

    /** A point in time: Unix seconds ({@code "1771928985"}) or ISO-8601 with offset. */
    /** 9999-12-31T23:59:59Z. */
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    static Optional<Instant> instant(Map<String, Object> m, String key) {
        Optional<Long> seconds = lng(m, key);
        if (seconds.isPresent()) {
            long s = seconds.get();
            // a time no portal could send (years past 9999 or before 1970) is left out, not an error
            return s >= 0 && s <= MAX_EPOCH_SECOND ? Optional.of(Instant.ofEpochSecond(s)) : Optional.empty();
        }
        return str(m, key).flatMap(s -> {
            try {
                return Optional.of(OffsetDateTime.parse(s).toInstant());
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        });
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
