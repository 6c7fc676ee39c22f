package dev.olbot.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** PHP-flavoured reading of request parameters (intval, upper-casing, nested maps). */
final class Params {

    private Params() {}

    /** {@code array_change_key_case($p, CASE_UPPER)}: top level only, as the platform does. */
    static Map<String, Object> upper(Map<String, Object> p) {
        Map<String, Object> out = new LinkedHashMap<>();
        p.forEach((k, v) -> out.put(k.toUpperCase(Locale.ROOT), v));
        return out;
    }

    static Object lookup(Map<String, ?> p, String key) {
        if (p.containsKey(key)) {
            return p.get(key);
        }
        for (Map.Entry<String, ?> e : p.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    static String str(Map<String, Object> p, String key) {
        Object v = p.get(key);
        return v == null ? "" : scalar(v);
    }

    static String scalar(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof Map || v instanceof List) {
            return v.toString();
        }
        return v.toString();
    }

    /** PHP {@code intval}: leading digits of a string, 0 otherwise. */
    static long intval(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        String s = v.toString().trim();
        int i = 0;
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        long n = 0;
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && i - start < 18) {
            n = n * 10 + (s.charAt(i) - '0');
            i++;
        }
        return neg ? -n : n;
    }

    static long intval(Map<String, Object> p, String key) {
        return intval(p.get(key));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object v) {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        return Map.of();
    }

    /** A list, or the values of a PHP-style numeric map ({@code a[0]=..&a[1]=..}). */
    static List<Object> list(Object v) {
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (v instanceof Map<?, ?> m) {
            return new ArrayList<>(m.values());
        }
        return List.of();
    }

    /** A deep, unmodifiable copy. */
    static Map<String, Object> freeze(Map<String, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, freezeValue(v)));
        return Collections.unmodifiableMap(out);
    }

    private static Object freezeValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> inner = new LinkedHashMap<>();
            m.forEach((k, x) -> inner.put(String.valueOf(k), x));
            return freeze(inner);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(freezeValue(x)));
            return Collections.unmodifiableList(out);
        }
        return v;
    }

    /** "Y" only when exactly Y, as the source compares. */
    static boolean exactlyY(Map<String, Object> p, String key) {
        return "Y".equals(str(p, key));
    }
}
