package dev.olbot.rest.internal;

import dev.olbot.rest.WebhookCredentials;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Inbound-webhook calls: the secret is in the URL; bots registered through it need their id on every call. */
public final class WebhookAuth implements Auth {

    private final WebhookCredentials credentials;

    public WebhookAuth(WebhookCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Future<Target> target(String portal) {
        return Future.succeededFuture(new Target(credentials.baseUrl(), ""));
    }

    @Override
    public Map<String, ?> decorate(String method, Map<String, ?> params) {
        String m = method.toLowerCase(Locale.ROOT);
        if (m.startsWith("imbot.v2.")) {
            return with(params, "botToken", credentials.botToken());
        }
        if (m.startsWith("imbot.") || m.startsWith("imopenlines.bot.session.")) {
            Optional<String> id = credentials.clientId();
            if (id.isEmpty() && m.startsWith("imopenlines.bot.session.")) {
                id = credentials.botToken();
            }
            return with(params, "CLIENT_ID", id);
        }
        return params;
    }

    private static Map<String, ?> with(Map<String, ?> params, String key, Optional<String> value) {
        if (value.isEmpty() || params.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(key))) {
            return params;
        }
        Map<String, Object> copy = new LinkedHashMap<>(params);
        copy.put(key, value.get());
        return copy;
    }

    @Override
    public boolean refreshable() {
        return false;
    }

    @Override
    public Future<Void> refresh(String portal, String usedToken) {
        return Future.failedFuture(new UnsupportedOperationException("webhook credentials cannot be refreshed"));
    }
}
