package dev.olbot.rest;

import java.util.Objects;
import java.util.Optional;

/**
 * An inbound webhook: calls go to {@code baseUrl + method} with no token.
 *
 * @param baseUrl  {@code https://portal.bitrix24.com/rest/USER_ID/SECRET/} (a missing trailing
 *                 slash is added); the secret is masked in every message
 * @param clientId the {@code CLIENT_ID} a v1 bot was registered with; when present it is added to
 *                 every {@code imbot.*} (v1) and {@code imopenlines.bot.session.*} call that does
 *                 not carry one
 * @param botToken the {@code botToken} of a Chatbots 2.0 bot; when present it is added to every
 *                 {@code imbot.v2.*} call, and used as {@code CLIENT_ID} of
 *                 {@code imopenlines.bot.session.*} calls when {@code clientId} is absent
 */
public record WebhookCredentials(String baseUrl, Optional<String> clientId, Optional<String> botToken) {

    public WebhookCredentials {
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        clientId = clientId == null ? Optional.empty() : clientId;
        botToken = botToken == null ? Optional.empty() : botToken;
    }

    public WebhookCredentials(String baseUrl) {
        this(baseUrl, Optional.empty(), Optional.empty());
    }

    public WebhookCredentials withClientId(String id) {
        return new WebhookCredentials(baseUrl, Optional.ofNullable(id), botToken);
    }

    public WebhookCredentials withBotToken(String token) {
        return new WebhookCredentials(baseUrl, clientId, Optional.ofNullable(token));
    }

    @Override
    public String toString() {
        return "WebhookCredentials[baseUrl=" + dev.olbot.rest.internal.Secrets.mask(baseUrl) + ", clientId="
                + clientId.map(x -> "***").orElse("-") + ", botToken=" + botToken.map(x -> "***").orElse("-") + "]";
    }
}
