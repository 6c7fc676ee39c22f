package dev.olbot.rest.methods;

import java.util.Optional;

/**
 * What a method needs beyond the portal's OAuth token or inbound-webhook secret.
 */
public enum AuthNeed {
    /** Nothing extra. */
    NONE(null),
    /**
     * v1 bot methods: a bot registered through an inbound webhook passes the {@code CLIENT_ID} it
     * registered with on every call (REFERENCE §3.1); OAuth apps leave it out.
     */
    CLIENT_ID("CLIENT_ID"),
    /**
     * {@code imopenlines.bot.session.transfer/finish}: {@code CLIENT_ID} carries either the v1
     * {@code CLIENT_ID} or the v2 {@code botToken} (REFERENCE §7.3, §9).
     */
    CLIENT_ID_OR_BOT_TOKEN("CLIENT_ID"),
    /** {@code imbot.v2.*}: webhook calls pass {@code botToken} (REFERENCE §9). */
    BOT_TOKEN("botToken");

    private final String param;

    AuthNeed(String param) {
        this.param = param;
    }

    /** The parameter that carries the credential, if any. */
    public Optional<String> param() {
        return Optional.ofNullable(param);
    }
}
