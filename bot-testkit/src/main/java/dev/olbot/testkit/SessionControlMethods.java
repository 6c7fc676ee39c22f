package dev.olbot.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sessions as operators and supervisors drive them: {@code imopenlines.session.start/open/join/intercept},
 * {@code imopenlines.message.session.start}, {@code imopenlines.session.head.vote}. Pinning and silent mode
 * are in {@link SessionModeMethods}.
 *
 * <p>Fake decisions without a source: {@code session.start} on an open session finishes it first; a missing
 * {@code MESSAGE_ID} of {@code message.session.start} answers {@code MESSAGE_ID}; {@code head.vote} accepts
 * {@code RATING} 1–5 only (other values count as absent) and only for a finished session ({@code ACCESS_DENIED}).
 */
final class SessionControlMethods {

    private SessionControlMethods() {}

    static void register(RestDispatcher d) {
        d.define("imopenlines.session.start").requireId("CHAT_ID", "CHAT_ID", "The specified chat identifier is invalid")
                .handle(c -> start(c.portal(), LineAccess.actable(c), c.userId()));
        d.define("imopenlines.session.open").require("USER_CODE", "ACCESS_DENIED",
                "You cannot open this conversation because you do not have sufficient permissions").handle(SessionControlMethods::open);
        d.define("imopenlines.session.join").requireId("CHAT_ID", "CHAT_ID", "The specified chat identifier is incorrect")
                .handle(SessionControlMethods::join);
        d.define("imopenlines.session.intercept").requireId("CHAT_ID", "CHAT_ID_EMPTY", "Chat ID can't be empty")
                .handle(SessionControlMethods::intercept);
        d.define("imopenlines.message.session.start").requireId("CHAT_ID", "CHAT_ID", "The provided chat identifier is invalid.")
                .requireId("MESSAGE_ID", "MESSAGE_ID", "The provided message identifier is invalid.")
                .handle(SessionControlMethods::messageSessionStart);
        d.define("imopenlines.session.head.vote").requireId("SESSION_ID", "EMPTY_SESSION_ID", "Session ID can't be empty")
                .handle(SessionControlMethods::headVote);
    }

    /** A new session in the chat, held by {@code userId} (an open one is finished first). */
    static boolean start(FakePortal p, OpenLineChat chat, int userId) {
        if (chat.owner != OpenLineChat.Owner.CLOSED) {
            p.flow.finish(chat, p.flow.name(userId) + " (new session)");
        }
        chat.sessionId = p.nextSessionId++;
        chat.sessionStart = p.fake.clock().epochSecond();
        chat.owner = OpenLineChat.Owner.OPERATOR;
        chat.operatorId = userId;
        chat.members.add(userId);
        p.fake.transcript().add("system", p.flow.name(userId) + " started session " + chat.sessionId + " in " + chat.dialogId());
        p.connectors.sessionStarted(chat);
        return true;
    }

    private static Object open(MethodCall c) {
        String code = c.str("USER_CODE");
        OpenLineChat chat = c.portal().chats.values().stream().filter(x -> x.entityId().equals(code)).findFirst()
                .orElseThrow(() -> BitrixError.badRequest("ACCESS_DENIED",
                        "You cannot open this conversation because you do not have sufficient permissions"));
        LineAccess.check(c.portal(), chat, c.userId());
        return Map.of("chatId", String.valueOf(chat.id));
    }

    private static Object join(MethodCall c) {
        OpenLineChat chat = LineAccess.actable(c);
        if (chat.owner == OpenLineChat.Owner.CLOSED) {
            throw OperatorMethods.denied();
        }
        chat.members.add(c.userId());
        c.fake().transcript().add("system", c.portal().flow.name(c.userId()) + " joined " + chat.dialogId());
        return true;
    }

    /** The caller takes the dialog over from whoever holds it (operator, queue or bot); the bot leaves. */
    private static Object intercept(MethodCall c) {
        FakePortal p = c.portal();
        OpenLineChat chat = p.chats.get((int) c.intval("CHAT_ID"));
        PortalUser user = p.users.get(c.userId());
        if (chat == null || user == null || !LineAccess.may(p, chat, user) || chat.owner == OpenLineChat.Owner.CLOSED
                || chat.owner == OpenLineChat.Owner.OPERATOR && chat.operatorId == c.userId()) {
            throw BitrixError.badRequest("OPERATOR_WRONG", "You can not redirect to this operator");
        }
        p.flow.cancelTimer(chat);
        int previous = chat.operatorId;
        if (chat.owner == OpenLineChat.Owner.OPERATOR && previous != 0) {
            chat.members.remove(previous);
        }
        if (chat.botId != 0) {
            chat.members.remove(chat.botId);
        }
        chat.owner = OpenLineChat.Owner.OPERATOR;
        chat.operatorId = c.userId();
        chat.members.add(c.userId());
        p.fake.transcript().add("system", p.flow.name(c.userId()) + " intercepted " + chat.dialogId()
                + (previous == 0 ? "" : " from " + p.flow.name(previous)));
        return true;
    }

    private static Object messageSessionStart(MethodCall c) {
        FakePortal p = c.portal();
        OpenLineChat chat = LineAccess.actable(c);
        int messageId = (int) c.intval("MESSAGE_ID");
        ChatMessage m = chat.messages.stream().filter(x -> x.id() == messageId).findFirst()
                .orElseThrow(() -> BitrixError.badRequest("MESSAGE_ID", "The provided message identifier is invalid."));
        start(p, chat, c.userId());
        ChatMessage moved = new ChatMessage(m.id(), m.chatId(), chat.sessionId, m.authorId(), m.role(), m.text(), m.keyboard(),
                m.attach(), m.system(), m.date());
        p.flow.replace(chat, moved);
        return true;
    }

    private static Object headVote(MethodCall c) {
        FakePortal p = c.portal();
        LineAccess.employee(c);
        long rating = c.intval("RATING");
        Integer r = rating >= 1 && rating <= 5 ? (int) rating : null;
        String comment = c.str("COMMENT").isBlank() ? null : c.str("COMMENT");
        if (r == null && comment == null) {
            throw BitrixError.badRequest("EMPTY_VOTE_PARAMS", "At least one of the parameters RATING or COMMENT must be specified");
        }
        int session = (int) c.intval("SESSION_ID");
        boolean finished = p.chats.values().stream().anyMatch(x -> x.sessionId == session && x.owner == OpenLineChat.Owner.CLOSED
                || x.sessionId != session && x.messages.stream().anyMatch(m -> m.sessionId() == session));
        if (!finished) {
            throw OperatorMethods.denied();
        }
        LineState.HeadVote previous = p.state.headVotes.get(session);
        LineState.HeadVote vote = new LineState.HeadVote(r != null ? r : previous == null ? null : previous.rating(),
                comment != null ? comment : previous == null ? null : previous.comment(), c.userId());
        p.state.headVotes.put(session, vote);
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("rating", vote.rating());
        what.put("comment", vote.comment());
        c.fake().transcript().add("system", p.flow.name(c.userId()) + " rated session " + session + " " + what);
        return true;
    }
}
