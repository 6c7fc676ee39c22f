package dev.olbot.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code imopenlines.dialog.get}, {@code .session.history.get}, {@code .crm.lead.create}, {@code .config.*}, {@code user.get}. */
final class OpenLineMethods {

    private OpenLineMethods() {}

    static void register(RestDispatcher d) {
        d.define("imopenlines.dialog.get")
                .requireAnyOf("ACCESS_ERROR", "You do not have access to the specified dialog",
                        "CHAT_ID", "DIALOG_ID", "SESSION_ID", "USER_CODE").handle(OpenLineMethods::dialogGet);
        d.define("imopenlines.session.history.get")
                .requireAnyOf("MISSING_REQUIRED_PARAM", "Session ID or Chat ID must be provided", "SESSION_ID", "CHAT_ID").handle(OpenLineMethods::history);
        d.define("imopenlines.crm.lead.create")
                .requireId("CHAT_ID", "CHAT_ID", "The specified chat identifier is incorrect").handle(OpenLineMethods::leadCreate);
        d.define("imopenlines.config.list.get").handle(OpenLineMethods::configList);
        d.define("imopenlines.config.get")
                .requireId("CONFIG_ID", "CONFIG_ID_EMPTY", "Config ID can't be empty").handle(OpenLineMethods::configGet);
        d.define("user.get").handle(OpenLineMethods::userGet);
    }

    private static Object dialogGet(MethodCall c) {
        FakePortal p = c.portal();
        OpenLineChat chat = null;
        if (c.intval("CHAT_ID") > 0) {
            chat = p.chats.get((int) c.intval("CHAT_ID"));
        } else if (c.str("DIALOG_ID").startsWith("chat")) {
            chat = p.chats.get((int) Params.intval(c.str("DIALOG_ID").substring(4)));
        } else if (c.intval("SESSION_ID") > 0) {
            chat = p.chats.values().stream().filter(x -> x.sessionId == c.intval("SESSION_ID")).findFirst().orElse(null);
        } else if (!c.str("USER_CODE").isEmpty()) {
            chat = p.chats.values().stream().filter(x -> x.entityId().equals(c.str("USER_CODE"))).findFirst().orElse(null);
        }
        if (chat == null) {
            throw BitrixError.badRequest("ACCESS_ERROR", "You do not have access to the specified dialog");
        }
        return dialog(c, chat);
    }

    /** The chat object of {@code imopenlines.dialog.get} (documented keys). */
    static Map<String, Object> dialog(MethodCall c, OpenLineChat chat) {
        Map<String, Object> d = new LinkedHashMap<>();
        int last = chat.messages.isEmpty() ? 0 : chat.messages.get(chat.messages.size() - 1).id();
        d.put("id", chat.id);
        d.put("parent_chat_id", 0);
        d.put("parent_message_id", 0);
        d.put("name", chat.title() + " - " + c.portal().lines.get(chat.lineId).name());
        d.put("description", null);
        d.put("owner", chat.operatorId);
        d.put("extranet", false);
        d.put("avatar", "");
        d.put("color", "#58cc47");
        d.put("type", "lines");
        d.put("counter", 0);
        d.put("user_counter", chat.members.size());
        d.put("message_count", chat.messages.size());
        d.put("unread_id", 0);
        Map<String, Object> restrictions = new LinkedHashMap<>();
        for (String k : List.of("avatar", "rename", "extend", "call", "mute", "leave", "leave_owner", "send", "user_list")) {
            restrictions.put(k, true);
        }
        d.put("restrictions", restrictions);
        d.put("last_message_id", last);
        d.put("last_id", last);
        d.put("marked_id", 0);
        d.put("disk_folder_id", 0);
        d.put("entity_type", "LINES");
        d.put("entity_id", chat.entityId());
        d.put("entity_data_1", chat.entityData1());
        d.put("entity_data_2", chat.entityData2());
        d.put("entity_data_3", chat.entityData3());
        d.put("mute_list", List.of());
        d.put("date_create", EventPayloads.iso(chat.sessionStart));
        d.put("message_type", "L");
        d.put("public", "");
        d.put("role", "member");
        d.put("entity_link", Map.of("type", "LINES", "url", "", "id", chat.entityId()));
        d.put("text_field_enabled", true);
        d.put("background_id", null);
        Map<String, Object> perms = new LinkedHashMap<>();
        perms.put("manage_users_add", "member");
        perms.put("manage_users_delete", "manager");
        perms.put("manage_ui", "member");
        perms.put("manage_settings", "owner");
        perms.put("manage_messages", "member");
        perms.put("can_post", "member");
        d.put("permissions", perms);
        d.put("is_new", false);
        d.put("readed_list", List.of());
        d.put("manager_list", chat.operatorId == 0 ? List.of() : List.of(chat.operatorId));
        d.put("last_message_views", Map.of("message_id", last, "first_viewers", List.of(), "count_of_viewers", 0));
        d.put("dialog_id", chat.dialogId());
        return d;
    }

