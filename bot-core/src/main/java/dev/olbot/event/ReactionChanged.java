package dev.olbot.event;

import java.util.Optional;

/** Chatbots 2.0: a user set or removed a reaction on a message ({@code ONIMBOTV2REACTIONCHANGE}). */
public record ReactionChanged(EventMeta meta, BotRef bot, Dialog dialog, long messageId, String reaction, boolean added,
        User user) implements BotEvent {

    @Override
    public Optional<String> dialogId() {
        return Optional.of(dialog.dialogId());
    }

    @Override
    public Optional<String> dedupeKey() {
        return meta.deliveryKey();
    }
}
