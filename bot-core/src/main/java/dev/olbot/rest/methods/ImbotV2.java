package dev.olbot.rest.methods;

import dev.olbot.rest.methods.internal.Invoker;
import dev.olbot.rest.methods.internal.Params;
import dev.olbot.rest.methods.internal.Results;
import dev.olbot.rest.methods.result.EventBatch;
import dev.olbot.rest.methods.result.V2Bot;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * Chatbots 2.0 ({@code imbot.v2.*}); see {@link ImbotV2Specs}. {@code botToken} and the default
 * {@code botId} come from {@link OpenLinesApi}. Validation throws before any call.
 */
public final class ImbotV2 {

    private final Invoker invoker;

    ImbotV2(Invoker invoker) {
        this.invoker = invoker;
    }

    /**
     * Registers (idempotent per {@code code}). {@code fields}: {@code code}*, {@code properties}*
     * ({@code name}*), {@code type}, {@code eventMode} ({@code fetch}/{@code webhook}), {@code webhookUrl},
     * {@code isSupportOpenline} …; {@code botToken} is added from the API's configuration.
     */
    public Future<V2Bot> register(Map<String, ?> fields) {
        if ("webhook".equals(fields.get("eventMode")) && fields.get("webhookUrl") == null) {
            throw new IllegalArgumentException("imbot.v2.Bot.register: fields.webhookUrl is required when eventMode is webhook");
        }
        return invoker.call(ImbotV2Specs.BOT_REGISTER, Params.of("fields", fields), r -> V2Bot.from(r.path("bot")));
    }

    public Future<V2Bot> update(long botId, Map<String, ?> fields) {
        return invoker.call(ImbotV2Specs.BOT_UPDATE, Params.of("botId", botId, "fields", fields), r -> V2Bot.from(r.path("bot")));
    }

    public Future<Boolean> unregister(long botId) {
        return invoker.call(ImbotV2Specs.BOT_UNREGISTER, Params.of("botId", botId), Results::bool);
    }

    /** The application's bots; {@code filter}, {@code limit}, {@code offset} may be null. */
    public Future<List<V2Bot>> list(Map<String, ?> filter, Integer limit, Integer offset) {
        return invoker.call(ImbotV2Specs.BOT_LIST, Params.of("filter", filter, "limit", limit, "offset", offset),
                r -> Results.list(r.get("bots"), V2Bot::from));
    }

    /**
     * Polls events (fetch mode). {@code offset} confirms every event below it; {@code limit} 1–1000.
     * Poll every 5–30 s when idle, at least 2 s apart while {@code hasMore}.
     */
    public Future<EventBatch> events(long botId, Long offset, Integer limit, Boolean withUserEvents) {
        return invoker.call(ImbotV2Specs.EVENT_GET,
                Params.of("botId", botId, "offset", offset, "limit", limit, "withUserEvents", withUserEvents), EventBatch::from);
    }

    /**
     * Sends a message; {@code fields}: {@code message}, {@code attach}, {@code keyboard}, {@code system},
     * {@code urlPreview}, {@code replyId} … The future holds the new message id.
     */
    public Future<Long> send(long botId, String dialogId, Map<String, ?> fields) {
        return invoker.call(ImbotV2Specs.CHAT_MESSAGE_SEND, Params.of("botId", botId, "dialogId", dialogId, "fields", fields),
                r -> Results.id(r.get("id")));
    }
}
