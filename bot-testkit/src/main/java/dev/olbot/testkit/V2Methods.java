package dev.olbot.testkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Chatbots 2.0: {@code imbot.v2.Bot.register/update/unregister/list} and {@code imbot.v2.Event.get} (fetch mode). */
final class V2Methods {

    static final int MAX_BOTS_PER_APP = 100;

    private V2Methods() {}

    static void register(RestDispatcher d) {
        d.define("imbot.v2.Bot.register").rawParams().noSessionAuth()
                .require("fields", "BOT_CODE_REQUIRED", "Bot code is required")
                .require("fields.code", "BOT_CODE_REQUIRED", "Bot code is required")
                .require("fields.properties", "BOT_PROPERTIES_REQUIRED", "Bot properties are required")
                .require("fields.properties.name", "BOT_PROPERTIES_REQUIRED", "Bot properties are required").handle(V2Methods::register);
        d.define("imbot.v2.Bot.update").rawParams().noSessionAuth()
                .requireId("botId", "BOT_ID_REQUIRED", "Bot ID is required")
                // undocumented code: bot-update.md lists none for a missing fields object
                .require("fields", "FIELDS_REQUIRED", "Fields are required").handle(V2Methods::update);
        d.define("imbot.v2.Bot.unregister").rawParams().noSessionAuth()
                .requireId("botId", "BOT_ID_REQUIRED", "Bot ID is required").handle(V2Methods::unregister);
        d.define("imbot.v2.Bot.list").rawParams().noSessionAuth().handle(V2Methods::list);
        d.define("imbot.v2.Event.get").rawParams().noSessionAuth()
                .requireId("botId", "BOT_ID_REQUIRED", "Bot ID is required").handle(V2Methods::eventGet);
    }

    static String appId(MethodCall c, String botToken) {
        if (c.auth() == AuthKind.WEBHOOK) {
            if (botToken.isEmpty()) {
                throw BitrixError.badRequest("BOT_TOKEN_NOT_SPECIFIED", "Bot token is not specified");
            }
            return "custom" + botToken;
        }
        return c.fake().clientId();
    }

    private static Object register(MethodCall c) {
        Map<String, Object> fields = Params.map(c.params().get("fields"));
        String botToken = Params.str(fields, "botToken");
        String appId = appId(c, botToken);
        if (botToken.length() > 40) {
            throw BitrixError.badRequest("BOT_TOKEN_INVALID_LENGTH", "Bot token must not be longer than 40 characters");
        }
        String code = Params.str(fields, "code");
        if (code.isEmpty()) {
            throw BitrixError.badRequest("BOT_CODE_REQUIRED", "Bot code is required");
        }
        Map<String, Object> props = Params.map(fields.get("properties"));
        if (Params.str(props, "name").isEmpty()) {
            throw BitrixError.badRequest("BOT_PROPERTIES_REQUIRED", "Bot properties are required");
        }
        String type = fields.containsKey("type") ? Params.str(fields, "type") : "bot";
        if (!Set.of("bot", "network", "openline", "supervisor", "personal").contains(type)) {
            throw BitrixError.badRequest("BOT_INVALID_TYPE", "Invalid bot type");
        }
        String mode = fields.containsKey("eventMode") ? Params.str(fields, "eventMode") : "fetch";
        if (!Set.of("fetch", "webhook").contains(mode)) {
            throw BitrixError.badRequest("BOT_INVALID_EVENT_MODE", "Invalid event mode");
        }
        String webhookUrl = Params.str(fields, "webhookUrl");
        if (mode.equals("webhook") && webhookUrl.isEmpty()) {
            throw BitrixError.badRequest("BOT_WEBHOOK_URL_REQUIRED", "Webhook URL is required");
        }
        if (!webhookUrl.isEmpty() && !webhookUrl.matches("(?i)https?://.+")) {
            throw BitrixError.badRequest("BOT_INVALID_CALLBACK", "Invalid callback URL");
        }
        FakePortal p = c.portal();
        for (BotRecord b : p.bots.values()) {
            if (b.code.equals(code)) {
                if (!b.appId.equals(appId)) {
                    throw BitrixError.badRequest("BOT_CODE_ALREADY_TAKEN", "Bot code is already taken");
                }
                return botResult(c, b);
            }
        }
        if (p.bots.values().stream().filter(b -> b.appId.equals(appId) && b.v2).count() >= MAX_BOTS_PER_APP) {
            throw BitrixError.badRequest("BOT_LIMIT_EXCEEDED", "Bot limit exceeded");
        }
        String fullName = (Params.str(props, "name") + " " + Params.str(props, "lastName")).trim();
        BotRecord bot = new BotRecord(p.addBotUser(fullName), appId, true);
        bot.code = code;
        bot.type = type;
        bot.openline = type.equals("openline") || "1".equals(Params.str(fields, "isSupportOpenline"))
                || "true".equals(Params.str(fields, "isSupportOpenline"));
        bot.eventMode = mode;
        bot.webhookUrl = webhookUrl;
        bot.clientId = c.auth() == AuthKind.WEBHOOK ? botToken : "";
        bot.properties = new LinkedHashMap<>(props);
        p.bots.put(bot.id, bot);
        c.fake().transcript().add("platform", "v2 bot " + fullName + " (#" + bot.id + ", " + code + ", " + mode + ") registered");
        return botResult(c, bot);
    }

