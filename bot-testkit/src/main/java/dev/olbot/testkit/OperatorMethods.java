package dev.olbot.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * What an operator's app calls ({@code imopenlines.operator.answer/skip/spam/transfer/finish/another.finish}).
 * {@link Operator} acts through the same functions, so a test's operator and a real operator app change the
 * chat in exactly the same way.
 *
 * <p>Fake decisions without a source: a closed dialog answers {@code ACCESS_DENIED} (skip: {@code ACCESS_DENIED_KICK},
 * as documented); answering a dialog one already holds is a no-op {@code true}; a dialog another operator holds
 * cannot be answered ({@code ACCESS_DENIED}; that is {@code imopenlines.session.intercept}).
 */
final class OperatorMethods {

    private OperatorMethods() {}

    static void register(RestDispatcher d) {
        d.define("imopenlines.operator.answer").requireId("CHAT_ID", "CHAT_ID", "The specified chat identifier is incorrect")
                .handle(c -> answer(c.portal(), LineAccess.actable(c), c.userId()));
        d.define("imopenlines.operator.skip").requireId("CHAT_ID", "CHAT_ID", "The provided chat identifier is incorrect")
                .handle(c -> skip(c.portal(), LineAccess.actable(c), c.userId()));
        d.define("imopenlines.operator.spam").requireId("CHAT_ID", "CHAT_ID", "The provided chat identifier is incorrect")
                .handle(c -> spam(c.portal(), LineAccess.actable(c), c.userId()));
        d.define("imopenlines.operator.finish").requireId("CHAT_ID", "CHAT_ID", "The provided chat identifier is incorrect")
                .handle(c -> finish(c.portal(), LineAccess.actable(c), c.userId()));
        d.define("imopenlines.operator.another.finish").requireId("CHAT_ID", "CHAT_ID", "The provided chat identifier is invalid")
                .handle(c -> finishAnother(c.portal(), LineAccess.actable(c), c.userId()));
        d.define("imopenlines.operator.transfer").requireId("CHAT_ID", "CHAT_ID_EMPTY", "Chat ID can't be empty")
                .requireAnyIsset("TRANSFER_ID_EMPTY", "Queue ID or User ID can't be empty", "TRANSFER_ID", "USER_ID", "QUEUE_ID")
                .handle(OperatorMethods::transfer);
    }

    /** Takes the dialog from the queue or the bot; the bot leaves. */
    static boolean answer(FakePortal p, OpenLineChat chat, int userId) {
        if (chat.owner == OpenLineChat.Owner.OPERATOR && chat.operatorId == userId) {
            return true;
        }
        if (chat.owner == OpenLineChat.Owner.CLOSED || chat.owner == OpenLineChat.Owner.OPERATOR) {
            throw denied();
        }
        p.flow.operatorAccepts(chat, userId);
        return true;
    }

    /** Passes the dialog to the next operator of the line's queue (or back to the queue when there is none). */
    static boolean skip(FakePortal p, OpenLineChat chat, int userId) {
        if (chat.owner == OpenLineChat.Owner.CLOSED || chat.pinned) {
            throw BitrixError.badRequest("ACCESS_DENIED_KICK", "Insufficient permissions to remove participants from the chat");
        }
        if (chat.operatorId != userId) {
            throw denied();
        }
        List<Integer> queue = new ArrayList<>(p.lines.get(chat.lineId).queueUserIds());
        int next = 0;
        int at = queue.indexOf(userId);
        for (int i = 1; i <= queue.size(); i++) {
            int candidate = queue.get(Math.floorMod(at + i, queue.size()));
            if (candidate != userId) {
                next = candidate;
                break;
            }
        }
        p.flow.cancelTimer(chat);
        chat.members.remove(userId);
        chat.owner = OpenLineChat.Owner.QUEUE;
        chat.operatorId = next;
        p.fake.transcript().add("system", p.flow.name(userId) + " skipped " + chat.dialogId()
                + (next == 0 ? ", back to the queue" : ", offered to " + p.flow.name(next)));
        return true;
    }

    static boolean spam(FakePortal p, OpenLineChat chat, int userId) {
        if (chat.owner == OpenLineChat.Owner.CLOSED) {
            throw denied();
        }
        chat.spam = true;
        p.flow.finish(chat, p.flow.name(userId) + " (spam)");
        return true;
    }

    /** The operator who holds the dialog closes it. */
    static boolean finish(FakePortal p, OpenLineChat chat, int userId) {
        if (chat.owner != OpenLineChat.Owner.OPERATOR || chat.operatorId != userId) {
            throw denied();
        }
        p.flow.finish(chat, p.flow.name(userId));
        return true;
    }

    /** Anyone with access closes the dialog, whoever holds it. */
    static boolean finishAnother(FakePortal p, OpenLineChat chat, int userId) {
        if (chat.owner == OpenLineChat.Owner.CLOSED) {
            throw denied();
        }
        p.flow.finish(chat, p.flow.name(userId));
        return true;
    }

    private static Object transfer(MethodCall c) {
        int[] to = SessionMethods.target(c.params());
        OpenLineChat chat = c.portal().chats.get((int) c.intval("CHAT_ID"));
        if (chat == null || !LineAccess.may(c.portal(), chat, c.portal().users.get(c.userId()))) {
            throw wrongOperator();
        }
        return transfer(c.portal(), chat, c.userId(), to[0], to[1]);
    }

    /** Hands the dialog to an employee ({@code toUser}) or another line's queue ({@code toLine}). */
    static boolean transfer(FakePortal p, OpenLineChat chat, int fromUserId, int toUser, int toLine) {
        PortalUser target = p.users.get(toUser);
        boolean valid = toUser > 0 ? target != null && !target.bot() && !target.connector() && toUser != fromUserId
                : p.lines.containsKey(toLine);
        if (chat.owner == OpenLineChat.Owner.CLOSED || !valid) {
            throw wrongOperator();
        }
        chat.members.remove(fromUserId);
        p.flow.transferTo(chat, toUser, toLine, p.flow.name(fromUserId));
        return true;
    }

    static BitrixError denied() {
        return BitrixError.badRequest("ACCESS_DENIED", LineAccess.ACCESS_DENIED_TEXT);
    }

    static BitrixError wrongOperator() {
        return BitrixError.badRequest("OPERATOR_WRONG", "You cannot redirect to this operator");
    }
}
