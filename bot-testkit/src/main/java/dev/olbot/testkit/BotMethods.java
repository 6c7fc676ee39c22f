package dev.olbot.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code imbot.register}, {@code imbot.update}, {@code imbot.unregister}, {@code imbot.bot.list} and {@code imbot.command.*}. */
final class BotMethods {

    static final int MAX_BOTS_PER_APP = 5;
    private static final List<String> HANDLERS = List.of("EVENT_MESSAGE_ADD", "EVENT_MESSAGE_UPDATE", "EVENT_MESSAGE_DELETE",
            "EVENT_WELCOME_MESSAGE", "EVENT_BOT_DELETE");
    private static final Map<String, String> HANDLER_TITLES = Map.of("EVENT_MESSAGE_ADD", "Message add",
            "EVENT_MESSAGE_UPDATE", "Message update", "EVENT_MESSAGE_DELETE", "Message delete",
            "EVENT_WELCOME_MESSAGE", "Welcome message", "EVENT_BOT_DELETE", "Bot delete");

    private BotMethods() {}

    static void register(RestDispatcher d) {
        d.define("imbot.register").noSessionAuth()
                .require("CODE", "CODE_ERROR", "Bot code isn't specified")
                .requireAnyOf("EVENT_MESSAGE_ADD_ERROR", "Handler for \"Message add\" event isn't specified", "EVENT_HANDLER", "EVENT_MESSAGE_ADD")
                .requireAnyOf("EVENT_WELCOME_MESSAGE_ERROR", "Handler for \"Welcome message\" event isn't specified", "EVENT_HANDLER", "EVENT_WELCOME_MESSAGE")
                .requireAnyOf("EVENT_BOT_DELETE_ERROR", "Handler for \"Bot delete\" event isn't specified", "EVENT_HANDLER", "EVENT_BOT_DELETE")
                .require("PROPERTIES", "NAME_ERROR", "Bot name isn't specified")
                .requireAnyOf("NAME_ERROR", "Bot name isn't specified", "PROPERTIES.NAME", "PROPERTIES.LAST_NAME").handle(BotMethods::register);
        d.define("imbot.update").noSessionAuth().requireId("BOT_ID", "BOT_ID_ERROR", "Bot not found")
                .require("FIELDS", "WRONG_REQUEST", "Update fields can't be empty").handle(BotMethods::update);
        d.define("imbot.unregister").noSessionAuth().requireId("BOT_ID", "BOT_ID_ERROR", "Bot not found").handle(BotMethods::unregister);
        d.define("imbot.bot.list").noSessionAuth().handle(BotMethods::list);
        d.define("imbot.command.register").noSessionAuth().requireId("BOT_ID", "BOT_ID_ERROR", "Bot not found")
                .require("COMMAND", "COMMAND_ERROR", "Command isn't specified")
                .require("EVENT_COMMAND_ADD", "EVENT_COMMAND_ADD_ERROR", "Handler for \"Command add\" event isn't specified")
                .require("LANG", "LANG_ERROR", "Lang set can't be empty").handle(BotMethods::commandRegister);
        d.define("imbot.command.update").noSessionAuth()
                .requireId("COMMAND_ID", "COMMAND_ID_ERROR", "Command not found")
                .require("FIELDS", "WRONG_REQUEST", "Update fields can't be empty").handle(BotMethods::commandUpdate);
        d.define("imbot.command.unregister").noSessionAuth()
                .requireId("COMMAND_ID", "COMMAND_ID_ERROR", "Command not found").handle(BotMethods::commandUnregister);
        d.define("imbot.command.answer").noSessionAuth()
                .requireAnyOf("COMMAND_ID_ERROR", "Command not found", "COMMAND_ID", "COMMAND")
                .requireId("MESSAGE_ID", "MESSAGE_ID_EMPTY", "Message ID can't be empty").handle(MessageMethods::commandAnswer);
    }

    /** The app must be known: OAuth, or a webhook call with CLIENT_ID. */
    static void requireApp(MethodCall c) {
        if (c.appId().isEmpty()) {
            throw BitrixError.badRequest("ACCESS_DENIED", "Access denied! Client ID not specified");
        }
    }

    /** BOT_ID's bot (owned by the caller), or the app's first bot when BOT_ID is absent. */
    static BotRecord botFor(MethodCall c) {
        requireApp(c);
        FakePortal p = c.portal();
        if (c.intval("BOT_ID") > 0) {
            BotRecord bot = p.bots.get((int) c.intval("BOT_ID"));
            if (bot == null) {
                throw BitrixError.badRequest("BOT_ID_ERROR", "Bot not found");
            }
            if (!bot.appId.equals(c.appId())) {
                throw BitrixError.badRequest("APP_ID_ERROR", "Bot was installed by another REST application");
            }
            return bot;
        }
        return firstBotOf(p, c.appId());
    }