    private static Map<String, Object> botResult(MethodCall c, BotRecord bot) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("bot", c.portal().payloads.v2Bot(bot, false));
        r.put("users", List.of(c.portal().payloads.v2User(c.portal().users.get(bot.id))));
        return r;
    }

    /**
     * The bot named by {@code botId}, checked as every {@code imbot.v2} method does: {@code BOT_TOKEN_NOT_SPECIFIED}
     * (webhook call without {@code botToken}), {@code BOT_ID_REQUIRED}, {@code BOT_NOT_FOUND} (no such v2 bot),
     * {@code BOT_OWNERSHIP_ERROR} (registered by another application or another botToken).
     */
    static BotRecord ownedBot(MethodCall c) {
        String appId = appId(c, Params.str(c.params(), "botToken"));
        long id = Params.intval(c.params(), "botId");
        if (id <= 0) {
            throw BitrixError.badRequest("BOT_ID_REQUIRED", "Bot ID is required");
        }
        BotRecord bot = c.portal().bots.get((int) id);
        if (bot == null || !bot.v2) {
            throw BitrixError.badRequest("BOT_NOT_FOUND", "Bot not found");
        }
        if (!bot.appId.equals(appId)) {
            throw BitrixError.badRequest("BOT_OWNERSHIP_ERROR", "Bot is registered by another application");
        }
        return bot;
    }

    private static Object update(MethodCall c) {
        BotRecord bot = ownedBot(c);
        Map<String, Object> fields = Params.map(c.params().get("fields"));
        if (fields.containsKey("properties")) {
            bot.properties.putAll(Params.map(fields.get("properties")));
        }
        if (fields.containsKey("webhookUrl")) {
            bot.webhookUrl = Params.str(fields, "webhookUrl");
        }
        if (fields.containsKey("eventMode")) {
            bot.eventMode = Params.str(fields, "eventMode");
        }
        return botResult(c, bot);
    }

    private static Object unregister(MethodCall c) {
        BotRecord bot = ownedBot(c);
        c.portal().bots.remove(bot.id);
        c.portal().chats.values().forEach(chat -> chat.members.remove(bot.id));
        return true;
    }

    private static Object list(MethodCall c) {
        String appId = appId(c, Params.str(c.params(), "botToken"));
        List<Object> bots = new ArrayList<>();
        List<Object> users = new ArrayList<>();
        for (BotRecord b : c.portal().bots.values()) {
            if (b.v2 && b.appId.equals(appId)) {
                bots.add(c.portal().payloads.v2Bot(b, false));
                PortalUser u = c.portal().users.get(b.id);
                users.add(Map.of("id", u.id(), "active", true, "name", u.name(), "bot", true, "type", "bot"));
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("bots", bots);
        r.put("users", users);
        r.put("hasNextPage", false);
        return r;
    }

    private static Object eventGet(MethodCall c) {
        BotRecord bot = ownedBot(c);
        long offset = Params.intval(c.params(), "offset");
        long limit = c.params().containsKey("limit") ? Params.intval(c.params(), "limit") : 100;
        if (limit < 1 || limit > 1000) {
            throw BitrixError.badRequest("INVALID_LIMIT", "limit must be between 1 and 1000");
        }
        for (Iterator<Map<String, Object>> it = bot.fetchQueue.iterator(); it.hasNext(); ) {
            if (Params.intval(it.next().get("eventId")) < offset) {
                it.remove();
            }
        }
        List<Object> events = new ArrayList<>();
        long next = offset;
        for (Map<String, Object> e : bot.fetchQueue) {
            if (events.size() >= limit) {
                break;
            }
            events.add(e);
            next = Params.intval(e.get("eventId")) + 1;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("events", events);
        r.put("nextOffset", next);
        r.put("hasMore", bot.fetchQueue.size() > events.size());
        return r;
    }
}
