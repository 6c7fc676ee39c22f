package dev.olbot.rest.methods.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a parameter map in the given key order, leaving out null values. */
public final class Params {

    private final Map<String, Object> map = new LinkedHashMap<>();

    public static Params create() {
        return new Params();
    }

    /** {@code Params.of("CHAT_ID", 112, "NAME", "DEFAULT")}; null values are dropped. */
    public static Map<String, Object> of(Object... keysAndValues) {
        Params p = new Params();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return p.map();
    }

    public Params put(String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
        return this;
    }

    /** Bitrix's {@code Y}/{@code N}; null stays absent. */
    public Params flag(String key, Boolean value) {
        return put(key, value == null ? null : value ? "Y" : "N");
    }

    public Params putAll(Map<String, ?> extra) {
        extra.forEach(this::put);
        return this;
    }

    public Map<String, Object> map() {
        return map;
    }
}