    private static Object history(MethodCall c) {
        FakePortal p = c.portal();
        if (c.intval("SESSION_ID") <= 0 && c.intval("CHAT_ID") <= 0) {
            throw BitrixError.badRequest("MISSING_REQUIRED_PARAM", "Session ID or Chat ID must be provided");
        }
        OpenLineChat chat;
        int session;
        if (c.intval("SESSION_ID") > 0) {
            session = (int) c.intval("SESSION_ID");
            chat = p.chats.values().stream().filter(x -> x.messages.stream().anyMatch(m -> m.sessionId() == session))
                    .findFirst().orElse(null);
        } else {
            chat = p.chats.get((int) c.intval("CHAT_ID"));
            session = chat == null ? 0 : chat.sessionId;
        }
        if (chat == null) {
            throw BitrixError.badRequest("INVALID_SESSION_ID", "Invalid session ID");
        }
        Map<String, Object> messages = new LinkedHashMap<>();
        Map<String, Object> users = new LinkedHashMap<>();
        for (ChatMessage m : chat.messages) {
            if (m.sessionId() != session) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", String.valueOf(m.id()));
            item.put("chatid", String.valueOf(chat.id));
            item.put("senderid", String.valueOf(m.authorId()));
            item.put("recipientid", chat.dialogId());
            item.put("date", EventPayloads.iso(m.date().getEpochSecond()));
            item.put("text", m.text());
            item.put("textlegacy", m.text());
            item.put("params", List.of());
            messages.put(String.valueOf(m.id()), item);
            PortalUser u = p.users.get(m.authorId());
            if (u != null) {
                users.put(String.valueOf(u.id()), Map.of("id", u.id(), "name", u.name(), "bot", u.bot(), "connector", u.connector()));
            }
        }
        Map<String, Object> chatItem = new LinkedHashMap<>();
        chatItem.put("id", chat.id);
        chatItem.put("name", chat.title());
        chatItem.put("type", "lines");
        chatItem.put("entityType", "LINES");
        chatItem.put("entityId", chat.entityId());
        chatItem.put("entityData1", chat.entityData1());
        chatItem.put("entityData2", chat.entityData2());
        chatItem.put("entityData3", chat.entityData3());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("chatId", chat.id);
        r.put("canJoin", "N");
        r.put("canVoteHead", "N");
        r.put("sessionId", session);
        LineState.HeadVote vote = p.state.headVotes.get(session);
        r.put("sessionVoteHead", vote == null || vote.rating() == null ? 0 : vote.rating());
        r.put("sessionCommentHead", vote == null || vote.comment() == null ? "" : vote.comment());
        r.put("userId", chat.dialogId());
        r.put("message", messages.isEmpty() ? List.of() : messages);
        r.put("usersMessage", Map.of(chat.dialogId(), new ArrayList<>(messages.keySet())));
        r.put("users", users.isEmpty() ? List.of() : users);
        r.put("openlines", List.of());
        r.put("userInGroup", List.of());
        r.put("woUserInGroup", List.of());
        r.put("chat", Map.of(String.valueOf(chat.id), chatItem));
        r.put("userBlockChat", List.of());
        r.put("userInChat", Map.of(String.valueOf(chat.id), new ArrayList<>(chat.members)));
        r.put("files", List.of());
        return r;
    }

