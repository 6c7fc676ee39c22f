package dev.olbot.wire;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * PHP-style {@code application/x-www-form-urlencoded} bodies, the way Bitrix24 sends events:
 * {@code data[PARAMS][DIALOG_ID]=chat6&data[BOT][10][BOT_ID]=10&auth[domain]=...}.
 *
 * <p>{@link #parse} builds nested maps the way PHP's {@code parse_str} does: every value is a
 * string, numeric keys stay map keys (objects keyed by id are maps, not lists), {@code a[]=x}
 * appends, the last of two equal keys wins. {@link #encode} is the inverse, PHP's
 * {@code http_build_query}: nested maps and lists become bracket keys, booleans become
 * {@code 1}/{@code 0}, {@code null} becomes an empty string, empty maps and lists are omitted.
 */
public final class PhpForm {

    private PhpForm() {}

    /**
     * How much a body may ask of the parser. PHP itself has the same kind of limits
     * ({@code max_input_vars} 1000, {@code max_input_nesting_level} 64); a Bitrix24 event has a few
     * hundred fields at most and bracket keys about eight deep.
     *
     * @param maxFields    pairs in one body
     * @param maxDepth     bracket segments in one key ({@code a[b][c]} is 3)
     * @param maxKeyLength characters of one decoded key
     */
    public record Limits(int maxFields, int maxDepth, int maxKeyLength) {
        /** 5,000 fields, 32 levels, 1,024-character keys. */
        public static final Limits DEFAULT = new Limits(5_000, 32, 1_024);
    }

    /**
     * Parses a form body into nested maps, within {@link Limits#DEFAULT}. Runs in time linear in the
     * body's length.
     *
     * @throws IllegalArgumentException with a one-line reason when the body is not valid form
     *                                  encoding or asks for more than the limits allow
     */
    public static Map<String, Object> parse(String body) {
        return parse(body, Limits.DEFAULT);
    }

    /** {@link #parse(String)} with other limits. */
    public static Map<String, Object> parse(String body, Limits limits) {
        return FormParser.parse(body, limits);
    }

    /** Encodes nested maps, lists and scalars the way PHP's {@code http_build_query} does. */
    public static String encode(Map<String, ?> data) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, ?> e : data.entrySet()) {
            append(out, e.getKey(), e.getValue());
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String key, Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                append(out, key + "[" + e.getKey() + "]", e.getValue());
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                append(out, key + "[" + i + "]", list.get(i));
            }
        } else {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(encodeComponent(key)).append('=').append(encodeComponent(scalar(value)));
        }
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        return value.toString();
    }

    /** Percent-encodes as PHP's {@code urlencode} (spaces as {@code +}). */
    private static String encodeComponent(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