    static BotRecord firstBotOf(FakePortal p, String appId) {
        return p.bots.values().stream().filter(b -> b.appId.equals(appId)).findFirst()
                .orElseThrow(() -> BitrixError.badRequest("BOT_ID_ERROR", "Bot not found"));
    }

    private static Object register(MethodCall c) {
        requireApp(c);
        FakePortal p = c.portal();
        String code = c.str("CODE");
        if (code.isEmpty()) {
            throw BitrixError.badRequest("CODE_ERROR", "Bot code isn't specified");
        }
        String type = c.str("TYPE");
        if (!Set.of("O", "B", "H", "S").contains(type)) {
            type = "B";
        }
        boolean openline = "Y".equals(c.str("OPENLINE")) || type.equals("O");
        Map<String, String> handlers = handlers(c, c.params(), true);
        if (!openline && !type.equals("S")) {
            handlers.remove("EVENT_MESSAGE_UPDATE");
            handlers.remove("EVENT_MESSAGE_DELETE");
        }
        Map<String, Object> props = Params.upper(Params.map(c.params().get("PROPERTIES")));
        if (Params.str(props, "NAME").isEmpty() && Params.str(props, "LAST_NAME").isEmpty()) {
            throw BitrixError.badRequest("NAME_ERROR", "Bot name isn't specified");
        }
        for (BotRecord b : p.bots.values()) {
            if (b.code.equals(code)) {
                if (b.appId.equals(c.appId())) {
                    return b.id;
                }
                throw BitrixError.badRequest("WRONG_REQUEST", "Bot can't be created");
            }
        }
        long count = p.bots.values().stream().filter(b -> b.appId.equals(c.appId()) && !b.v2).count();
        if (count >= MAX_BOTS_PER_APP) {
            throw BitrixError.badRequest("MAX_COUNT_ERROR",
                    "Has reached the maximum number of bots for application (max: " + MAX_BOTS_PER_APP + ")");
        }
        String fullName = (Params.str(props, "NAME") + " " + Params.str(props, "LAST_NAME")).trim();
        BotRecord bot = new BotRecord(p.addBotUser(fullName), c.appId(), false);
        bot.code = code;
        bot.type = type;
        bot.openline = openline;
        bot.clientId = c.auth() == AuthKind.WEBHOOK ? c.str("CLIENT_ID") : "";
        bot.properties = props;
        handlers.forEach((k, v) -> bot.handlers.put(k, BotRecord.withClientId(v, bot.clientId)));
        p.bots.put(bot.id, bot);
        c.fake().transcript().add("platform", "bot " + fullName + " (#" + bot.id + ", " + code + ", TYPE=" + type
                + ", OPENLINE=" + (openline ? "Y" : "N") + ") registered");
        return bot.id;
    }

    /** Reads the handler URLs (EVENT_HANDLER fills all five first), checking the required ones. */
    private static Map<String, String> handlers(MethodCall c, Map<String, Object> source, boolean requireAll) {
        Map<String, String> out = new LinkedHashMap<>();
        String all = Params.str(source, "EVENT_HANDLER");
        for (String h : HANDLERS) {
            String url = Params.str(source, h);
            if (url.isEmpty()) {
                url = all;
            }
            if (url.isEmpty()) {
                if (requireAll && Set.of("EVENT_MESSAGE_ADD", "EVENT_WELCOME_MESSAGE", "EVENT_BOT_DELETE").contains(h)) {
                    throw BitrixError.badRequest(h + "_ERROR", "Handler for \"" + HANDLER_TITLES.get(h) + "\" event isn't specified");
                }
                continue;
            }
            if (!url.matches("(?i)https?://.+")) {
                throw BitrixError.badRequest(h + "_ERROR", "Wrong handler URL");
            }
            out.put(h, url);
        }
        return out;
    }

    private static BotRecord ownedBot(MethodCall c) {
        requireApp(c);
        BotRecord bot = c.portal().bots.get((int) c.intval("BOT_ID"));
        if (c.intval("BOT_ID") <= 0 || bot == null) {
            throw BitrixError.badRequest("BOT_ID_ERROR", "Bot not found");
        }
        if (!bot.appId.equals(c.appId())) {
            throw BitrixError.badRequest("APP_ID_ERROR", "Bot was installed by another REST application");
        }
        return bot;
    }

    private static Object update(MethodCall c) {
        BotRecord bot = ownedBot(c);
        Map<String, Object> fields = Params.upper(Params.map(c.params().get("FIELDS")));
        if (fields.isEmpty()) {
            throw BitrixError.badRequest("WRONG_REQUEST", "Update fields can't be empty");
        }
        Map<String, String> handlers = handlers(c, fields, false);
        if (fields.containsKey("PROPERTIES")) {
            Map<String, Object> props = Params.upper(Params.map(fields.get("PROPERTIES")));
            if (props.containsKey("NAME") || props.containsKey("LAST_NAME")) {
                Map<String, Object> merged = new LinkedHashMap<>(bot.properties);
                merged.putAll(props);
                if (Params.str(merged, "NAME").isEmpty() && Params.str(merged, "LAST_NAME").isEmpty()) {
                    throw BitrixError.badRequest("NAME_ERROR", "Bot name isn't specified");
                }
            }
            bot.properties.putAll(props);
        }
        if (!Params.str(fields, "CODE").isEmpty()) {
            bot.code = Params.str(fields, "CODE");
        }
        handlers.forEach((k, v) -> bot.handlers.put(k, BotRecord.withClientId(v, bot.clientId)));
        return true;
    }

