package dev.olbot.event;

import java.util.Optional;

/** A message in a dialog with the bot was deleted ({@code ONIMBOTMESSAGEDELETE}, {@code ONIMBOTV2MESSAGEDELETE}); {@code message.text} is the platform's notice. */
public record MessageDeleted(EventMeta meta, BotRef bot, Dialog dialog, Message message, User user) implements BotEvent {

    @Override
    public Optional<String> dialogId() {
        return Optional.of(dialog.dialogId());
    }

    @Override
    public Optional<String> dedupeKey() {
        return meta.deliveryKey().or(() -> Optional.of(meta.portal().key() + "/" + meta.type() + "/" + bot.id() + "/" + message.id()));
    }
}
