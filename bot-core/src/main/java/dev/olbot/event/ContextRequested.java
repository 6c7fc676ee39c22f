package dev.olbot.event;

import java.util.Optional;

/** Chatbots 2.0: the platform asks the bot for context of a dialog ({@code ONIMBOTV2CONTEXTGET}). */
public record ContextRequested(EventMeta meta, BotRef bot, Dialog dialog, User user) implements BotEvent {

    @Override
    public Optional<String> dialogId() {
        return Optional.of(dialog.dialogId());
    }

    @Override
    public Optional<String> dedupeKey() {
        return meta.deliveryKey();
    }
}
