package dev.olbot.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a custom channel sends into a line: {@code imconnector.send.messages} (the client writes: the first message
 * creates the open-line chat and session, the line's bot joins and hears it, exactly as for {@link Client#says}),
 * {@code update.messages} / {@code delete.messages} (the client edits or deletes; a bot in the chat gets
 * ONIMBOTMESSAGEUPDATE/DELETE), {@code send.status.delivery} / {@code send.status.reading} (the channel confirms
 * what Bitrix24 sent it, see {@link Connectors#statusOf}).
 *
 * <p>Fake decisions without a source: the client's portal user is named from {@code user.name}/{@code last_name};
 * a message with only {@code files} reads as {@code [file] <name>}; {@code message.user_id} (sending on behalf of a
 * manager) is not modelled; an item the fake cannot place answers {@code SUCCESS: false} with {@code ERRORS}.
 */
final class ConnectorMessageMethods {

    private static final String STRUCTURE = "The incorrect structure of a message inside MESSAGES parameter";

    private ConnectorMessageMethods() {}

    static void register(RestDispatcher d) {
        for (String method : List.of("send.messages", "update.messages", "delete.messages", "send.status.delivery",
                "send.status.reading")) {
            d.define("imconnector." + method).require("CONNECTOR", "ERROR_ARGUMENT", ConnectorMethods.argument("CONNECTOR"))
                    .requireId("LINE", "ERROR_ARGUMENT", ConnectorMethods.argument("LINE"))
                    .require("MESSAGES", "ERROR_ARGUMENT", ConnectorMethods.argument("MESSAGES"))
                    .handle(c -> each(c, method));
        }
    }

    private static Object each(MethodCall c, String method) {
        ConnectorMethods.requireApp(c);
        Connectors.Registration r = ConnectorMethods.connector(c);
        int line = (int) c.intval("LINE");
        boolean statusOnly = method.startsWith("send.status");
        if (!statusOnly && !c.portal().connectors.isActive(r.id(), line)) {
            throw BitrixError.badRequest("NOT_ACTIVE_LINE", "The line with this ID is inactive or does not exist");
        }
        Object raw = c.params().get("MESSAGES");
        if (!(raw instanceof List) && !(raw instanceof Map)) {
            throw BitrixError.badRequest("ERROR_ARGUMENT", "The value of an argument 'MESSAGES' must be of type array");
        }
        List<Object> results = new ArrayList<>();
        for (Object element : Params.list(raw)) {
            if (!(element instanceof Map)) {
                throw BitrixError.badRequest("ERROR_ARGUMENT", "The MESSAGES parameter must be an array of messages (arrays)");
            }
            Map<String, Object> item = Params.map(element);
            Map<String, Object> out = new LinkedHashMap<>(item);
            try {
                switch (method) {
                    case "send.messages" -> send(c, r.id(), line, item, out);
                    case "update.messages" -> change(c, r.id(), line, item, true);
                    case "delete.messages" -> change(c, r.id(), line, item, false);
                    default -> status(c, item, method.endsWith("delivery") ? "delivered" : "read");
                }
                out.put("SUCCESS", true);
            } catch (ItemError e) {
                out.put("SUCCESS", false);
                out.put("ERRORS", List.of(e.getMessage()));
            }
            results.add(out);
        }
        return ConnectorMethods.success(results);
    }

    /** One item the fake cannot place; the call still succeeds. */
    private static final class ItemError extends RuntimeException {
        ItemError(String message) {
            super(message, null, false, false);
        }
    }

    private static Map<String, Object> block(Map<String, Object> item, String key) {
        Object v = Params.lookup(item, key);
        if (!(v instanceof Map)) {
            throw BitrixError.badRequest("ERROR_ARGUMENT", STRUCTURE);
        }
        return Params.map(v);
    }

    private static void send(MethodCall c, String connector, int line, Map<String, Object> item, Map<String, Object> out) {
        Map<String, Object> user = block(item, "user");
        Map<String, Object> message = block(item, "message");
        Map<String, Object> chat = block(item, "chat");
        String userId = Params.scalar(Params.lookup(user, "id"));
        String chatId = Params.scalar(Params.lookup(chat, "id"));
        if (userId.isBlank() || chatId.isBlank()) {
            throw BitrixError.badRequest("ERROR_ARGUMENT", STRUCTURE);
        }
        String text = Params.scalar(Params.lookup(message, "text"));
        if (text.isBlank()) {
            List<Object> files = Params.list(Params.lookup(message, "files"));
            if (files.isEmpty()) {
                throw new ItemError("Message can't be empty: pass text or files");
            }
            text = "[file] " + Params.scalar(Params.lookup(Params.map(files.get(0)), "name"));
        }
        FakePortal p = c.portal();
        String key = connector + "|" + line + "|" + chatId + "|" + userId;
        Client client = p.connectors.clients.get(key);
        if (client == null) {
            String name = (Params.scalar(Params.lookup(user, "name")) + " " + Params.scalar(Params.lookup(user, "last_name"))).trim();
            client = new Client(p, line, connector, p.addClientUser(name.isEmpty() ? "Guest" : name), chatId);
            p.connectors.clients.put(key, client);
        }
        p.flow.clientMessage(client, text);
        OpenLineChat lineChat = p.chats.get(client.chatId);
        ChatMessage posted = lineChat.messages.get(lineChat.messages.size() - 1);
        String externalId = Params.scalar(Params.lookup(message, "id"));
        if (!externalId.isBlank()) {
            p.connectors.externalIds.put(posted.id(), externalId);
        }
        out.put("user", String.valueOf(client.userId));
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("ID", String.valueOf(lineChat.sessionId));
        session.put("CHAT_ID", String.valueOf(lineChat.id));
        out.put("session", session);
    }

    /** The client's message with external id {@code message.id} in the chat {@code chat.id}. */
    private static void change(MethodCall c, String connector, int line, Map<String, Object> item, boolean update) {
        Map<String, Object> message = block(item, "message");
        Map<String, Object> chat = block(item, "chat");
        Object idValue = Params.lookup(message, "id");
        String externalId = idValue instanceof List<?> || idValue instanceof Map<?, ?>
                ? Params.scalar(Params.list(idValue).isEmpty() ? "" : Params.list(idValue).get(0)) : Params.scalar(idValue);
        String chatId = Params.scalar(Params.lookup(chat, "id"));
        FakePortal p = c.portal();
        OpenLineChat lineChat = p.chats.values().stream()
                .filter(x -> x.connector.equals(connector) && x.connectorChatId.equals(chatId)) // the line changes on a transfer
                .findFirst().orElseThrow(() -> new ItemError("chat " + chatId + " is unknown"));
        ChatMessage m = lineChat.messages.stream()
                .filter(x -> externalId.equals(p.connectors.externalIds.get(x.id())) && x.role().equals("client"))
                .findFirst().orElseThrow(() -> new ItemError("message " + externalId + " is unknown"));
        if (update) {
            p.flow.clientEdits(lineChat, m, Params.scalar(Params.lookup(message, "text")));
        } else {
            p.flow.clientDeletes(lineChat, m);
        }
    }

    /** {@code im.message_id} of a message Bitrix24 sent to the channel is now delivered or read there. */
    private static void status(MethodCall c, Map<String, Object> item, String status) {
        Map<String, Object> im = block(item, "im");
        int messageId = (int) Params.intval(Params.lookup(im, "message_id"));
        ChatMessage m = c.portal().messages.get(messageId);
        if (m == null || m.chatId() != Params.intval(Params.lookup(im, "chat_id"))) {
            throw new ItemError("message " + messageId + " is unknown");
        }
        Object ids = Params.lookup(Params.map(Params.lookup(item, "message")), "id");
        List<Object> external = ids instanceof String s ? List.of(s) : Params.list(ids);
        if (!external.isEmpty()) {
            c.portal().connectors.externalIds.putIfAbsent(messageId, Params.scalar(external.get(0)));
        }
        c.portal().connectors.markStatus(messageId, status);
        c.fake().transcript().add("platform", "message " + messageId + " " + status + " in the channel");
    }
}
