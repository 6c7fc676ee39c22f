package dev.olbot.testkit;

/**
 * An employee working the line's queue: accepts, answers, transfers and finishes dialogs. Accepting, transferring
 * and finishing go through the same code as {@code imopenlines.operator.answer}, {@code .transfer} and
 * {@code .finish} / {@code .another.finish}, with the same errors ({@link BitrixError}).
 */
public final class Operator {

    private final FakePortal portal;
    private final int userId;

    Operator(FakePortal portal, int userId) {
        this.portal = portal;
        this.userId = userId;
    }

    public int userId() {
        return userId;
    }

    /** Takes the dialog (from the queue, or from the bot); the bot leaves the chat. */
    public void accepts(OpenLineChat chat) {
        synchronized (portal.fake.lock()) {
            LineAccess.check(portal, chat, userId);
            OperatorMethods.answer(portal, chat, userId);
        }
    }

    /** Answers the client; only the operator who holds the dialog can. */
    public void says(OpenLineChat chat, String text) {
        synchronized (portal.fake.lock()) {
            portal.flow.operatorSays(chat, userId, text);
        }
    }

    /** Hands the dialog to another employee. */
    public void transfersTo(OpenLineChat chat, int otherUserId) {
        synchronized (portal.fake.lock()) {
            LineAccess.check(portal, chat, userId);
            OperatorMethods.transfer(portal, chat, userId, otherUserId, 0);
        }
    }

    /** Hands the dialog to another line's queue. */
    public void transfersToLine(OpenLineChat chat, int lineId) {
        synchronized (portal.fake.lock()) {
            LineAccess.check(portal, chat, userId);
            OperatorMethods.transfer(portal, chat, userId, 0, lineId);
        }
    }

    /** Hands the dialog back to the line's bot, which joins the chat again. */
    public Sent transfersBackToBot(OpenLineChat chat) {
        synchronized (portal.fake.lock()) {
            return new Sent(portal.flow.operatorReturnsToBot(chat, userId));
        }
    }

    /** Closes the session: {@code operator.finish} when holding it, else {@code operator.another.finish}. */
    public void finishes(OpenLineChat chat) {
        synchronized (portal.fake.lock()) {
            LineAccess.check(portal, chat, userId);
            if (chat.owner == OpenLineChat.Owner.OPERATOR && chat.operatorId == userId) {
                OperatorMethods.finish(portal, chat, userId);
            } else {
                OperatorMethods.finishAnother(portal, chat, userId);
            }
        }
    }
}
