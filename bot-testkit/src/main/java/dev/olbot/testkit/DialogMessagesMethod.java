package dev.olbot.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code im.dialog.messages.get}: an open-line chat's messages, newest first, at most {@code LIMIT}
 * (default 20, at most 50 here). Without {@code FIRST_ID}/{@code LAST_ID}: the latest; with
 * {@code FIRST_ID}: the ones after that id (the oldest first of them, then listed newest first);
 * with {@code LAST_ID}: the ones before it. Errors {@code DIALOG_ID_EMPTY} and {@code ACCESS_ERROR}.
 *
 * <p>Unverified decision: the fake lets any caller of the portal read any of its open-line chats
 * (on a live portal the user behind the token needs access to the dialog, else {@code ACCESS_ERROR}).
 * Only {@code messages} and {@code chat_id} are filled; {@code users} and {@code files} are empty.
 */
final class DialogMessagesMethod {

    private DialogMessagesMethod() {}

    static void register(RestDispatcher d) {
        d.define("im.dialog.messages.get")
                .require("DIALOG_ID", "DIALOG_ID_EMPTY", "Dialog ID can't be empty").handle(DialogMessagesMethod::get);
    }

    private static Object get(MethodCall c) {
        String dialogId = c.str("DIALOG_ID");
        OpenLineChat chat = dialogId.startsWith("chat") ? c.portal().chats.get((int) Params.intval(dialogId.substring(4))) : null;
        if (chat == null) {
            throw BitrixError.badRequest("ACCESS_ERROR", "You do not have access to the specified dialog");
        }
        int limit = (int) Math.min(50, c.has("LIMIT") && c.intval("LIMIT") > 0 ? c.intval("LIMIT") : 20);
        List<ChatMessage> all = new ArrayList<>(chat.messages);
        List<ChatMessage> picked;
        if (c.has("FIRST_ID")) {
            long first = c.intval("FIRST_ID");
            picked = all.stream().filter(m -> m.id() > first).limit(limit).toList();
        } else {
            long last = c.has("LAST_ID") ? c.intval("LAST_ID") : Long.MAX_VALUE;
            List<ChatMessage> before = all.stream().filter(m -> m.id() < last).toList();
            picked = before.subList(Math.max(0, before.size() - limit), before.size());
        }
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = picked.size() - 1; i >= 0; i--) {
            ChatMessage m = picked.get(i);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", m.id());
            out.put("chat_id", m.chatId());
            out.put("author_id", m.system() && m.role().equals("system") ? 0 : m.authorId());
            out.put("date", EventPayloads.iso(m.date().getEpochSecond()));
            out.put("text", m.text());
            out.put("params", null);
            messages.add(out);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("messages", messages);
        result.put("users", List.of());
        result.put("files", List.of());
        result.put("chat_id", chat.id());
        return result;
    }
}
