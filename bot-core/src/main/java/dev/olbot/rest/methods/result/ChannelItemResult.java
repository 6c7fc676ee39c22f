package dev.olbot.rest.methods.result;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.rest.methods.internal.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One item of {@code result.DATA.RESULT} of the {@code imconnector.*} message methods: whether Bitrix24 took it
 * and, for {@code send.messages}, the client's portal user and the open-line chat and session it went to.
 *
 * @param userId    {@code user}: the client's user id in Bitrix24
 * @param chatId    {@code session.CHAT_ID}: the open-line chat ({@code CHAT_ID} of the imopenlines methods)
 * @param sessionId {@code session.ID}
 * @param errors    {@code ERRORS} when {@code SUCCESS} is false
 * @param raw       the item as sent
 */
public record ChannelItemResult(boolean success, Optional<Long> userId, Optional<Long> chatId, Optional<Long> sessionId,
                                List<String> errors, JsonNode raw) {

    public ChannelItemResult {
        errors = List.copyOf(errors);
    }

    /** The items of a {@code {SUCCESS, DATA: {RESULT: [...]}}} result. */
    public static List<ChannelItemResult> listFrom(JsonNode result) {
        return Results.list(result.path("DATA").path("RESULT"), ChannelItemResult::from);
    }

    public static ChannelItemResult from(JsonNode item) {
        List<String> errors = new ArrayList<>();
        item.path("ERRORS").forEach(e -> errors.add(e.asText()));
        JsonNode session = item.path("session");
        return new ChannelItemResult(Results.bool(item.get("SUCCESS")), Optional.ofNullable(Results.optionalId(item.get("user"))),
                Optional.ofNullable(Results.optionalId(session.get("CHAT_ID"))),
                Optional.ofNullable(Results.optionalId(session.get("ID"))), errors, item);
    }
}
