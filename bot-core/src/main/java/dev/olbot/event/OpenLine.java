package dev.olbot.event;

import java.util.Optional;

/**
 * The open-line identity of a chat ({@code CHAT_ENTITY_TYPE=LINES}).
 *
 * @param connector       connector id from {@code CHAT_ENTITY_ID} slot 0 ({@code livechat}, {@code telegrambot}, ...)
 * @param lineId          open line id, from {@code CHAT_ENTITY_ID} slot 1 (slot 7 of {@code CHAT_ENTITY_DATA_1}
 *                        is 0 in real traffic, so it is not used)
 * @param connectorChatId chat id in the external channel, {@code CHAT_ENTITY_ID} slot 2
 * @param connectorUserId user id in the external channel, {@code CHAT_ENTITY_ID} slot 3
 * @param sessionId       the open-line session, slot 6 (index 5) of {@code CHAT_ENTITY_DATA_1}
 * @param crm             CRM binding from {@code CHAT_ENTITY_DATA_1/2}
 */
public record OpenLine(
        String connector,
        long lineId,
        String connectorChatId,
        String connectorUserId,
        Optional<Long> sessionId,
        CrmBinding crm) {

    /** The {@code USER_CODE} the imopenlines methods take: {@code connector|line|chat|user}. */
    public String userCode() {
        return connector + "|" + lineId + "|" + connectorChatId + "|" + connectorUserId;
    }
}
