package dev.olbot.event;

import java.util.List;
import java.util.Optional;

/** A message in an open line of the application's own connector ({@code OnOpenLineMessageAdd/Update/Delete}). */
public record OpenLineMessage(EventMeta meta, Change change, List<LineSession> items) implements BotEvent {

    public enum Change { ADDED, UPDATED, DELETED }

    @Override
    public Optional<String> dialogId() {
        return items.isEmpty() ? Optional.empty() : items.get(0).chatId().map(id -> "chat" + id);
    }

    @Override
    public Optional<String> dedupeKey() {
        return items.isEmpty() ? Optional.empty()
                : items.get(0).messageId().map(id -> meta.portal().key() + "/" + meta.type() + "/" + id);
    }
}
