package dev.olbot.event;

import java.util.Optional;

/** A message in a dialog with the bot was edited ({@code ONIMBOTMESSAGEUPDATE}, {@code ONIMBOTV2MESSAGEUPDATE}). */
public record MessageUpdated(EventMeta meta, BotRef bot, Dialog dialog, Message message, User user) implements BotEvent {

    @Override
    public Optional<String> dialogId() {
        return Optional.of(dialog.dialogId());
    }

    @Override
    public Optional<String> dedupeKey() {
        return meta.deliveryKey().or(() -> Optional.of(meta.portal().key() + "/" + meta.type() + "/" + bot.id() + "/" + message.id()));
    }
}
