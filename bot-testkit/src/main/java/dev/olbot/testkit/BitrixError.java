package dev.olbot.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** An error the fake answers with: the platform's code, description, HTTP status and extra body keys. */
public final class BitrixError extends RuntimeException {

    private final String code;
    private final String description;
    private final int status;
    private final Map<String, Object> extra;
    private final boolean inResult;

    public BitrixError(int status, String code, String description) {
        this(status, code, description, Map.of());
    }

    public BitrixError(int status, String code, String description, Map<String, Object> extra) {
        this(status, code, description, extra, false);
    }

    private BitrixError(int status, String code, String description, Map<String, Object> extra, boolean inResult) {
        super(code + ": " + description + " [HTTP " + status + "]", null, false, false);
        this.code = code;
        this.description = description;
        this.status = status;
        this.extra = Map.copyOf(extra);
        this.inResult = inResult;
    }

    /**
     * An error the platform reports inside a successful answer: HTTP 200 with
     * {@code {"result": {"result": false, "error": …, "error_description": …}}} ({@code imconnector.register/unregister}).
     */
    public static BitrixError inResult(String code, String description) {
        return new BitrixError(200, code, description, Map.of(), true);
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

    /** Whether the error travels inside {@code result} of an HTTP 200 answer (see {@link #inResult}). */
    public boolean isInResult() {
        return inResult;
    }

    /** The error body: {@code {"error":…, "error_description":…, …extra}}, or the in-result form. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (inResult) {
            body.put("result", false);
        }
        body.put("error", code);
        body.put("error_description", description);
        body.putAll(extra);
        return inResult ? Map.of("result", body) : body;
    }
}
