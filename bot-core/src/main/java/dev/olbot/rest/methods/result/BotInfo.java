package dev.olbot.rest.methods.result;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.rest.methods.internal.Results;
import java.util.Optional;

/**
 * One item of {@code imbot.bot.list} ({@code ID}, {@code NAME}, {@code CODE}, {@code OPENLINE}).
 *
 * @param type the bot {@code TYPE} when the portal sends it (the docs' example does not)
 * @param raw  the item as sent
 */
public record BotInfo(long id, String name, String code, Optional<String> type, boolean openline, JsonNode raw) {

    public static BotInfo from(JsonNode item) {
        return new BotInfo(Results.id(item.get("ID")), Results.text(item, "NAME"), Results.text(item, "CODE"),
                Optional.ofNullable(Results.text(item, "TYPE")), Results.bool(item.get("OPENLINE")), item);
    }
}
