package dev.olbot.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code imopenlines.session.mode.pin/pinAll/unpinAll/silent}. A pinned dialog stays with its operator; in
 * silent mode the operator's messages stay inside Bitrix24 (a custom connector is not sent them, and
 * {@code CHAT_ENTITY_DATA_3} / {@code entity_data_3} read {@code Y}).
 *
 * <p>Fake decisions without a source: {@code pin} without {@code ACTIVATE} pins (only {@code N} unpins);
 * a pinned dialog cannot be skipped ({@code ACCESS_DENIED_KICK}).
 */
final class SessionModeMethods {

    private SessionModeMethods() {}

    static void register(RestDispatcher d) {
        d.define("imopenlines.session.mode.pin").requireId("CHAT_ID", "CHAT_ID_EMPTY", "Chat ID can't be empty")
                .handle(SessionModeMethods::pin);
        d.define("imopenlines.session.mode.pinAll").handle(c -> pinAll(c, true));
        d.define("imopenlines.session.mode.unpinAll").handle(c -> pinAll(c, false));
        d.define("imopenlines.session.mode.silent").requireId("CHAT_ID", "CHAT_ID", "The provided chat identifier is incorrect")
                .handle(SessionModeMethods::silent);
    }

    private static Object pin(MethodCall c) {
        OpenLineChat chat = LineAccess.actable(c);
        chat.pinned = !"N".equals(c.str("ACTIVATE"));
        c.fake().transcript().add("system", chat.dialogId() + (chat.pinned ? " pinned to " : " unpinned from ")
                + c.portal().flow.name(c.userId()));
        return true;
    }

    /** Every open dialog the caller holds; the result lists their session ids. */
    private static Object pinAll(MethodCall c, boolean pin) {
        LineAccess.employee(c);
        List<Integer> sessions = new ArrayList<>();
        for (OpenLineChat chat : c.portal().chats.values()) {
            if (chat.owner == OpenLineChat.Owner.OPERATOR && chat.operatorId == c.userId() && chat.pinned != pin) {
                chat.pinned = pin;
                sessions.add(chat.sessionId);
            }
        }
        c.fake().transcript().add("system", c.portal().flow.name(c.userId()) + (pin ? " pinned " : " unpinned ")
                + "sessions " + sessions);
        return sessions;
    }

    private static Object silent(MethodCall c) {
        OpenLineChat chat = LineAccess.actable(c);
        chat.silent = "Y".equals(c.str("ACTIVATE"));
        c.fake().transcript().add("system", "silent mode " + (chat.silent ? "on" : "off") + " in " + chat.dialogId());
        return true;
    }
}