    private static Object unregister(MethodCall c) {
        BotRecord bot = ownedBot(c);
        FakePortal p = c.portal();
        p.bots.remove(bot.id);
        p.commands.values().removeIf(cmd -> cmd.botId == bot.id);
        p.chats.values().forEach(chat -> chat.members.remove(bot.id));
        c.fake().transcript().add("platform", "bot " + bot.name() + " (#" + bot.id + ") unregistered");
        p.flow.events.botDeleted(bot);
        return true;
    }

    private static Object list(MethodCall c) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (BotRecord b : c.portal().bots.values()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("ID", b.id);
            item.put("NAME", b.name());
            item.put("CODE", b.code);
            item.put("OPENLINE", b.openline ? "Y" : "N");
            out.put(String.valueOf(b.id), item);
        }
        return out.isEmpty() ? List.of() : out;
    }

    private static Object commandRegister(MethodCall c) {
        requireApp(c);
        BotRecord bot = ownedBot(c);
        String command = c.str("COMMAND");
        if (command.isEmpty() || !command.matches("[A-Za-z0-9]+")) {
            throw BitrixError.badRequest("COMMAND_ERROR", "Command isn't specified");
        }
        String url = c.str("EVENT_COMMAND_ADD");
        if (url.isEmpty()) {
            throw BitrixError.badRequest("EVENT_COMMAND_ADD_ERROR", "Handler for \"Command add\" event isn't specified");
        }
        if (!url.matches("(?i)https?://.+")) {
            throw BitrixError.badRequest("EVENT_COMMAND_ADD_ERROR", "Wrong handler URL");
        }
        List<Object> lang = Params.list(c.params().get("LANG"));
        if (lang.isEmpty()) {
            throw BitrixError.badRequest("LANG_ERROR", "Lang set can't be empty");
        }
        FakePortal p = c.portal();
        for (CommandRecord existing : p.commands.values()) {
            if (existing.botId == bot.id && existing.command.equalsIgnoreCase(command)) {
                return existing.id;
            }
        }
        CommandRecord cmd = new CommandRecord(p.nextCommandId++, bot.id, c.appId());
        cmd.command = command;
        cmd.handlerUrl = url;
        cmd.common = "Y".equals(c.str("COMMON"));
        cmd.hidden = "Y".equals(c.str("HIDDEN"));
        cmd.lang = lang;
        p.commands.put(cmd.id, cmd);
        return cmd.id;
    }

    static CommandRecord ownedCommand(MethodCall c) {
        requireApp(c);
        CommandRecord cmd = null;
        if (c.intval("COMMAND_ID") > 0) {
            cmd = c.portal().commands.get((int) c.intval("COMMAND_ID"));
        } else if (!c.str("COMMAND").isEmpty()) {
            cmd = c.portal().commands.values().stream()
                    .filter(x -> x.command.equalsIgnoreCase(c.str("COMMAND")) && x.appId.equals(c.appId()))
                    .findFirst().orElse(null);
        }
        if (cmd == null) {
            throw BitrixError.badRequest("COMMAND_ID_ERROR", "Command not found");
        }
        if (!cmd.appId.equals(c.appId())) {
            throw BitrixError.badRequest("APP_ID_ERROR", "Command was installed by another REST application");
        }
        return cmd;
    }

    private static Object commandUpdate(MethodCall c) {
        CommandRecord cmd = ownedCommand(c);
        Map<String, Object> fields = Params.upper(Params.map(c.params().get("FIELDS")));
        if (fields.isEmpty()) {
            throw BitrixError.badRequest("WRONG_REQUEST", "Update fields can't be empty");
        }
        if (!Params.str(fields, "COMMAND").isEmpty()) {
            cmd.command = Params.str(fields, "COMMAND");
        }
        if (!Params.str(fields, "EVENT_COMMAND_ADD").isEmpty()) {
            cmd.handlerUrl = Params.str(fields, "EVENT_COMMAND_ADD");
        }
        if (fields.containsKey("HIDDEN")) {
            cmd.hidden = "Y".equals(Params.str(fields, "HIDDEN"));
        }
        if (fields.containsKey("LANG")) {
            cmd.lang = Params.list(fields.get("LANG"));
        }
        return true;
    }

    private static Object commandUnregister(MethodCall c) {
        CommandRecord cmd = ownedCommand(c);
        c.portal().commands.remove(cmd.id);
        return true;
    }
}
