package dev.olbot.event;

import java.util.Optional;

/**
 * One entry of {@code data.DATA} of the open-line connector events ({@code OnSessionStart},
 * {@code OnSessionFinish}, {@code OnOpenLineMessage*}).
 */
public record LineSession(
        String connectorId,
        long lineId,
        Optional<Long> chatId,
        Optional<String> connectorChatId,
        Optional<String> connectorUserId,
        Optional<Long> sessionId,
        boolean closed,
        Optional<Long> messageId,
        Optional<String> text) {}
