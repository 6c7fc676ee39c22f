package dev.olbot.rest;

import java.util.Map;
import java.util.Objects;

/** One command of a {@code batch}: a method and its parameters. */
public record Call(String method, Map<String, ?> params) {

    public Call {
        Objects.requireNonNull(method, "method");
        params = params == null ? Map.of() : params;
    }

    public static Call of(String method, Map<String, ?> params) {
        return new Call(method, params);
    }
}
