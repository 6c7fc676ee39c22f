package dev.olbot.bot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.event.ApiVersion;
import dev.olbot.event.AppInstalled;
import dev.olbot.rest.RestCaller;
import dev.olbot.rest.RestException;
import dev.olbot.rest.RestResponse;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers a bot and its commands on a portal, idempotently: a bot with the same {@code CODE}
 * already there is updated ({@code imbot.update}), not registered twice. The 5-bots-per-app limit
 * ({@code MAX_COUNT_ERROR}) is reported in plain words.
 */
public final class Registrar {

    private static final Logger log = LoggerFactory.getLogger(Registrar.class);

    /** How a Chatbots 2.0 bot receives events. */
    public enum EventMode { WEBHOOK, FETCH }

    private final RestCaller rest;
    private final java.util.function.Supplier<String> handlerUrl;
    private final ApiVersion version;
    private final EventMode mode;
    private final Consumer<AppInstalled> beforeRegister;
    private final Map<String, Long> botIds;
    private final String botToken;

    Registrar(RestCaller rest, java.util.function.Supplier<String> handlerUrl, ApiVersion version, EventMode mode, Consumer<AppInstalled> beforeRegister,
            Map<String, Long> botIds, String botToken) {
        this.botToken = botToken;
        this.rest = rest;
        this.handlerUrl = handlerUrl;
        this.version = version;
        this.mode = mode;
        this.beforeRegister = beforeRegister;
        this.botIds = botIds;
    }

    /** Registers (or updates) {@code bot} on {@code portal} and returns its id there. */
    long register(String portal, Bot bot, AppInstalled install) {
        if (install != null) {
            beforeRegister.accept(install);
        }
        String handlerUrl = this.handlerUrl.get();
        if (handlerUrl.isEmpty() && (version == ApiVersion.V1 || mode == EventMode.WEBHOOK)) {
            throw new IllegalStateException("no public handler URL configured: Bitrix24 would not know where to send events");
        }
        long id = version == ApiVersion.V2 ? registerV2(portal, bot, handlerUrl) : registerV1(portal, bot, handlerUrl);
        botIds.put(portal + "/" + bot.code(), id);
        log.info("bot {} is registered on portal {} with id {}", bot.code(), portal, id);
        return id;
    }

    private long registerV1(String portal, Bot bot, String handlerUrl) {
        Optional<Long> existing = findV1(portal, bot.code());
        long id;
        if (existing.isPresent()) {
            id = existing.get();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("EVENT_HANDLER", handlerUrl);
            fields.put("PROPERTIES", bot.properties());
            call(portal, "imbot.update", Map.of("BOT_ID", id, "FIELDS", fields));
        } else {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("CODE", bot.code());
            p.put("TYPE", bot.openLineOnly() ? "O" : "B");
            p.put("OPENLINE", "Y");
            p.put("EVENT_HANDLER", handlerUrl);
            p.put("PROPERTIES", bot.properties());
            try {
                id = call(portal, "imbot.register", p).result().asLong();
            } catch (RestException e) {
                if (e.is("MAX_COUNT_ERROR")) {
                    throw new IllegalStateException("portal " + portal + " already has the maximum number of bots for this"
                            + " application (5); unregister one in the portal or reuse a CODE: " + e.errorDescription(), e);
                }
                throw e;
            }
        }
        for (Bot.CommandDef c : bot.commands().values()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("BOT_ID", id);
            p.put("COMMAND", c.command());
            p.put("COMMON", c.common() ? "Y" : "N");
            p.put("HIDDEN", "N");
            p.put("EXTRANET_SUPPORT", "N");
            p.put("EVENT_COMMAND_ADD", handlerUrl);
            p.put("LANG", List.of(Map.of("LANGUAGE_ID", "en", "TITLE", c.title(), "PARAMS", c.params()),
                    Map.of("LANGUAGE_ID", "ru", "TITLE", c.title(), "PARAMS", c.params())));
            try {
                call(portal, "imbot.command.register", p);
            } catch (RestException e) {
                log.warn("command /{} of bot {} was not registered on portal {}: {}", c.command(), bot.code(), portal,
                        e.getMessage());
            }
        }
        return id;
    }

    private Optional<Long> findV1(String portal, String code) {
        JsonNode list = call(portal, "imbot.bot.list", Map.of()).result();
        if (list.isObject()) {
            for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
                JsonNode b = it.next();
                if (code.equals(b.path("CODE").asText())) {
                    return Optional.of(b.path("ID").asLong());
                }
            }
        }
        return Optional.empty();
    }

    private long registerV2(String portal, Bot bot, String handlerUrl) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", bot.properties().getOrDefault("NAME", bot.code()));
        Optional.ofNullable(bot.properties().get("WORK_POSITION")).ifPresent(v -> properties.put("workPosition", v));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", bot.code());
        if (!botToken.isEmpty()) {
            fields.put("botToken", botToken); // webhook auth: the token later calls carry (REFERENCE §9)
        }
        fields.put("properties", properties);
        fields.put("type", bot.openLineOnly() ? "openline" : "bot");
        if (!bot.openLineOnly()) {
            fields.put("isSupportOpenline", true);
        }
        fields.put("eventMode", mode == EventMode.FETCH ? "fetch" : "webhook");
        if (mode == EventMode.WEBHOOK) {
            fields.put("webhookUrl", handlerUrl);
        }
        JsonNode result = call(portal, "imbot.v2.Bot.register", Map.of("fields", fields)).result();
        JsonNode id = result.has("bot") ? result.path("bot").path("id") : result.path("id");
        return id.isMissingNode() ? result.asLong() : id.asLong();
    }

    private RestResponse call(String portal, String method, Map<String, ?> params) {
        try {
            return rest.call(portal, method, params).toCompletionStage().toCompletableFuture().get(65, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(method + " failed", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + " got no answer in 65 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
