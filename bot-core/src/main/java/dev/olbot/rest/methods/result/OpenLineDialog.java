package dev.olbot.rest.methods.result;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.rest.methods.internal.Results;
import java.util.OptionalLong;

/**
 * The result of {@code imopenlines.dialog.get}.
 *
 * @param id          the numeric chat id ({@code CHAT_ID} of the session methods)
 * @param dialogId    {@code chat<id>}
 * @param entityId    USER_CODE {@code connector|LINE_ID|CONNECTOR_CHAT_ID|CONNECTOR_USER_ID}
 * @param entityData1 {@code LINES_SESSION}; the session id is its 6th field
 * @param type        {@code lines}
 * @param raw         the whole result
 */
public record OpenLineDialog(long id, String dialogId, String entityId, String entityData1, String type, JsonNode raw) {

    public static OpenLineDialog from(JsonNode r) {
        return new OpenLineDialog(Results.id(r.get("id")), Results.text(r, "dialog_id"), Results.text(r, "entity_id"),
                Results.text(r, "entity_data_1"), Results.text(r, "type"), r);
    }

    /** The session id from the 6th field of {@code entity_data_1}, when present and non-zero. */
    public OptionalLong sessionId() {
        if (entityData1 == null) {
            return OptionalLong.empty();
        }
        String[] fields = entityData1.split("\\|", -1);
        if (fields.length < 6 || !fields[5].matches("[0-9]+") || Long.parseLong(fields[5]) == 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(fields[5]));
    }

    /** The open line id, the 2nd field of the USER_CODE ({@code entity_id}). */
    public OptionalLong lineId() {
        String[] parts = entityId == null ? new String[0] : entityId.split("\\|");
        return parts.length > 1 && parts[1].matches("[0-9]+") ? OptionalLong.of(Long.parseLong(parts[1])) : OptionalLong.empty();
    }
}
