package dev.olbot.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error the fake answers with: the platform's code, description, HTTP status and extra body keys. */
public final class BitrixError extends RuntimeException {

    private final String code;
    private final String description;
    private final int status;
    private final Map<String, Object> extra;

    public BitrixError(int status, String code, String description) {
        this(status, code, description, Map.of());
    }

    public BitrixError(int status, String code, String description, Map<String, Object> extra) {
        super(code + ": " + description + " [HTTP " + status + "]", null, false, false);
        this.code = code;
        this.description = description;
        this.status = status;
        this.extra = Map.copyOf(extra);
    }

    /** {@code 400 Bad Request}, the status of a {@code RestException} without an explicit one. */
    public static BitrixError badRequest(String code, String description) {
        return new BitrixError(400, code, description);
    }

    public static BitrixError wrongAuthType() {
        return new BitrixError(403, "WRONG_AUTH_TYPE", "Access for this method not allowed by session authorization.");
    }

    public static BitrixError methodNotFound() {
        return new BitrixError(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public int status() {
        return status;
    }

    /** The error body: {@code {"error":…, "error_description":…, …extra}}. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        body.putAll(extra);
        return body;
    }
}
