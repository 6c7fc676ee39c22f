package dev.olbot.event;

import java.util.Optional;

/** A message was sent in a dialog with the bot ({@code ONIMBOTMESSAGEADD}, {@code ONIMBOTV2MESSAGEADD}). */
public record MessageAdded(EventMeta meta, BotRef bot, Dialog dialog, Message message, User user) implements BotEvent {

    @Override
    public Optional<String> dialogId() {
        return Optional.of(dialog.dialogId());
    }

    @Override
    public Optional<String> dedupeKey() {
        return meta.deliveryKey().or(() -> Optional.of(meta.portal().key() + "/" + meta.type() + "/" + bot.id() + "/" + message.id()));
    }
}
