package dev.olbot.testkit;

import java.util.Map;

/**
 * The four {@code imopenlines.bot.session.*} methods as the platform source behaves: CHAT_ID > 0
 * ({@code CHAT_ID_EMPTY}), session auth refused ({@code WRONG_AUTH_TYPE}), transfer reading its
 * parameters without upper-casing them, finish and transfer acting as the app's first bot.
 */
final class SessionMethods {

    private static final String CHAT_ID_EMPTY = "Chat ID can't be empty";

    private SessionMethods() {}

    static void register(RestDispatcher d) {
        d.define("imopenlines.bot.session.message.send").noSessionAuth()
                .requireId("CHAT_ID", "CHAT_ID_EMPTY", CHAT_ID_EMPTY).handle(SessionMethods::messageSend);
        d.define("imopenlines.bot.session.send.message").noSessionAuth()
                .requireId("CHAT_ID", "CHAT_ID_EMPTY", CHAT_ID_EMPTY).handle(SessionMethods::messageSend);
        d.define("imopenlines.bot.session.operator").noSessionAuth()
                .requireId("CHAT_ID", "CHAT_ID_EMPTY", CHAT_ID_EMPTY).handle(SessionMethods::operator);
        d.define("imopenlines.bot.session.transfer").noSessionAuth().rawParams()
                .requireId("CHAT_ID", "CHAT_ID_EMPTY", CHAT_ID_EMPTY)
                .requireAnyIsset("TRANSFER_ID_EMPTY", "Queue ID or User ID can't be empty", "USER_ID", "QUEUE_ID", "TRANSFER_ID").handle(SessionMethods::transfer);
        d.define("imopenlines.bot.session.finish").noSessionAuth()
                .requireId("CHAT_ID", "CHAT_ID_EMPTY", CHAT_ID_EMPTY).handle(SessionMethods::finish);
    }

    private static Object messageSend(MethodCall c) {
        OpenLineChat chat = c.portal().chats.get((int) c.intval("CHAT_ID"));
        String name = c.str("NAME");
        if (chat == null) {
            return true;
        }
        if ("WELCOME".equals(name)) {
            c.portal().flow.post(chat, 0, "system", c.portal().lines.get(chat.lineId).get("WELCOME_MESSAGE_TEXT"), Map.of(), null, true);
        } else if ("DEFAULT".equals(name) && !c.str("MESSAGE").isEmpty()) {
            c.portal().flow.post(chat, 0, "system", c.str("MESSAGE"), Map.of(), null, true);
        }
        return true;
    }

    private static Object operator(MethodCall c) {
        OpenLineChat chat = c.portal().chats.get((int) c.intval("CHAT_ID"));
        if (chat == null || chat.owner != OpenLineChat.Owner.BOT) {
            throw BitrixError.badRequest("WRONG_CHAT", "Operator is not a bot");
        }
        c.portal().flow.toQueue(chat, "imopenlines.bot.session.operator");
        return true;
    }

    private static Object transfer(MethodCall c) {
        Map<String, Object> p = c.params();
        int[] to = target(p);
        int toUser = to[0];
        int toLine = to[1];
        String appId = appIdOf(c);
        BotRecord bot = BotMethods.firstBotOf(c.portal(), appId);
        OpenLineChat chat = c.portal().chats.get((int) Params.intval(p, "CHAT_ID"));
        PortalUser target = c.portal().users.get(toUser);
        boolean validTarget = toUser > 0 ? target != null && !target.bot() && !target.connector()
                : c.portal().lines.containsKey(toLine);
        if (chat == null || chat.owner == OpenLineChat.Owner.CLOSED || !validTarget) {
            throw BitrixError.badRequest("OPERATOR_WRONG", "You can not redirect to this operator");
        }
        c.portal().flow.transferTo(chat, toUser, toLine, "bot " + bot.name());
        if ("Y".equals(Params.str(p, "LEAVE"))) {
            chat.members.remove(bot.id);
            c.fake().transcript().add("system", "bot " + bot.name() + " left " + chat.dialogId() + " (LEAVE=Y)");
        }
        return true;
    }

    /**
     * {@code {userId, lineId}} of a transfer, priority USER_ID → QUEUE_ID → TRANSFER_ID ({@code queue<N>} or a user id),
     * with the platform's {@code USER_ID_EMPTY}, {@code QUEUE_ID_EMPTY}, {@code TRANSFER_ID_EMPTY}.
     */
    static int[] target(Map<String, Object> p) {
        int toUser = 0;
        int toLine = 0;
        if (p.containsKey("USER_ID")) {
            toUser = (int) Params.intval(p, "USER_ID");
            if (toUser <= 0) {
                throw BitrixError.badRequest("USER_ID_EMPTY", "User ID can't be empty");
            }
        } else if (p.containsKey("QUEUE_ID")) {
            toLine = (int) Params.intval(p, "QUEUE_ID");
            if (toLine <= 0) {
                throw BitrixError.badRequest("QUEUE_ID_EMPTY", "QUEUE ID can't be empty");
            }
        } else {
            String transferId = Params.str(p, "TRANSFER_ID");
            if (transferId.isEmpty()) {
                throw BitrixError.badRequest("TRANSFER_ID_EMPTY", "Queue ID or User ID can't be empty");
            }
            if (transferId.startsWith("queue")) {
                toLine = (int) Params.intval(transferId.substring("queue".length()));
            } else {
                toUser = (int) Params.intval(transferId);
            }
        }
        return new int[] {toUser, toLine};
    }

    /** The transfer method does not upper-case, so its CLIENT_ID is read as sent. */
    private static String appIdOf(MethodCall c) {
        if (c.auth() == AuthKind.WEBHOOK) {
            String clientId = Params.str(c.params(), "CLIENT_ID");
            return clientId.isEmpty() ? "" : "custom" + clientId;
        }
        return c.appId();
    }

    private static Object finish(MethodCall c) {
        BotRecord bot = BotMethods.firstBotOf(c.portal(), c.appId());
        OpenLineChat chat = c.portal().chats.get((int) c.intval("CHAT_ID"));
        if (chat != null && chat.owner != OpenLineChat.Owner.CLOSED) {
            chat.operatorId = bot.id;
            c.portal().flow.finish(chat, "bot " + bot.name());
        }
        return true;
    }
}
