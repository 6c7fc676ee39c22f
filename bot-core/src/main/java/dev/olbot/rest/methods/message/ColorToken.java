package dev.olbot.rest.methods.message;

import java.util.Locale;

/** {@code BG_COLOR_TOKEN} / {@code COLOR_TOKEN} values; sent lower-case. */
public enum ColorToken {
    PRIMARY, SECONDARY, ALERT, BASE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
