package dev.olbot.testkit;

/** An employee working the line's queue: accepts, answers, transfers and finishes dialogs. */
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
            portal.flow.operatorAccepts(chat, userId);
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
            portal.flow.operatorTransfers(chat, userId, otherUserId, 0);
        }
    }

    /** Hands the dialog to another line's queue. */
    public void transfersToLine(OpenLineChat chat, int lineId) {
        synchronized (portal.fake.lock()) {
            portal.flow.operatorTransfers(chat, userId, 0, lineId);
        }
    }

    /** Hands the dialog back to the line's bot, which joins the chat again. */
    public Sent transfersBackToBot(OpenLineChat chat) {
        synchronized (portal.fake.lock()) {
            return new Sent(portal.flow.operatorReturnsToBot(chat, userId));
        }
    }

    /** Closes the session. */
    public void finishes(OpenLineChat chat) {
        synchronized (portal.fake.lock()) {
            portal.flow.operatorFinishes(chat, userId);
        }
    }
}
