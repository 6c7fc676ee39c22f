package dev.olbot.testkit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a recorded call should look like: {@code call("imbot.message.add").with("DIALOG_ID", "chat5")}.
 * Parameter values compare as the platform's strings ({@code 5} equals {@code "5"}); keys ignore case,
 * as the platform upper-cases them.
 */
public final class CallPattern {

    private final String method;
    private final Map<String, String> params = new LinkedHashMap<>();

    private CallPattern(String method) {
        this.method = method.toLowerCase(Locale.ROOT);
    }

    public static CallPattern call(String method) {
        return new CallPattern(method);
    }

    public CallPattern with(String key, Object value) {
        params.put(key, Params.scalar(value));
        return this;
    }

    public String method() {
        return method;
    }

    boolean matches(RecordedCall c) {
        if (!c.method().equals(method)) {
            return false;
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!Objects.equals(e.getValue(), c.param(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** 0..1: half for the method name (edit distance), half for the share of expected params that match. */
    double similarity(RecordedCall c) {
        double m = 1.0 - (double) distance(method, c.method()) / Math.max(method.length(), c.method().length());
        double p = 1.0;
        if (!params.isEmpty()) {
            int hit = 0;
            for (Map.Entry<String, String> e : params.entrySet()) {
                if (Objects.equals(e.getValue(), c.param(e.getKey()))) {
                    hit++;
                }
            }
            p = (double) hit / params.size();
        }
        return 0.5 * m + 0.5 * p;
    }

    /** Lines "KEY: expected X, was Y" for the params that differ. */
    String diff(RecordedCall c) {
        StringBuilder sb = new StringBuilder();
        if (!c.method().equals(method)) {
            sb.append("    method: expected ").append(method).append(", was ").append(c.method()).append('\n');
        }
        params.forEach((k, v) -> {
            String actual = c.param(k);
            if (!Objects.equals(v, actual)) {
                sb.append("    ").append(k).append(": expected \"").append(v).append("\", was ")
                        .append(actual == null ? "absent" : "\"" + actual + "\"").append('\n');
            }
        });
        return sb.toString();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    @Override
    public String toString() {
        return method + (params.isEmpty() ? "" : " with " + params);
    }
}
