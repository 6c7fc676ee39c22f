package dev.olbot.event;

import java.util.List;
import java.util.Optional;

/** An open-line session of the application's own connector changed ({@code OnSessionStart}). */
public record SessionStarted(EventMeta meta, List<LineSession> sessions) implements BotEvent {

    @Override
    public Optional<String> dialogId() {
        return sessions.isEmpty() ? Optional.empty() : sessions.get(0).chatId().map(id -> "chat" + id);
    }
}
