package dev.olbot.rest.methods.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.rest.RestCaller;
import dev.olbot.rest.methods.MethodSpec;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends one described method through a {@link RestCaller}: adds the bot credential the method
 * needs ({@code CLIENT_ID} / {@code botToken}) and the default bot id when configured and not
 * given, validates against the {@link MethodSpec}, then calls. Validation failures are thrown
 * synchronously, before any call.
 *
 * @param caller   the transport
 * @param portal   the portal key
 * @param clientId the v1 {@code CLIENT_ID} of a webhook-registered bot, or null
 * @param botToken the v2 {@code botToken} of a webhook-registered bot, or null
 * @param botId    the bot id to send as {@code BOT_ID}/{@code botId} when a call does not name one, or null
 */
public record Invoker(RestCaller caller, String portal, String clientId, String botToken, Long botId) {

    public <T> Future<T> call(MethodSpec spec, Map<String, Object> params, Function<JsonNode, T> result) {
        Map<String, Object> out = new LinkedHashMap<>(params);
        addCredential(spec, out);
        addBotId(spec, out);
        spec.validate(out);
        return caller.call(portal, spec.name(), out).map(response -> result.apply(response.result()));
    }

    private void addCredential(MethodSpec spec, Map<String, Object> out) {
        String value = switch (spec.auth()) {
            case NONE -> null;
            case CLIENT_ID -> clientId;
            case CLIENT_ID_OR_BOT_TOKEN -> clientId != null ? clientId : botToken;
            case BOT_TOKEN -> botToken;
        };
        spec.auth().param().filter(p -> value != null).ifPresent(p -> out.putIfAbsent(p, value));
    }

    private void addBotId(MethodSpec spec, Map<String, Object> out) {
        if (botId == null) {
            return;
        }
        for (String key : new String[] {"BOT_ID", "botId"}) {
            if (spec.knownParams().contains(key)) {
                out.putIfAbsent(key, botId);
            }
        }
    }

}
