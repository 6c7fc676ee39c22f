package dev.olbot.examples.bench;

import dev.olbot.wire.PhpForm;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Realistic event bodies for benchmarks: an open-line {@code ONIMBOTMESSAGEADD} from a Telegram
 * client to an OAuth app's line bot, with both credential sets, as http_build_query puts it on the wire.
 */
final class SampleEvents {

    static final String DOMAIN = "bench.bitrix24.com";
    static final String MEMBER_ID = "bac1cd5c8940947a75e0d71b1a84e348";
    static final String APP_TOKEN = "831c76b092f9f135d9b6b36c3a720757";

    private final String template;
    /** The template's UTF-8 bytes cut at its placeholders; {@link #holes} says which goes after each piece. */
    private final byte[][] pieces;
    private final boolean[] holes; // true: the chat id, false: the message id

    SampleEvents() {
        this.template = PhpForm.encode(openLineMessage("__CHAT__", "__MID__"));
        java.util.List<byte[]> cut = new java.util.ArrayList<>();
        java.util.List<Boolean> kinds = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("__CHAT__|__MID__").matcher(template);
        int from = 0;
        while (m.find()) {
            cut.add(template.substring(from, m.start()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            kinds.add(m.group().equals("__CHAT__"));
            from = m.end();
        }
        cut.add(template.substring(from).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        this.pieces = cut.toArray(byte[][]::new);
        this.holes = new boolean[kinds.size()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = kinds.get(i);
        }
    }

    /** The body of message {@code messageId} in open-line chat {@code chatId}. */
    String openLineMessage(long chatId, long messageId) {
        return template.replace("__CHAT__", Long.toString(chatId)).replace("__MID__", Long.toString(messageId));
    }

    /**
     * {@link #openLineMessage} as UTF-8 bytes, put together from the template's pieces without scanning
     * or encoding it again: the load generator's own cost per request stays small beside the server's.
     */
    byte[] openLineMessageBytes(long chatId, long messageId) {
        byte[] chat = Long.toString(chatId).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] mid = Long.toString(messageId).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int length = 0;
        for (int i = 0; i < pieces.length; i++) {
            length += pieces[i].length + (i < holes.length ? (holes[i] ? chat.length : mid.length) : 0);
        }
        byte[] out = new byte[length];
        int at = 0;
        for (int i = 0; i < pieces.length; i++) {
            System.arraycopy(pieces[i], 0, out, at, pieces[i].length);
            at += pieces[i].length;
            if (i < holes.length) {
                byte[] value = holes[i] ? chat : mid;
                System.arraycopy(value, 0, out, at, value.length);
                at += value.length;
            }
        }
        return out;
    }

    /** Delivers the sample {@code ONAPPINSTALL} to {@code ingress} and waits until its gate confirmed it. */
    static void installOn(dev.olbot.ingress.Ingress ingress) throws InterruptedException {
        if (ingress.receive("application/x-www-form-urlencoded", install(), Map.of()).status() != 200 || !ingress.awaitIdle(10_000)) {
            throw new IllegalStateException("the benchmark's install was not accepted");
        }
    }

    static String install() {
        return PhpForm.encode(Map.of("event", "ONAPPINSTALL",
                "data", Map.of("VERSION", "1", "ACTIVE", "Y", "INSTALLED", "Y", "LANGUAGE_ID", "en"),
                "ts", "1771928985", "auth", auth("27")));
    }

    private static Map<String, Object> auth(String userId) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("access_token", "a98b9d690000071b000008440000001b0000071d8a2");
        auth.put("expires", "1771932585");
        auth.put("expires_in", "3600");
        auth.put("scope", "imbot,imopenlines,crm");
        auth.put("domain", DOMAIN);
        auth.put("server_endpoint", "https://oauth.bitrix.info/rest/");
        auth.put("status", "L");
        auth.put("client_endpoint", "https://" + DOMAIN + "/rest/");
        auth.put("member_id", MEMBER_ID);
        auth.put("user_id", userId);
        auth.put("refresh_token", "990ac569071b000008440000001b000007f80ccc35b5e3");
        auth.put("application_token", APP_TOKEN);
        return auth;
    }

    private static Map<String, Object> openLineMessage(String chat, String mid) {
        Map<String, Object> botAuth = auth("567");
        botAuth.put("client_id", "local.6571f0c5e4f5a1.12345678");
        Map<String, Object> bot = new LinkedHashMap<>(botAuth);
        bot.put("AUTH", botAuth);
        bot.put("BOT_ID", "567");
        bot.put("BOT_CODE", "support_line_bot");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("MESSAGE", "Здравствуйте! Подскажите, где мой заказ 48213? Hello, where is my order?");
        p.put("TEMPLATE_ID", "796c45aa-70e5-45aa-930c-c7fb32710c62");
        p.put("MESSAGE_TYPE", "L");
        p.put("FROM_USER_ID", "1985");
        p.put("DIALOG_ID", "chat" + chat);
        p.put("TO_CHAT_ID", chat);
        p.put("AUTHOR_ID", "1985");
        p.put("SYSTEM", "N");
        p.put("CHAT_ID", chat);
        p.put("CHAT_TITLE", "Ivan Petrov - Telegram");
        p.put("CHAT_AUTHOR_ID", "0");
        p.put("CHAT_TYPE", "L");
        p.put("CHAT_AVATAR", "0");
        p.put("CHAT_COLOR", "MINT");
        p.put("CHAT_ENTITY_TYPE", "LINES");
        p.put("CHAT_ENTITY_ID", "telegrambot|2|786792821|1985");
        p.put("CHAT_ENTITY_DATA_1", "Y|LEAD|1209|N|N|343|1773682918|0|0|0");
        p.put("CHAT_ENTITY_DATA_2", "LEAD|1209|COMPANY|0|CONTACT|0|DEAL|0");
        p.put("CHAT_ENTITY_DATA_3", "N");
        p.put("CHAT_EXTRANET", "N");
        p.put("CHAT_PREV_MESSAGE_ID", "80961");
        p.put("CHAT_CAN_POST", "MEMBER");
        p.put("RID", "1985");
        p.put("IS_MANAGER", "N");
        p.put("PUSH", "Y");
        p.put("SKIP_COMMAND", "N");
        p.put("SKIP_CONNECTOR", "N");
        p.put("IMPORTANT_CONNECTOR", "N");
        p.put("NO_SESSION_OL", "N");
        p.put("COMMAND_CONTEXT", "TEXTAREA");
        p.put("CHAT_USER_COUNT", "2");
        p.put("PLATFORM_CONTEXT", "web");
        p.put("MESSAGE_ORIGINAL", "Здравствуйте! Подскажите, где мой заказ 48213? Hello, where is my order?");
        p.put("TO_USER_ID", "0");
        p.put("MESSAGE_ID", mid);
        p.put("LANGUAGE", "ru");
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("ID", "1985");
        user.put("NAME", "Ivan Petrov");
        user.put("FIRST_NAME", "Ivan");
        user.put("LAST_NAME", "Petrov");
        user.put("WORK_POSITION", "");
        user.put("GENDER", "M");
        user.put("IS_BOT", "N");
        user.put("IS_CONNECTOR", "Y");
        user.put("IS_NETWORK", "N");
        user.put("IS_EXTRANET", "Y");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "ONIMBOTMESSAGEADD");
        body.put("event_handler_id", "403");
        body.put("data", Map.of("BOT", Map.of("567", bot), "PARAMS", p, "USER", user));
        body.put("ts", "1771928985");
        body.put("auth", auth("1985"));
        return body;
    }
}
