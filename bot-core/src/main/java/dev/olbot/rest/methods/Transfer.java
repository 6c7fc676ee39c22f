package dev.olbot.rest.methods;

import dev.olbot.rest.methods.internal.Params;
import java.util.Map;

/**
 * Target of {@code imopenlines.bot.session.transfer}: an employee ({@code USER_ID}), another
 * line's queue ({@code QUEUE_ID} = the line {@code ID}, not its {@code QUEUE} users), or a raw
 * {@code TRANSFER_ID}; {@code LEAVE=Y} makes the bot leave at once. Keys are sent upper-case:
 * the platform does not upper-case them for this method.
 *
 * @param chatId     numeric Open Line chat id (&gt; 0)
 * @param userId     employee, or null
 * @param queueId    line id, or null
 * @param transferId user id or {@code queue<ID>}, or null
 * @param leave      whether the bot leaves immediately
 */
public record Transfer(long chatId, Long userId, Long queueId, String transferId, boolean leave) {

    public static Transfer toUser(long chatId, long userId) {
        return new Transfer(chatId, userId, null, null, false);
    }

    public static Transfer toLine(long chatId, long lineId) {
        return new Transfer(chatId, null, lineId, null, false);
    }

    public static Transfer toTarget(long chatId, String transferId) {
        return new Transfer(chatId, null, null, transferId, false);
    }

    public Transfer leavingNow() {
        return new Transfer(chatId, userId, queueId, transferId, true);
    }

    Map<String, Object> toParams() {
        return Params.create().put("CHAT_ID", chatId).put("USER_ID", userId).put("QUEUE_ID", queueId)
                .put("TRANSFER_ID", transferId).flag("LEAVE", leave).map();
    }
}
