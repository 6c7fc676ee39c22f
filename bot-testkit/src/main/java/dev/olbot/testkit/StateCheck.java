package dev.olbot.testkit;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What JSON types alone cannot say about a {@link StateSnapshot.Account}: no null where a value is needed, ids
 * that refer to something that exists, and counters above every id already handed out (so a restored portal
 * never hands out an id twice). Throws {@link Broken} with the field's path.
 */
final class StateCheck {

    /** The fields that may be null, as {@code Record.component}. */
    private static final Set<String> NULLABLE = Set.of("Chat.name", "Chat.botTimerDue", "Message.attach", "Vote.rating",
            "Vote.comment", "Registration.placementHandler");

    static final class Broken extends RuntimeException {
        Broken(String path, String reason) {
            super(path + ": " + reason, null, false, false);
        }
    }

    private StateCheck() {}

    static void check(StateSnapshot.Account account) {
        noNulls(account, "");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < account.portals().size(); i++) {
            StateSnapshot.Portal p = account.portals().get(i);
            if (!names.add(p.name())) {
                throw new Broken("portals[" + i + "].name", StateFile.quoted(p.name()) + " appears twice");
            }
            portal(p, "portals[" + i + "]");
        }
        if (account.port() < 0 || account.port() > 65535) {
            throw new Broken("port", account.port() + " is not a port");
        }
        for (int i = 0; i < account.tokens().size(); i++) {
            if (!names.contains(account.tokens().get(i).portal())) {
                throw new Broken("tokens[" + i + "].portal", "no portal " + StateFile.quoted(account.tokens().get(i).portal()));
            }
        }
    }

    private static void portal(StateSnapshot.Portal p, String at) {
        Set<Integer> users = new HashSet<>();
        p.users().forEach(u -> users.add(u.id()));
        Set<Integer> lines = new HashSet<>();
        for (int i = 0; i < p.lines().size(); i++) {
            lines.add(lineId(p.lines().get(i), at + ".lines[" + i + "].settings"));
        }
        for (int i = 0; i < p.bots().size(); i++) {
            refers(users, p.bots().get(i).id(), at + ".bots[" + i + "].id", "user");
        }
        int maxChat = 0;
        int maxSession = 0;
        int maxMessage = 0;
        for (int i = 0; i < p.chats().size(); i++) {
            StateSnapshot.Chat c = p.chats().get(i);
            String where = at + ".chats[" + i + "]";
            refers(lines, c.lineId(), where + ".lineId", "open line");
            refers(users, c.clientUserId(), where + ".clientUserId", "user");
            for (int j = 0; j < c.messages().size(); j++) {
                StateSnapshot.Message m = c.messages().get(j);
                if (m.chatId() != c.id()) {
                    throw new Broken(where + ".messages[" + j + "].chatId", m.chatId() + " is not this chat's id " + c.id());
                }
                maxMessage = Math.max(maxMessage, m.id());
            }
            maxChat = Math.max(maxChat, c.id());
            maxSession = Math.max(maxSession, c.sessionId());
        }
        for (StateSnapshot.Message m : p.detachedMessages()) {
            maxMessage = Math.max(maxMessage, m.id());
        }
        StateSnapshot.Counters n = p.next();
        above(n.user(), users.stream().mapToInt(Integer::intValue).max().orElse(0), at + ".next.user", "user id");
        above(n.line(), lines.stream().mapToInt(Integer::intValue).max().orElse(0), at + ".next.line", "line id");
        above(n.command(), p.commands().stream().mapToInt(StateSnapshot.Command::id).max().orElse(0), at + ".next.command", "command id");
        above(n.chat(), maxChat, at + ".next.chat", "chat id");
        above(n.session(), maxSession, at + ".next.session", "session id");
        above(n.message(), maxMessage, at + ".next.message", "message id");
    }

    private static int lineId(StateSnapshot.Line line, String at) {
        Object id = line.settings().get("ID");
        if (!(id instanceof String s) || !s.matches("[1-9][0-9]{0,8}")) {
            throw new Broken(at + ".ID", id == null ? "missing" : StateFile.quoted(String.valueOf(id)) + " is not a line id string (\"1\")");
        }
        Object queue = line.settings().get("QUEUE");
        if (!(queue instanceof List<?> q) || !q.stream().allMatch(x -> x instanceof String u && u.matches("[1-9][0-9]{0,8}"))) {
            throw new Broken(at + ".QUEUE", queue == null ? "missing" : "not a list of user id strings");
        }
        return Integer.parseInt(s);
    }

    private static void refers(Set<Integer> ids, int id, String at, String what) {
        if (!ids.contains(id)) {
            throw new Broken(at, "no " + what + " " + id);
        }
    }

    private static void above(int next, int highest, String at, String what) {
        if (next <= highest) {
            throw new Broken(at, next + " is not above the highest " + what + " in use (" + highest + ")");
        }
    }

    /**
     * Walks records and the lists and maps they declare; a null component not in {@link #NULLABLE}, or a null
     * element of a typed list or map, is refused. Free-form JSON ({@code Object} elements) may hold nulls.
     */
    private static void noNulls(Object value, String at) {
        if (!(value instanceof Record r)) {
            return;
        }
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName(), e);
            }
            String path = at.isEmpty() ? c.getName() : at + "." + c.getName();
            if (v == null) {
                if (!NULLABLE.contains(r.getClass().getSimpleName() + "." + c.getName())) {
                    throw new Broken(path, "missing (null)");
                }
            } else {
                typed(v, c.getGenericType(), path);
            }
        }
    }

    private static void typed(Object value, Type type, String at) {
        if (value instanceof Record) {
            noNulls(value, at);
            return;
        }
        if (!(type instanceof ParameterizedType pt)) {
            return;
        }
        Type[] args = pt.getActualTypeArguments();
        Type element = args[args.length - 1];
        if (element == Object.class) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) == null) {
                    throw new Broken(at + "[" + i + "]", "missing (null)");
                }
                typed(list.get(i), element, at + "[" + i + "]");
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() == null) {
                    throw new Broken(at + "." + e.getKey(), "missing (null)");
                }
                typed(e.getValue(), element, at + "." + e.getKey());
            }
        }
    }
}
