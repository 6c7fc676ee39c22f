package dev.olbot.testkit;

/** How a REST call authenticated. */
public enum AuthKind {
    /** An OAuth access token in {@code auth}. */
    OAUTH,
    /** An inbound webhook URL {@code /rest/<userId>/<secret>/method}. */
    WEBHOOK,
    /** A browser session ({@code sessid}), which the bot and session methods refuse. */
    SESSION,
    /** No credentials at all. */
    NONE
}
