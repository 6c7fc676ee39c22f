package dev.olbot.event;

import java.util.Optional;

/**
 * A user invoked one of the bot's commands: typed {@code /cmd}, a keyboard button or a message menu
 * item ({@code ONIMCOMMANDADD}, {@code ONIMBOTV2COMMANDADD}). Answer with {@code imbot.command.answer}
 * using {@code message.id()}.
 */
public record CommandInvoked(EventMeta meta, BotRef bot, Dialog dialog, Command command, Message message, User user)
        implements BotEvent {

    @Override
    public Optional<String> dialogId() {
        return Optional.of(dialog.dialogId());
    }

    @Override
    public Optional<String> dedupeKey() {
        return meta.deliveryKey().or(() -> Optional.of(meta.portal().key() + "/" + meta.type() + "/" + command.id() + "/" + message.id()));
    }
}
