package dev.olbot.rest.methods.result;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.rest.methods.internal.Results;
import java.util.List;

/**
 * The result of {@code imbot.v2.Event.get}: {@code {events, nextOffset, hasMore}}. Pass
 * {@link #nextOffset()} as {@code offset} on the next poll to confirm these events.
 */
public record EventBatch(List<FetchedEvent> events, long nextOffset, boolean hasMore) {

    public EventBatch {
        events = List.copyOf(events);
    }

    public static EventBatch from(JsonNode result) {
        return new EventBatch(Results.list(result.get("events"), FetchedEvent::from),
                Results.id(result.get("nextOffset")), Results.bool(result.get("hasMore")));
    }
}
