package dev.olbot.event;

/** A message in a dialog with the bot was edited ({@code ONIMBOTMESSAGEUPDATE}, {@code ONIMBOTV2MESSAGEUPDATE}). */
public record MessageUpdated(EventMeta meta, BotRef bot, Dialog dialog, Message message, User user) implements MessageEvent {}
