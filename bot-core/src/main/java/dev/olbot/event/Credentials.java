package dev.olbot.event;

import java.time.Instant;
import java.util.Optional;

/**
 * One OAuth credential set as Bitrix24 sends it in an event ({@code auth[...]} or
 * {@code data[BOT][id][...]}). Every part may be absent: events caused by automation, and every
 * event of a bot registered through an inbound webhook, carry no tokens at all.
 *
 * <p>{@link #toString()} never prints token values.
 */
public record Credentials(
        Optional<String> accessToken,
        Optional<String> refreshToken,
        Optional<Instant> expires,
        Optional<Integer> expiresIn,
        Optional<String> scope,
        Optional<String> status,
        Optional<Long> userId,
        Optional<String> clientId,
        Optional<String> applicationToken) {

    public static final Credentials NONE = new Credentials(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** True when an access token is present. */
    public boolean hasTokens() {
        return accessToken.isPresent();
    }

    @Override
    public String toString() {
        return "Credentials[accessToken=" + mask(accessToken) + ", refreshToken=" + mask(refreshToken)
                + ", expires=" + expires.map(Instant::toString).orElse("-") + ", scope=" + scope.orElse("-")
                + ", status=" + status.orElse("-") + ", userId=" + userId.map(String::valueOf).orElse("-")
                + ", applicationToken=" + mask(applicationToken) + "]";
    }

    private static String mask(Optional<String> secret) {
        return secret.map(s -> "***").orElse("-");
    }
}
