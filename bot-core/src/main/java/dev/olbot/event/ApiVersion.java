package dev.olbot.event;

/** Which event format a bot receives: the one of the API it was registered through. */
public enum ApiVersion {
    /** Classic chat-bot API: {@code ONIMBOT*}, UPPER_CASE keys, {@code imbot.register}. */
    V1,
    /** Chatbots 2.0: {@code ONIMBOTV2*}, camelCase keys, {@code imbot.v2.Bot.register}. */
    V2
}
