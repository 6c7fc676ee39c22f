package dev.olbot.rest.methods.result;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.rest.methods.internal.Results;
import java.util.Map;

/**
 * The result of {@code imopenlines.session.history.get}: the chat and session, its messages keyed
 * by message id, and the users keyed by user id. Other blocks ({@code chat}, {@code files},
 * {@code usersMessage} …) are in {@link #raw()}.
 */
public record SessionHistory(long chatId, long sessionId, Map<Long, HistoryMessage> messages, Map<Long, JsonNode> users,
                             JsonNode raw) {

    public SessionHistory {
        messages = java.util.Collections.unmodifiableMap(messages);
        users = java.util.Collections.unmodifiableMap(users);
    }

    public static SessionHistory from(JsonNode r) {
        return new SessionHistory(Results.id(r.get("chatId")), Results.id(r.get("sessionId")),
                Results.mapById(r.get("message"), HistoryMessage::from), Results.mapById(r.get("users"), u -> u), r);
    }
}
