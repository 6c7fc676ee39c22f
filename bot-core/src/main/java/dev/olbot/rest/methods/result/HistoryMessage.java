package dev.olbot.rest.methods.result;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.rest.methods.internal.Results;

/** One message of {@code imopenlines.session.history.get}; {@code senderId} 0 is a system message. */
public record HistoryMessage(long id, long chatId, long senderId, String recipientId, String date, String text, JsonNode params) {

    public static HistoryMessage from(JsonNode m) {
        return new HistoryMessage(Results.id(m.get("id")), Results.id(m.get("chatid")), Results.id(m.get("senderid")),
                Results.text(m, "recipientid"), Results.text(m, "date"), Results.text(m, "text"), m.path("params"));
    }
}
