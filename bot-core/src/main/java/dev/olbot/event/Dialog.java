package dev.olbot.event;

import java.util.Optional;

/**
 * Where an event happened.
 *
 * @param dialogId   {@code DIALOG_ID}: a user id for a personal chat, {@code chat<N>} for a chat
 * @param chatId     the numeric chat id ({@code CHAT_ID}/{@code TO_CHAT_ID}, or the number in
 *                   {@code chat<N>}); the open-line session methods take this one
 * @param type       the chat type
 * @param title      chat title, when sent
 * @param entityType {@code CHAT_ENTITY_TYPE} ({@code LINES} for open lines), empty when none
 * @param entityId   {@code CHAT_ENTITY_ID}, empty when none
 * @param openLine   the open-line identity when this is an open-line chat
 */
public record Dialog(
        String dialogId,
        Optional<Long> chatId,
        ChatType type,
        Optional<String> title,
        Optional<String> entityType,
        Optional<String> entityId,
        Optional<OpenLine> openLine) {

    /** True for an open-line chat (entity type {@code LINES}, or chat type {@code L}). */
    public boolean isOpenLine() {
        return openLine.isPresent() || type == ChatType.OPEN_LINE;
    }
}
