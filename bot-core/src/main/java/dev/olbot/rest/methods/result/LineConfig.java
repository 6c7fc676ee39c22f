package dev.olbot.rest.methods.result;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.rest.methods.internal.Results;
import java.util.List;

/**
 * An open line's settings ({@code imopenlines.config.get}, items of {@code config.list.get}).
 * {@link #queue()} holds the user ids of the queue's operators; the line {@link #id()} is what
 * {@code QUEUE_ID} of a transfer takes. Every other setting is in {@link #raw()}.
 */
public record LineConfig(long id, String lineName, boolean active, List<Long> queue, JsonNode raw) {

    public LineConfig {
        queue = List.copyOf(queue);
    }

    public static LineConfig from(JsonNode line) {
        return new LineConfig(Results.id(line.get("ID")), Results.text(line, "LINE_NAME"),
                Results.bool(line.get("ACTIVE")), Results.list(line.get("QUEUE"), Results::id), line);
    }

    /** A setting by its key, e.g. {@code WELCOME_BOT_ID}; null when absent. */
    public String setting(String key) {
        return Results.text(raw, key);
    }
}
