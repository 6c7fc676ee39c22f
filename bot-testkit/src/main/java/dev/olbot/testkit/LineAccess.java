package dev.olbot.testkit;

/**
 * Who may act on an open-line chat, with the platform's errors ({@code CHAT_ID}, {@code ACCESS_DENIED}).
 *
 * <p>Fake decision without a source: the portal admin (user 1, whose token the installed app holds),
 * the line's queue and the chat's members may act; bots and connector users may not.
 */
final class LineAccess {

    static final String ACCESS_DENIED_TEXT = "You cannot open this conversation as you do not have sufficient rights";

    private LineAccess() {}

    /** The chat of {@code CHAT_ID}, or {@code CHAT_ID} "The specified chat identifier is incorrect". */
    static OpenLineChat chat(MethodCall c) {
        OpenLineChat chat = c.portal().chats.get((int) c.intval("CHAT_ID"));
        if (chat == null) {
            throw BitrixError.badRequest("CHAT_ID", "The specified chat identifier is incorrect");
        }
        return chat;
    }

    /** The chat, after checking that the caller may act on it ({@code ACCESS_DENIED}, {@code USER_ID}). */
    static OpenLineChat actable(MethodCall c) {
        OpenLineChat chat = chat(c);
        check(c.portal(), chat, c.userId());
        return chat;
    }

    static void check(FakePortal portal, OpenLineChat chat, int userId) {
        PortalUser user = portal.users.get(userId);
        if (user == null) {
            throw BitrixError.badRequest("USER_ID", "The specified user identifier is incorrect");
        }
        if (!may(portal, chat, user)) {
            throw BitrixError.badRequest("ACCESS_DENIED", ACCESS_DENIED_TEXT);
        }
    }

    static boolean may(FakePortal portal, OpenLineChat chat, PortalUser user) {
        if (user.bot() || user.connector()) {
            return false;
        }
        OpenLine line = portal.lines.get(chat.lineId);
        return user.id() == 1 || chat.operatorId == user.id() || chat.members.contains(user.id())
                || line != null && line.queueUserIds().contains(user.id());
    }

    /** An employee who may work with open lines at all (votes, pins of own dialogs). */
    static PortalUser employee(MethodCall c) {
        PortalUser user = c.portal().users.get(c.userId());
        if (user == null || user.bot() || user.connector()) {
            throw BitrixError.badRequest("USER_ID", "The specified user identifier is incorrect");
        }
        return user;
    }
}
