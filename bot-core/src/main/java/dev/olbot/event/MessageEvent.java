package dev.olbot.event;

import java.util.Optional;

/**
 * A message event in a dialog with the bot: added, edited or deleted. All three carry the same
 * parts and are deduplicated by portal, kind, bot and message id.
 */
public sealed interface MessageEvent extends BotEvent permits MessageAdded, MessageUpdated, MessageDeleted {

    BotRef bot();

    Dialog dialog();

    Message message();

    User user();

    @Override
    default Optional<String> dialogId() {
        return Optional.of(dialog().dialogId());
    }

    @Override
    default Optional<String> dedupeKey() {
        return meta().deliveryKey().or(() -> Optional.of(meta().portal().key() + "/" + meta().type() + "/" + bot().id() + "/"
                + message().id()));
    }
}
