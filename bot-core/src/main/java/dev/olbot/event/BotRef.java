package dev.olbot.event;

/**
 * The bot an event is addressed to, with the bot's own credentials ({@code data[BOT][id]} in v1,
 * {@code data.bot} in v2). These belong to the bot user, not to the author of the event.
 */
public record BotRef(long id, String code, Credentials auth) {}
