package dev.olbot.event;

/** The bot was deleted on the portal ({@code ONIMBOTDELETE}, {@code ONIMBOTV2DELETE}). */
public record BotDeleted(EventMeta meta, long botId, String botCode) implements BotEvent {}
