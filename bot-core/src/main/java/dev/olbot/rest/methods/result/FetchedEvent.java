package dev.olbot.rest.methods.result;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.rest.methods.internal.Results;

/** One event of {@code imbot.v2.Event.get}: {@code eventId}, {@code type} (e.g. {@code ONIMBOTV2MESSAGEADD}), {@code date}, {@code data}. */
public record FetchedEvent(long eventId, String type, String date, JsonNode data) {

    public static FetchedEvent from(JsonNode event) {
        return new FetchedEvent(Results.id(event.get("eventId")), Results.text(event, "type"),
                Results.text(event, "date"), event.path("data"));
    }
}
