package dev.olbot.rest.methods.result;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.rest.methods.internal.Results;

/** A Chatbots 2.0 bot ({@code result.bot} of {@code imbot.v2.Bot.register/update}, items of {@code Bot.list}). */
public record V2Bot(long id, String code, String type, boolean supportOpenline, String eventMode, JsonNode raw) {

    public static V2Bot from(JsonNode bot) {
        return new V2Bot(Results.id(bot.get("id")), Results.text(bot, "code"), Results.text(bot, "type"),
                Results.bool(bot.get("isSupportOpenline")), Results.text(bot, "eventMode"), bot);
    }
}
