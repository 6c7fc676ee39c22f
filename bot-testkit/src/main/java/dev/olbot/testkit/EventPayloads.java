package dev.olbot.testkit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds event bodies with the keys of the documented payloads (values as strings, the way
 * {@code http_build_query} sends them). The caller encodes them with {@code PhpForm.encode}.
 */
final class EventPayloads {

    private final FakeBitrix24 fake;
    private final FakePortal portal;

    EventPayloads(FakeBitrix24 fake, FakePortal portal) {
        this.fake = fake;
        this.portal = portal;
    }

    static String s(Object o) {
        return String.valueOf(o);
    }

    /** Envelope {@code event, event_handler_id, data, ts, auth}. */
    Map<String, Object> envelope(String event, int handlerId, Map<String, Object> data, Map<String, Object> auth) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("event", event);
        e.put("event_handler_id", s(handlerId));
        e.put("data", data);
        e.put("ts", s(fake.clock().epochSecond()));
        e.put("auth", auth);
        return e;
    }

    /** Top-level {@code auth}: the acting user's tokens, or only the portal's identity for webhook bots. */
    Map<String, Object> userAuth(BotRecord bot, int userId, boolean withRefresh) {
        if (!bot.clientId.isEmpty()) {
            return webhookAuth(bot.clientId);
        }
        Tokens.Grant g = fake.tokens().issue(portal, userId);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("access_token", g.accessToken());
        a.put("expires", s(g.expiresAt().getEpochSecond()));
        a.put("expires_in", "3600");
        a.put("scope", Tokens.SCOPE);
        a.put("domain", portal.domain());
        a.put("server_endpoint", fake.serverEndpoint());
        a.put("status", "F");
        a.put("client_endpoint", fake.clientEndpoint());
        a.put("member_id", portal.memberId());
        a.put("user_id", s(userId));
        if (withRefresh) {
            a.put("refresh_token", g.refreshToken());
        }
        a.put("application_token", portal.applicationToken());
        return a;
    }

    Map<String, Object> webhookAuth(String clientId) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("domain", portal.domain());
        a.put("client_endpoint", fake.clientEndpoint());
        a.put("server_endpoint", fake.serverEndpoint());
        a.put("member_id", portal.memberId());
        a.put("application_token", clientId);
        return a;
    }

    /** {@code data[BOT][id]}: the bot's own tokens, an AUTH copy, BOT_ID and BOT_CODE. */
    Map<String, Object> botCredentials(BotRecord bot) {
        Map<String, Object> b = new LinkedHashMap<>();
        if (bot.clientId.isEmpty()) {
            Tokens.Grant g = fake.tokens().issue(portal, bot.id);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("access_token", g.accessToken());
            a.put("expires", s(g.expiresAt().getEpochSecond()));
            a.put("expires_in", "3600");
            a.put("scope", Tokens.SCOPE);
            a.put("domain", portal.domain());
            a.put("server_endpoint", fake.serverEndpoint());
            a.put("status", "F");
            a.put("client_endpoint", fake.clientEndpoint());
            a.put("member_id", portal.memberId());
            a.put("refresh_token", g.refreshToken());
            a.put("user_id", s(bot.id));
            a.put("client_id", fake.clientId());
            a.put("application_token", portal.applicationToken());
            b.putAll(a);
            b.put("AUTH", new LinkedHashMap<>(a));
        }
        b.put("BOT_ID", s(bot.id));
        b.put("BOT_CODE", bot.code);
        return b;
    }

    Map<String, Object> userBlock(PortalUser u, boolean flags, boolean workPosition) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ID", s(u.id()));
        m.put("NAME", u.name());
        m.put("FIRST_NAME", u.firstName());
        m.put("LAST_NAME", u.lastName());
        if (workPosition) {
            m.put("WORK_POSITION", u.workPosition());
        }
        m.put("GENDER", u.gender());
        if (flags) {
            m.put("IS_BOT", u.bot() ? "Y" : "N");
            m.put("IS_CONNECTOR", u.connector() ? "Y" : "N");
            m.put("IS_NETWORK", "N");
            m.put("IS_EXTRANET", u.connector() ? "Y" : "N");
        }
        return m;
    }

    /** PARAMS of a message in an open-line chat (ONIMBOTMESSAGEADD and ONIMCOMMANDADD). */
    Map<String, Object> messageParams(OpenLineChat chat, ChatMessage m, int prevMessageId, String commandContext, boolean command) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("MESSAGE", m.text());
        p.put("TEMPLATE_ID", UUID.nameUUIDFromBytes(("m" + m.id()).getBytes()).toString());
        p.put("MESSAGE_TYPE", "L");
        p.put("FROM_USER_ID", s(m.authorId()));
        p.put("DIALOG_ID", chat.dialogId());
        p.put("TO_CHAT_ID", s(chat.id()));
        p.put("AUTHOR_ID", s(m.authorId()));
        p.put("SYSTEM", "N");
        p.put("CHAT_ID", s(chat.id()));
        if (command) {
            p.put("CHAT_PARENT_ID", "0");
            p.put("CHAT_PARENT_MID", "0");
        }
        p.put("CHAT_TITLE", chat.title());
        p.put("CHAT_AUTHOR_ID", "0");
        p.put("CHAT_TYPE", "L");
        p.put("CHAT_AVATAR", "0");
        p.put("CHAT_COLOR", "MINT");
        p.put("CHAT_ENTITY_TYPE", "LINES");
        p.put("CHAT_ENTITY_ID", chat.entityId());
        p.put("CHAT_ENTITY_DATA_1", chat.entityData1());
        p.put("CHAT_ENTITY_DATA_2", chat.entityData2());
        p.put("CHAT_ENTITY_DATA_3", chat.entityData3());
        p.put("CHAT_EXTRANET", "Y");
        p.put("CHAT_PREV_MESSAGE_ID", s(prevMessageId));
        p.put("CHAT_CAN_POST", "MEMBER");
        p.put("RID", s(m.authorId()));
        p.put("IS_MANAGER", "N");
        if (command) {
            Map<String, Object> inChat = new LinkedHashMap<>();
            inChat.put(s(chat.botId), s(chat.botId));
            p.put("BOT_IN_CHAT", inChat);
            p.put("SKIP_USER_CHECK", "Y");
        }
        p.put("PUSH", "Y");
        p.put("PUSH_IMPORTANT", "N");
        if (command) {
            p.put("RECENT_ADD", "Y");
        }
        p.put("RECENT_SKIP_AUTHOR", "N");
        p.put("CONVERT", "N");
        p.put("SKIP_COMMAND", "N");
        p.put("SKIP_COUNTER_INCREMENTS", "N");
        p.put("SILENT_CONNECTOR", "N");
        p.put("SKIP_CONNECTOR", "N");
        p.put("IMPORTANT_CONNECTOR", "N");
        p.put("NO_SESSION_OL", "N");
        p.put("FAKE_RELATION", "0");
        p.put("SKIP_URL_INDEX", "N");
        if (!command) {
            p.put("COMMAND_CONTEXT", commandContext);
            p.put("CHAT_USER_COUNT", s(chat.members.size()));
            p.put("PLATFORM_CONTEXT", "web");
            p.put("MESSAGE_ORIGINAL", m.text());
            p.put("TO_USER_ID", "0");
        }
        p.put("MESSAGE_ID", s(m.id()));
        p.put("LANGUAGE", "en");
        return p;
    }

    /** PARAMS of ONIMBOTMESSAGEUPDATE / ONIMBOTMESSAGEDELETE in an open-line chat. */
    Map<String, Object> changeParams(OpenLineChat chat, ChatMessage m, boolean update) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ID", s(m.id()));
        p.put("CHAT_ID", s(chat.id()));
        p.put("AUTHOR_ID", s(m.authorId()));
        p.put("MESSAGE", m.text());
        p.put("MESSAGE_TYPE", "L");
        p.put("CHAT_AUTHOR_ID", "0");
        p.put("CHAT_ENTITY_TYPE", "LINES");
        p.put("CHAT_ENTITY_ID", chat.entityId());
        p.put("CHAT_ENTITY_DATA_1", chat.entityData1());
        p.put("CHAT_ENTITY_DATA_2", chat.entityData2());
        p.put("CHAT_ENTITY_DATA_3", chat.entityData3());
        if (update) {
            p.put("CHAT_USER_COUNT", s(chat.members.size()));
            p.put("PLATFORM_CONTEXT", "web");
            p.put("MESSAGE_ORIGINAL", m.text());
            p.put("TO_USER_ID", "0");
        }
        p.put("DIALOG_ID", chat.dialogId());
        p.put("MESSAGE_ID", s(m.id()));
        p.put("CHAT_TYPE", "L");
        p.put("LANGUAGE", "en");
        return p;
    }

    /** PARAMS of ONIMBOTJOINCHAT in an open-line chat. */
    Map<String, Object> joinParams(OpenLineChat chat, BotRecord bot, int userId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("CHAT_TYPE", "L");
        p.put("MESSAGE_TYPE", "L");
        p.put("BOT_ID", s(bot.id));
        p.put("USER_ID", s(userId));
        p.put("CHAT_ID", s(chat.id()));
        p.put("CHAT_AUTHOR_ID", "0");
        p.put("CHAT_ENTITY_TYPE", "LINES");
        p.put("CHAT_ENTITY_ID", chat.entityId());
        p.put("ACCESS_HISTORY", "1");
        p.put("DIALOG_ID", chat.dialogId());
        p.put("LANGUAGE", "en");
        return p;
    }

    // ---- Chatbots 2.0 ----

    Map<String, Object> v2Bot(BotRecord bot, boolean withAuth) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("id", bot.id);
        b.put("code", bot.code);
        if (withAuth) {
            Map<String, Object> a = new LinkedHashMap<>();
            if (bot.clientId.isEmpty()) {
                Tokens.Grant g = fake.tokens().issue(portal, bot.id);
                a.put("access_token", g.accessToken());
                a.put("refresh_token", g.refreshToken());
            }
            a.put("application_token", bot.clientId.isEmpty() ? portal.applicationToken() : bot.clientId);
            b.put("auth", a);
            return b;
        }
        b.put("type", bot.type);
        b.put("isHidden", false);
        b.put("isSupportOpenline", bot.openline);
        b.put("isReactionsEnabled", true);
        b.put("backgroundId", null);
        b.put("language", "en");
        b.put("moduleId", "rest");
        b.put("appId", bot.appId);
        b.put("eventMode", bot.eventMode);
        b.put("countMessage", 0);
        b.put("countCommand", 0);
        b.put("countChat", 0);
        b.put("countUser", 0);
        return b;
    }

    Map<String, Object> v2Message(ChatMessage m) {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("id", m.id());
        msg.put("chatId", m.chatId());
        msg.put("authorId", m.authorId());
        msg.put("date", iso(m.date().getEpochSecond()));
        msg.put("text", m.text());
        msg.put("isSystem", m.system());
        msg.put("uuid", "");
        msg.put("forward", null);
        msg.put("params", Map.of());
        msg.put("viewedByOthers", false);
        return msg;
    }

    Map<String, Object> v2Chat(OpenLineChat chat) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", chat.id());
        c.put("dialogId", chat.dialogId());
        c.put("type", "lines");
        c.put("name", chat.title());
        c.put("entityType", "LINES");
        c.put("entityId", chat.entityId());
        c.put("entityData1", chat.entityData1());
        c.put("owner", 0);
        c.put("avatar", "");
        c.put("color", "#29619b");
        return c;
    }

    Map<String, Object> v2User(PortalUser u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("active", true);
        m.put("name", u.name());
        m.put("firstName", u.firstName());
        m.put("lastName", u.lastName());
        m.put("workPosition", u.workPosition());
        m.put("color", "#df532d");
        m.put("avatar", "");
        m.put("gender", u.gender());
        m.put("birthday", "");
        m.put("extranet", u.connector());
        m.put("bot", u.bot());
        m.put("connector", u.connector());
        m.put("externalAuthId", u.connector() ? "imconnector" : u.bot() ? "bot" : "default");
        m.put("status", "online");
        m.put("idle", false);
        m.put("lastActivityDate", iso(fake.clock().epochSecond()));
        m.put("absent", false);
        m.put("departments", u.connector() ? java.util.List.of() : java.util.List.of(1));
        m.put("phones", false);
        m.put("type", u.connector() ? "extranet" : u.bot() ? "bot" : "employee");
        return m;
    }

    static String iso(long epochSecond) {
        return OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC).format(ISO);
    }

    private static final java.time.format.DateTimeFormatter ISO =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
}
