package dev.olbot.event;

/** A message in a dialog with the bot was deleted ({@code ONIMBOTMESSAGEDELETE}, {@code ONIMBOTV2MESSAGEDELETE}); {@code message.text} is the platform's notice. */
public record MessageDeleted(EventMeta meta, BotRef bot, Dialog dialog, Message message, User user) implements MessageEvent {}
