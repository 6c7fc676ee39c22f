package dev.olbot.event;

import java.util.Optional;

/**
 * The bot was added to a chat or a personal dialog with it was opened ({@code ONIMBOTJOINCHAT},
 * {@code ONIMBOTV2JOINCHAT}). In an open line this is the moment the bot joins a new session: greet.
 *
 * @param user the user who added the bot / opened the dialog
 */
public record BotJoined(EventMeta meta, BotRef bot, Dialog dialog, User user) implements BotEvent {

    @Override
    public Optional<String> dialogId() {
        return Optional.of(dialog.dialogId());
    }

    @Override
    public Optional<String> dedupeKey() {
        // a join carries no message id: the same bot joining the same dialog, added by the same user,
        // in the same session and second is the same delivery
        return meta.deliveryKey().or(() -> meta.ts().map(ts -> meta.portal().key() + "/" + meta.type() + "/" + bot.id() + "/"
                + dialog.dialogId() + "/" + dialog.openLine().flatMap(OpenLine::sessionId).map(String::valueOf).orElse("-")
                + "/" + user.id() + "/" + ts.getEpochSecond()));
    }
}
