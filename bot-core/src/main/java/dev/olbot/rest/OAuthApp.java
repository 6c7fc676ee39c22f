package dev.olbot.rest;

import java.util.Objects;

/**
 * The application's OAuth identity. The secret is sent only to the OAuth server's token URL,
 * never to a portal, and never appears in a message or log line; {@link #toString()} masks it.
 */
public record OAuthApp(String clientId, String clientSecret) {

    public OAuthApp {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
        return "OAuthApp[clientId=" + clientId + ", clientSecret=***]";
    }
}
