package dev.olbot.rest.internal;

import java.util.regex.Pattern;

/** Masks secrets in URLs and messages before they reach an exception or a log line. */
public final class Secrets {

    private static final Pattern QUERY_SECRET = Pattern.compile(
            "(?i)((?:client_secret|refresh_token|access_token|auth|code)=)[^&\\s\"]*");
    private static final Pattern WEBHOOK_PATH = Pattern.compile("(/rest/\\d+/)[^/\\s\"]+");

    private Secrets() {}

    public static String mask(String text) {
        if (text == null) {
            return "";
        }
        String s = QUERY_SECRET.matcher(text).replaceAll("$1***");
        return WEBHOOK_PATH.matcher(s).replaceAll("$1***");
    }

    /** Masks {@code text} and also every literal occurrence of the given secrets. */
    public static String mask(String text, String... secrets) {
        String s = text == null ? "" : text;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                s = s.replace(secret, "***");
            }
        }
        return mask(s);
    }
}
