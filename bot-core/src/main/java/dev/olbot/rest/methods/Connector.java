package dev.olbot.rest.methods;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.rest.methods.internal.Invoker;
import dev.olbot.rest.methods.internal.Params;
import dev.olbot.rest.methods.internal.Results;
import dev.olbot.rest.RestException;
import dev.olbot.rest.methods.result.ChannelItemResult;
import dev.olbot.rest.methods.result.ConnectorStatus;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Custom connectors ({@code imconnector.*}); see {@link ConnectorSpecs}. The message methods take
 * the documented {@code MESSAGES} items ({@code {user:{id,...}, message:{id,date,text,...}, chat:{id,...}}})
 * as maps and answer the platform's {@code {SUCCESS, DATA}} object untyped.
 */
public final class Connector {

    private final Invoker invoker;

    Connector(Invoker invoker) {
        this.invoker = invoker;
    }

    /**
     * Registers a connector. {@code params}: {@code ID}*, {@code NAME}*, {@code ICON}* ({@code DATA_IMAGE}*),
     * {@code PLACEMENT_HANDLER}*, and the documented options. The platform reports a refusal inside an HTTP 200
     * result ({@code {"result": false, "error": …}}); the future then fails with a {@link RestException}.
     */
    public Future<Boolean> register(Map<String, ?> params) {
        return invoker.call(ConnectorSpecs.REGISTER, new LinkedHashMap<>(params), r -> inResult(ConnectorSpecs.REGISTER, r));
    }

    public Future<Boolean> activate(String connector, long line, boolean active) {
        return invoker.call(ConnectorSpecs.ACTIVATE, Params.of("CONNECTOR", connector, "LINE", line, "ACTIVE", active ? "1" : "0"),
                Results::bool);
    }

    public Future<ConnectorStatus> status(String connector, Long line) {
        return invoker.call(ConnectorSpecs.STATUS, Params.of("CONNECTOR", connector, "LINE", line), ConnectorStatus::from);
    }

    /** {@code DATA}: {@code ID}, {@code URL}, {@code URL_IM}, {@code NAME}. */
    public Future<Boolean> setData(String connector, long line, Map<String, ?> data) {
        return invoker.call(ConnectorSpecs.CONNECTOR_DATA_SET, Params.of("CONNECTOR", connector, "LINE", line, "DATA", data),
                Results::bool);
    }

    /** Connector id → title. */
    public Future<Map<String, String>> list() {
        return invoker.call(ConnectorSpecs.LIST, Params.of(), r -> {
            Map<String, String> out = new LinkedHashMap<>();
            r.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return out;
        });
    }

    /** Removes the connector; a refusal ({@code APPLICATION_UNREGISTRATION_ERROR}, HTTP 200) fails the future. */
    public Future<Boolean> unregister(String id) {
        return invoker.call(ConnectorSpecs.UNREGISTER, Params.of("ID", id), r -> inResult(ConnectorSpecs.UNREGISTER, r));
    }

    /**
     * Sends client messages into the line (items from {@link dev.olbot.rest.methods.connector.ChannelItems#incoming});
     * the future holds one result per item, with the chat and session each went to.
     */
    public Future<List<ChannelItemResult>> send(String connector, long line, List<? extends Map<String, ?>> messages) {
        return invoker.call(ConnectorSpecs.SEND_MESSAGES, Params.of("CONNECTOR", connector, "LINE", line, "MESSAGES", messages),
                ChannelItemResult::listFrom);
    }

    public Future<JsonNode> sendMessages(String connector, long line, List<? extends Map<String, ?>> messages) {
        return messages(ConnectorSpecs.SEND_MESSAGES, connector, line, messages);
    }

    public Future<JsonNode> updateMessages(String connector, long line, List<? extends Map<String, ?>> messages) {
        return messages(ConnectorSpecs.UPDATE_MESSAGES, connector, line, messages);
    }

    public Future<JsonNode> deleteMessages(String connector, long line, List<? extends Map<String, ?>> messages) {
        return messages(ConnectorSpecs.DELETE_MESSAGES, connector, line, messages);
    }

    public Future<JsonNode> confirmDelivery(String connector, long line, List<? extends Map<String, ?>> messages) {
        return messages(ConnectorSpecs.SEND_STATUS_DELIVERY, connector, line, messages);
    }

    public Future<JsonNode> confirmReading(String connector, long line, List<? extends Map<String, ?>> messages) {
        return messages(ConnectorSpecs.SEND_STATUS_READING, connector, line, messages);
    }

    /** Renames the chat {@code chatId} (the external chat id) of a line; {@code userId} may be null. */
    public Future<Boolean> setChatName(String connector, long line, String chatId, String name, String userId) {
        return invoker.call(ConnectorSpecs.CHAT_NAME_SET,
                Params.of("CONNECTOR", connector, "LINE", line, "CHAT_ID", chatId, "NAME", name, "USER_ID", userId),
                r -> Results.bool(r.path("SUCCESS")));
    }

    private static boolean inResult(MethodSpec spec, JsonNode result) {
        if (result != null && result.hasNonNull("error")) {
            throw new RestException(spec.name(), 200, result.get("error").asText(), result.path("error_description").asText(""));
        }
        return Results.bool(result);
    }

    private Future<JsonNode> messages(MethodSpec spec, String connector, long line, List<? extends Map<String, ?>> messages) {
        return invoker.call(spec, Params.of("CONNECTOR", connector, "LINE", line, "MESSAGES", messages), r -> r);
    }
}
