package dev.olbot.testkit;

import dev.olbot.wire.PhpForm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code batch}: up to 50 {@code method?query} commands, each parsed with PHP form rules, run in
 * order with per-command errors in {@code result_error}; {@code halt} stops at the first error;
 * {@code $result[cmd][field]} refers to an earlier command's result; empty maps come back as {@code []}.
 */
final class BatchMethod {

    static final int MAX_COMMANDS = 50;
    private static final Pattern REF = Pattern.compile("\\$result\\[([^\\]]+)\\]((?:\\[[^\\]]+\\])*)");

    private BatchMethod() {}

    static void register(RestDispatcher d) {
        d.define("batch").handle(BatchMethod::batch);
    }

    private static Object batch(MethodCall c) {
        Object rawCmd = c.params().get("CMD");
        Map<String, Object> cmd = new LinkedHashMap<>();
        if (rawCmd instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                cmd.put(String.valueOf(i), l.get(i));
            }
        } else {
            cmd.putAll(Params.map(rawCmd));
        }
        if (cmd.size() > MAX_COMMANDS) {
            throw BitrixError.badRequest("ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded");
        }
        for (Object v : cmd.values()) {
            if (methodOf(String.valueOf(v)).equalsIgnoreCase("batch")) {
                throw new BitrixError(405, "ERROR_BATCH_METHOD_NOT_ALLOWED", "Method is not allowed for batch usage");
            }
        }
        String halt = c.str("HALT");
        boolean stop = halt.equals("1") || halt.equalsIgnoreCase("true");
        Map<String, Object> results = new LinkedHashMap<>();
        Map<String, Object> errors = new LinkedHashMap<>();
        Map<String, Object> totals = new LinkedHashMap<>();
        Map<String, Object> nexts = new LinkedHashMap<>();
        Map<String, Object> times = new LinkedHashMap<>();
        RestDispatcher.Caller caller = new RestDispatcher.Caller(c.portal(), c.auth(), c.userId());
        for (Map.Entry<String, Object> e : cmd.entrySet()) {
            String line = String.valueOf(e.getValue());
            String method = methodOf(line);
            int q = line.indexOf('?');
            Map<String, Object> params = resolve(PhpForm.parse(q < 0 ? "" : line.substring(q + 1)), results);
            try {
                Object result = c.fake().dispatcher().executeInBatch(e.getKey(), method, params, caller);
                if (result instanceof ListResult list) {
                    results.put(e.getKey(), list.items());
                    totals.put(e.getKey(), list.total());
                    if (list.next() != null) {
                        nexts.put(e.getKey(), list.next());
                    }
                } else {
                    results.put(e.getKey(), result);
                }
                times.put(e.getKey(), c.fake().dispatcher().timeBlock(c.fake().clock().instant()));
            } catch (BitrixError err) {
                errors.put(e.getKey(), Map.of("error", err.code(), "error_description", err.description()));
                if (stop) {
                    break;
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", orEmptyList(results));
        out.put("result_error", orEmptyList(errors));
        out.put("result_total", orEmptyList(totals));
        out.put("result_next", orEmptyList(nexts));
        out.put("result_time", orEmptyList(times));
        return out;
    }

    private static String methodOf(String line) {
        int q = line.indexOf('?');
        return q < 0 ? line : line.substring(0, q);
    }

    private static Object orEmptyList(Map<String, Object> m) {
        return m.isEmpty() ? List.of() : m;
    }

    /** Replaces {@code $result[cmd][a][b]} in string values with the earlier result's field. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> params, Map<String, Object> results) {
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m) {
                out.put(k, resolve((Map<String, Object>) m, results));
            } else if (v instanceof String s) {
                Matcher matcher = REF.matcher(s);
                StringBuilder sb = new StringBuilder();
                while (matcher.find()) {
                    Object value = results.get(matcher.group(1));
                    for (String part : matcher.group(2).isEmpty() ? new String[0]
                            : matcher.group(2).substring(1, matcher.group(2).length() - 1).split("\\]\\[")) {
                        value = value instanceof Map<?, ?> mm ? mm.get(part)
                                : value instanceof List<?> l && part.matches("\\d+") && Integer.parseInt(part) < l.size() ? l.get(Integer.parseInt(part)) : null;
                    }
                    matcher.appendReplacement(sb, Matcher.quoteReplacement(value == null ? "" : Params.scalar(value)));
                }
                matcher.appendTail(sb);
                out.put(k, sb.toString());
            } else {
                out.put(k, v);
            }
        });
        return out;
    }
}
