package dev.olbot.testsupport;

import dev.olbot.wire.PhpForm;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds event bodies exactly as Bitrix24 puts them on the wire (PHP http_build_query form encoding). */
public final class WireEvents {

    public static final String DOMAIN = "b24-test.bitrix24.com";
    public static final String MEMBER_ID = "d03787b18442c698df6be629654747c0";
    public static final String APP_TOKEN = "51856fefc120afa4b628cc82d3935cce";

    private WireEvents() {}

    public static Map<String, Object> auth(String applicationToken) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("access_token", "s6p6eclrvim6da22ft9ch94ekreb52lv");
        auth.put("expires_in", "3600");
        auth.put("scope", "imbot,imopenlines");
        auth.put("domain", DOMAIN);
        auth.put("server_endpoint", "https://oauth.bitrix.info/rest/");
        auth.put("status", "L");
        auth.put("client_endpoint", "https://" + DOMAIN + "/rest/");
        auth.put("member_id", MEMBER_ID);
        auth.put("refresh_token", "4s386p3q0tr8dy89xvmt96234v3dljg8");
        auth.put("application_token", applicationToken);
        return auth;
    }

    public static String install(String applicationToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "ONAPPINSTALL");
        body.put("data", Map.of("VERSION", "1", "ACTIVE", "Y", "INSTALLED", "Y", "LANGUAGE_ID", "ru"));
        body.put("ts", "1710322800");
        body.put("auth", auth(applicationToken));
        return PhpForm.encode(body);
    }

    public static String uninstall(String applicationToken) {
        Map<String, Object> auth = new LinkedHashMap<>(auth(applicationToken));
        auth.remove("access_token");
        auth.remove("refresh_token");
        return PhpForm.encode(Map.of("event", "ONAPPUNINSTALL", "data", Map.of("LANGUAGE_ID", "ru", "CLEAN", "1"),
                "ts", "1710322900", "auth", auth));
    }

    /** A client's message in an open-line chat, as ONIMBOTMESSAGEADD arrives for a line bot (REFERENCE §5.1). */
    public static Map<String, Object> openLineMessage(long chatId, long messageId, String text, String applicationToken) {
        return lineEvent("ONIMBOTMESSAGEADD", chatId, 100 + chatId, messageId, text, 12, true, applicationToken);
    }

    /**
     * An open-line bot event in wire shape: {@code ONIMBOTMESSAGEADD} (or another event name) in chat
     * {@code chatId}, session {@code sessionId}, written by user {@code authorId} — the external client
     * when {@code client}, else an employee (operator).
     */
    public static Map<String, Object> lineEvent(String event, long chatId, long sessionId, long messageId, String text,
            long authorId, boolean client, String applicationToken) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("FROM_USER_ID", Long.toString(authorId));
        params.put("MESSAGE", text);
        params.put("TO_CHAT_ID", Long.toString(chatId));
        params.put("MESSAGE_TYPE", "L");
        params.put("SYSTEM", "N");
        params.put("AUTHOR_ID", Long.toString(authorId));
        params.put("CHAT_ID", Long.toString(chatId));
        params.put("CHAT_AUTHOR_ID", "0");
        params.put("CHAT_ENTITY_TYPE", "LINES");
        params.put("CHAT_ENTITY_ID", "telegrambot|2|1398715" + chatId + "|12");
        params.put("CHAT_ENTITY_DATA_1", "Y|DEAL|2|N|N|" + sessionId + "|1710321390|0|0|0");
        params.put("CHAT_ENTITY_DATA_2", "LEAD|0|COMPANY|0|CONTACT|2|DEAL|2");
        params.put("COMMAND_CONTEXT", "TEXTAREA");
        params.put("MESSAGE_ORIGINAL", text);
        params.put("TO_USER_ID", "0");
        params.put("DIALOG_ID", "chat" + chatId);
        params.put("MESSAGE_ID", Long.toString(messageId));
        params.put("CHAT_TYPE", "L");
        params.put("LANGUAGE", "ru");
        Map<String, Object> bot = new LinkedHashMap<>();
        bot.put("BOT_ID", "10");
        bot.put("BOT_CODE", "olbot_test");
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("ID", Long.toString(authorId));
        user.put("NAME", client ? "Oleg Client" : "Anna Operator");
        user.put("FIRST_NAME", client ? "Oleg" : "Anna");
        user.put("LAST_NAME", client ? "Client" : "Operator");
        user.put("GENDER", "M");
        user.put("IS_BOT", "N");
        user.put("IS_CONNECTOR", client ? "Y" : "N");
        user.put("IS_NETWORK", "N");
        user.put("IS_EXTRANET", client ? "Y" : "N");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.put("data", Map.of("BOT", Map.of("10", bot), "PARAMS", params, "USER", user));
        body.put("ts", "1710322800");
        body.put("auth", auth(applicationToken));
        return body;
    }

    public static String openLineMessageBody(long chatId, long messageId, String text) {
        return openLineMessageBody(chatId, messageId, text, APP_TOKEN);
    }

    public static String openLineMessageBody(long chatId, long messageId, String text, String applicationToken) {
        return PhpForm.encode(openLineMessage(chatId, messageId, text, applicationToken));
    }

    /** The same for a bot registered through an inbound webhook with CLIENT_ID: no tokens at all (REFERENCE §2.2). */
    public static String webhookBotMessageBody(long chatId, long messageId, String text, String shortToken) {
        Map<String, Object> body = openLineMessage(chatId, messageId, text, shortToken);
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("domain", DOMAIN);
        auth.put("client_endpoint", "https://" + DOMAIN + "/rest/");
        auth.put("server_endpoint", "https://oauth.bitrix.info/rest/");
        auth.put("member_id", MEMBER_ID);
        auth.put("application_token", shortToken);
        body.put("auth", auth);
        return PhpForm.encode(body);
    }

    /** The bot joins an open-line chat (a new session): {@code ONIMBOTJOINCHAT}. */
    public static String lineJoin(long chatId, long sessionId) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("CHAT_TYPE", "L");
        params.put("MESSAGE_TYPE", "L");
        params.put("BOT_ID", "10");
        params.put("USER_ID", "12");
        params.put("CHAT_ID", Long.toString(chatId));
        params.put("CHAT_AUTHOR_ID", "0");
        params.put("CHAT_ENTITY_TYPE", "LINES");
        params.put("CHAT_ENTITY_ID", "telegrambot|2|1398715" + chatId + "|12");
        params.put("CHAT_ENTITY_DATA_1", "Y|DEAL|2|N|N|" + sessionId + "|1710321390|0|0|0");
        params.put("ACCESS_HISTORY", "1");
        params.put("DIALOG_ID", "chat" + chatId);
        params.put("LANGUAGE", "ru");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "ONIMBOTJOINCHAT");
        body.put("data", Map.of("BOT", Map.of("10", Map.of("BOT_ID", "10", "BOT_CODE", "olbot_test")), "PARAMS", params,
                "USER", Map.of("ID", "12", "NAME", "Oleg Client", "FIRST_NAME", "Oleg", "LAST_NAME", "Client")));
        body.put("ts", Long.toString(1710322800 + sessionId * 7 + chatId));
        body.put("auth", Map.of("domain", DOMAIN, "member_id", MEMBER_ID, "application_token", APP_TOKEN));
        return PhpForm.encode(body);
    }

    /** A command button press (or typed command) in an open-line chat: {@code ONIMCOMMANDADD}. */
    public static String lineCommand(long chatId, long sessionId, long messageId, String command, String params,
            String context) {
        Map<String, Object> body = lineEvent("ONIMCOMMANDADD", chatId, sessionId, messageId, "/" + command + " " + params, 12,
                true, APP_TOKEN);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = new LinkedHashMap<>((Map<String, Object>) body.get("data"));
        data.remove("BOT");
        Map<String, Object> cmd = new LinkedHashMap<>();
        cmd.put("BOT_ID", "10");
        cmd.put("BOT_CODE", "olbot_test");
        cmd.put("COMMAND", command);
        cmd.put("COMMAND_ID", "77");
        cmd.put("COMMAND_PARAMS", params);
        cmd.put("COMMAND_CONTEXT", context);
        cmd.put("MESSAGE_ID", Long.toString(messageId));
        data.put("COMMAND", Map.of("77", cmd));
        body.put("data", data);
        return PhpForm.encode(body);
    }
}
