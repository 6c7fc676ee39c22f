package dev.olbot.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chats of CRM entities: {@code imopenlines.crm.chat.get/getLastId/user.add/user.delete},
 * {@code imopenlines.crm.message.add}, and quick answers ({@code imopenlines.message.quick.save}). A chat
 * belongs to the lead {@code imopenlines.crm.lead.create} made for it and to whatever a test bound with
 * {@link FakePortal#bindCrm}.
 *
 * <p>Fake decision without a source: a missing {@code MESSAGE_ID} of {@code message.quick.save} answers
 * {@code CANT_SAVE_QUICK_ANSWER}.
 */
final class CrmChatMethods {

    private static final Set<String> TYPES = Set.of("LEAD", "DEAL", "CONTACT", "COMPANY");

    private CrmChatMethods() {}

    static void register(RestDispatcher d) {
        d.define("imopenlines.crm.chat.get")
                .require("CRM_ENTITY_TYPE", "ERROR_ARGUMENT", "Argument 'CRM_ENTITY_TYPE' is null or empty")
                .require("CRM_ENTITY", "ERROR_ARGUMENT", "Argument 'CRM_ENTITY' is null or empty").handle(CrmChatMethods::get);
        d.define("imopenlines.crm.chat.getLastId")
                .require("CRM_ENTITY_TYPE", "CRM_CHAT_EMPTY_CRM_DATA", "Empty CRM data")
                .require("CRM_ENTITY", "CRM_CHAT_EMPTY_CRM_DATA", "Empty CRM data").handle(CrmChatMethods::lastId);
        d.define("imopenlines.crm.chat.user.add")
                .require("CRM_ENTITY_TYPE", "ERROR_ARGUMENT", "Argument 'CRM_ENTITY_TYPE' is null or empty")
                .require("CRM_ENTITY", "ERROR_ARGUMENT", "Argument 'CRM_ENTITY' is null or empty")
                .requireId("USER_ID", "ERROR_ARGUMENT", "Argument 'Empty USER_ID' is null or empty").handle(c -> user(c, true));
        d.define("imopenlines.crm.chat.user.delete")
                .require("CRM_ENTITY_TYPE", "CRM_CHAT_EMPTY_CRM_DATA", "Empty CRM data")
                .require("CRM_ENTITY", "CRM_CHAT_EMPTY_CRM_DATA", "Empty CRM data")
                .requireId("USER_ID", "CRM_CHAT_EMPTY_USER", "Empty User ID").handle(c -> user(c, false));
        d.define("imopenlines.crm.message.add")
                .require("CRM_ENTITY_TYPE", "ERROR_ARGUMENT", "Argument CRM_ENTITY_TYPE is null or empty")
                .require("CRM_ENTITY", "ERROR_ARGUMENT", "Argument CRM_ENTITY is null or empty")
                .requireId("USER_ID", "ERROR_ARGUMENT", "Argument USER_ID is null or empty")
                .requireId("CHAT_ID", "ERROR_ARGUMENT", "Argument CHAT_ID is null or empty")
                .require("MESSAGE", "ERROR_ARGUMENT", "Argument MESSAGE is null or empty").handle(CrmChatMethods::messageAdd);
        d.define("imopenlines.message.quick.save").requireId("CHAT_ID", "CHAT_ID", "Invalid chat identifier provided")
                .requireId("MESSAGE_ID", "CANT_SAVE_QUICK_ANSWER", "Error saving quick answer").handle(CrmChatMethods::quickSave);
    }

    /** Chats bound to the entity of the call, oldest first; {@code ERROR_ARGUMENT} for a non-numeric CRM_ENTITY. */
    private static List<OpenLineChat> chatsOf(MethodCall c) {
        String type = c.str("CRM_ENTITY_TYPE").toUpperCase(Locale.ROOT);
        if (!c.str("CRM_ENTITY").matches("[0-9]+")) {
            throw BitrixError.badRequest("ERROR_ARGUMENT", "The value of an argument 'CRM_ENTITY' has an invalid type");
        }
        long entity = c.intval("CRM_ENTITY");
        List<OpenLineChat> out = new ArrayList<>();
        if (!TYPES.contains(type) || entity <= 0) {
            return out;
        }
        for (OpenLineChat chat : c.portal().chats.values()) {
            if (chat.crmEntity(type) == entity) {
                out.add(chat);
            }
        }
        return out;
    }

    private static Object get(MethodCall c) {
        boolean activeOnly = "Y".equals(c.str("ACTIVE_ONLY"));
        Map<String, String> titles = c.portal().connectors.titles();
        List<Object> out = new ArrayList<>();
        for (OpenLineChat chat : chatsOf(c)) {
            if (activeOnly && chat.owner == OpenLineChat.Owner.CLOSED) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("CHAT_ID", String.valueOf(chat.id));
            item.put("CONNECTOR_ID", chat.connector);
            item.put("CONNECTOR_TITLE", titles.getOrDefault(chat.connector, chat.connector));
            out.add(item);
        }
        return out;
    }

    private static Object lastId(MethodCall c) {
        List<OpenLineChat> chats = chatsOf(c);
        if (chats.isEmpty()) {
            throw BitrixError.badRequest("CRM_CHAT_EMPTY_CRM_DATA", "Could not find CRM object");
        }
        return chats.get(chats.size() - 1).id;
    }

    /** The chat to change: CHAT_ID when given (it must belong to the entity), else the entity's last chat; null for none. */
    private static OpenLineChat target(MethodCall c) {
        List<OpenLineChat> chats = chatsOf(c);
        if (c.intval("CHAT_ID") > 0) {
            return chats.stream().filter(x -> x.id == c.intval("CHAT_ID")).findFirst()
                    .orElseThrow(() -> BitrixError.badRequest("CHAT_NOT_IN_CRM", "Chat does not belong to the CRM object being checked"));
        }
        return chats.isEmpty() ? null : chats.get(chats.size() - 1);
    }

    private static Object user(MethodCall c, boolean add) {
        OpenLineChat chat = target(c);
        if (chat == null) {
            return 0;
        }
        int userId = (int) c.intval("USER_ID");
        PortalUser user = c.portal().users.get(userId);
        if (user == null || user.connector()) {
            throw BitrixError.badRequest("CRM_CHAT_USER_NOT_ACTIVE", "User not active");
        }
        if (add == chat.members.contains(userId)) {
            throw BitrixError.badRequest("WRONG_REQUEST", add ? "You don't have access or user already member in chat"
                    : "You don't have access or user already not in chat");
        }
        if (add) {
            chat.members.add(userId);
        } else {
            chat.members.remove(userId);
        }
        c.fake().transcript().add("system", c.portal().flow.name(userId) + (add ? " added to " : " removed from ") + chat.dialogId());
        return chat.id;
    }

    private static Object messageAdd(MethodCall c) {
        OpenLineChat chat = target(c);
        int userId = (int) c.intval("USER_ID");
        PortalUser user = c.portal().users.get(userId);
        if (chat == null) {
            throw BitrixError.badRequest("CHAT_NOT_IN_CRM", "Chat does not belong to the CRM entity being checked");
        }
        if (user == null || !chat.members.contains(userId)) {
            throw BitrixError.badRequest("CANCELED", "You cannot send messages to the specified chat");
        }
        return c.portal().flow.memberSays(chat, userId, user.bot() ? "bot" : "operator", c.str("MESSAGE")).id();
    }

    private static Object quickSave(MethodCall c) {
        OpenLineChat chat = LineAccess.chat(c);
        int messageId = (int) c.intval("MESSAGE_ID");
        ChatMessage m = chat.messages.stream().filter(x -> x.id() == messageId).findFirst()
                .orElseThrow(() -> BitrixError.badRequest("CANT_SAVE_QUICK_ANSWER", "Error saving quick answer"));
        LineAccess.check(c.portal(), chat, c.userId());
        c.portal().state.quickAnswers.add(m.text());
        c.fake().transcript().add("system", "quick answer saved: " + m.text());
        return true;
    }
}