    private static Object leadCreate(MethodCall c) {
        FakePortal p = c.portal();
        OpenLineChat chat = p.chats.get((int) c.intval("CHAT_ID"));
        if (chat == null) {
            throw BitrixError.badRequest("CHAT_TYPE", "The specified chat is not an Open Channel");
        }
        int current = chat.owner == OpenLineChat.Owner.BOT ? chat.botId : chat.operatorId;
        BotRecord holdingBot = chat.owner == OpenLineChat.Owner.BOT ? p.bots.get(chat.botId) : null;
        boolean isOperator = c.userId() == current || holdingBot != null && holdingBot.appId.equals(c.appId());
        if (current == 0 || !isOperator) {
            throw BitrixError.badRequest("ERROR_USER_NOT_OPERATOR", "Attempt to save a CRM object by a user who is not an operator");
        }
        if (chat.crmLeadId == 0) {
            chat.crmLeadId = p.nextLeadId++;
            c.fake().transcript().add("system", "lead " + chat.crmLeadId + " created for " + chat.dialogId());
        }
        return true;
    }

    private static Object configList(MethodCall c) {
        Map<String, Object> params = Params.map(c.params().get("PARAMS"));
        long limit = params.containsKey("limit") ? Math.min(200, Math.max(1, Params.intval(params.get("limit")))) : 50;
        long offset = Math.max(0, Params.intval(params.get("offset")));
        Map<String, Object> filter = Params.map(params.get("filter"));
        List<Object> select = Params.list(params.get("select"));
        List<Object> out = new ArrayList<>();
        long skipped = 0;
        for (OpenLine line : c.portal().lines.values()) {
            Map<String, Object> s = line.settings();
            boolean match = filter.entrySet().stream().allMatch(f -> Params.scalar(f.getValue()).equals(Params.scalar(s.get(f.getKey()))));
            if (!match) {
                continue;
            }
            if (skipped++ < offset) {
                continue;
            }
            if (out.size() >= limit) {
                break;
            }
            if (!select.isEmpty()) {
                Map<String, Object> selected = new LinkedHashMap<>();
                select.forEach(k -> selected.put(String.valueOf(k), s.get(String.valueOf(k))));
                out.add(selected);
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private static Object configGet(MethodCall c) {
        OpenLine line = c.portal().lines.get((int) c.intval("CONFIG_ID"));
        if (line == null) {
            return false;
        }
        return line.settings();
    }

    private static Object userGet(MethodCall c) {
        long start = Math.max(0, c.intval("START"));
        Map<String, Object> filter = Params.upper(Params.map(c.params().get("FILTER")));
        long onlyId = c.intval("ID") > 0 ? c.intval("ID") : Params.intval(filter.get("ID"));
        List<Object> all = new ArrayList<>();
        for (PortalUser u : c.portal().users.values()) {
            if (onlyId > 0 && u.id() != onlyId) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ID", String.valueOf(u.id()));
            m.put("ACTIVE", true);
            m.put("NAME", u.firstName());
            m.put("LAST_NAME", u.lastName());
            m.put("WORK_POSITION", u.workPosition());
            m.put("IS_ONLINE", "Y");
            m.put("USER_TYPE", u.connector() ? "extranet" : u.bot() ? "bot" : "employee");
            all.add(m);
        }
        int from = (int) Math.min(start, all.size());
        int to = Math.min(from + 50, all.size());
        return new ListResult(all.subList(from, to), all.size(), to < all.size() ? (long) to : null);
    }
}
