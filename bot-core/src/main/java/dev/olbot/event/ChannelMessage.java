package dev.olbot.event;

import java.util.List;
import java.util.Optional;

/**
 * One item of {@code data.MESSAGES} of {@code OnImConnectorMessageAdd/Update/Delete}: a message Bitrix24 wants
 * the external channel to show, change or remove. Echo {@link #chatId()} and {@link #messageId()} back in
 * {@code imconnector.send.status.delivery}/{@code reading} ({@code im.chat_id}, {@code im.message_id}).
 *
 * @param chatId         {@code im.chat_id}, the open-line chat in Bitrix24
 * @param messageId      {@code im.message_id}, the message in Bitrix24
 * @param authorId       {@code message.user_id}, the Bitrix24 user (operator or bot) who wrote it
 * @param externalIds    {@code message.id}: the message's id(s) in the channel (update/delete); empty for a new one
 * @param externalChatId {@code chat.id}: the chat's id in the channel
 * @param text           {@code message.text} (BB-code), absent for a deletion
 */
public record ChannelMessage(Optional<Long> chatId, Optional<Long> messageId, Optional<Long> authorId, List<String> externalIds,
                             String externalChatId, Optional<String> text) {

    public ChannelMessage {
        externalIds = List.copyOf(externalIds);
    }
}
