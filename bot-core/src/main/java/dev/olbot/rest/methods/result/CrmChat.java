package dev.olbot.rest.methods.result;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.rest.methods.internal.Results;

/** One item of {@code imopenlines.crm.chat.get}. */
public record CrmChat(long chatId, String connectorId, String connectorTitle) {

    public static CrmChat from(JsonNode c) {
        return new CrmChat(Results.id(c.get("CHAT_ID")), Results.text(c, "CONNECTOR_ID"), Results.text(c, "CONNECTOR_TITLE"));
    }
}
