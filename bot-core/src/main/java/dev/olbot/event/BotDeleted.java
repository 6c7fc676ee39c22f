package dev.olbot.event;

import java.util.Optional;

/** The bot was deleted on the portal ({@code ONIMBOTDELETE}, {@code ONIMBOTV2DELETE}). */
public record BotDeleted(EventMeta meta, long botId, String botCode) implements BotEvent {

    @Override
    public Optional<String> dedupeKey() {
        return meta.deliveryKey().or(() -> Optional.of(meta.portal().key() + "/" + meta.type() + "/" + botId));
    }
}
