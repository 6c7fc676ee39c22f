package dev.olbot.event;

/** A message was sent in a dialog with the bot ({@code ONIMBOTMESSAGEADD}, {@code ONIMBOTV2MESSAGEADD}). */
public record MessageAdded(EventMeta meta, BotRef bot, Dialog dialog, Message message, User user) implements MessageEvent {}
