package dev.olbot.rest;

import java.util.Locale;

/**
 * A Bitrix24 REST error: the method, the HTTP status and the platform's {@code error} and
 * {@code error_description}. Raised whenever the body has {@code error}, whatever the status.
 * Codes compare case-insensitively ({@code menu_ERROR} is {@code MENU_ERROR}).
 */
public class RestException extends RuntimeException {

    private final String method;
    private final int httpStatus;
    private final String error;
    private final String errorDescription;

    public RestException(String method, int httpStatus, String error, String errorDescription) {
        this(method, httpStatus, error, errorDescription, null);
    }

    public RestException(String method, int httpStatus, String error, String errorDescription, Throwable cause) {
        super(method + ": " + error + (errorDescription == null || errorDescription.isEmpty() ? "" : " (" + errorDescription + ")")
                + " [HTTP " + httpStatus + "]", cause);
        this.method = method;
        this.httpStatus = httpStatus;
        this.error = error == null ? "" : error;
        this.errorDescription = errorDescription == null ? "" : errorDescription;
    }

    public String method() {
        return method;
    }

    /** HTTP status of the response; 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The platform's {@code error} code, as sent. */
    public String error() {
        return error;
    }

    public String errorDescription() {
        return errorDescription;
    }

    /** True when {@link #error()} equals {@code code}, ignoring case. */
    public boolean is(String code) {
        return error.toUpperCase(Locale.ROOT).equals(code.toUpperCase(Locale.ROOT));
    }
}
