package dev.olbot.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code imbot.message.*}, {@code imbot.chat.*}, {@code imbot.dialog.get}, {@code imbot.command.answer}. */
final class MessageMethods {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BLOCK_BYTES = 30 * 1024;

    private MessageMethods() {}

    static void register(RestDispatcher d) {
        d.define("imbot.message.add").noSessionAuth()
                .require("DIALOG_ID", "DIALOG_ID_EMPTY", "Dialog ID can't be empty").handle(MessageMethods::add);
        d.define("imbot.message.update").noSessionAuth()
                .requireId("MESSAGE_ID", "MESSAGE_ID_ERROR", "Message ID can't be empty").handle(MessageMethods::update);
        d.define("imbot.message.delete").noSessionAuth()
                .requireId("MESSAGE_ID", "MESSAGE_ID_ERROR", "Message ID can't be empty").handle(MessageMethods::delete);
        d.define("imbot.chat.sendTyping").noSessionAuth()
                .require("DIALOG_ID", "DIALOG_ID_EMPTY", "Dialog ID can't be empty").handle(MessageMethods::typing);
        d.define("imbot.sendTyping").noSessionAuth()
                .require("DIALOG_ID", "DIALOG_ID_EMPTY", "Dialog ID can't be empty").handle(MessageMethods::typing);
        d.define("imbot.dialog.get").noSessionAuth()
                .require("DIALOG_ID", "DIALOG_ID_EMPTY", "Dialog ID can't be empty").handle(MessageMethods::dialogGet);
        d.define("imbot.chat.user.add").noSessionAuth()
                .requireId("CHAT_ID", "CHAT_ID_EMPTY", "Chat ID can't be empty")
                .require("USERS", "INVALID_FORMAT", "A wrong format for the USERS field is passed").handle(MessageMethods::userAdd);
        d.define("imbot.chat.leave").noSessionAuth()
                .requireId("CHAT_ID", "CHAT_ID_EMPTY", "Chat ID can't be empty").handle(MessageMethods::leave);
    }

    private static Object add(MethodCall c) {
        BotRecord bot = BotMethods.botFor(c);
        String dialogId = c.str("DIALOG_ID");
        if (dialogId.isEmpty()) {
            throw BitrixError.badRequest("DIALOG_ID_EMPTY", "Dialog ID can't be empty");
        }
        Payload payload = payload(c, true);
        FakePortal p = c.portal();
        if (dialogId.startsWith("chat")) {
            OpenLineChat chat = p.chats.get((int) Params.intval(dialogId.substring(4)));
            if (chat == null || !chat.members.contains(bot.id)) {
                throw BitrixError.badRequest("WRONG_REQUEST", "Message isn't added");
            }
            return p.flow.post(chat, bot.id, "bot", payload.text, withBotId(payload.keyboard, bot), payload.attach,
                    "Y".equals(c.str("SYSTEM")), !"Y".equals(c.str("SKIP_CONNECTOR"))).id();
        }
        if (!p.users.containsKey((int) Params.intval(dialogId))) {
            throw BitrixError.badRequest("WRONG_REQUEST", "Message isn't added");
        }
        int id = p.nextMessageId++;
        c.fake().transcript().add("bot " + bot.name(), "(to user " + dialogId + ") " + payload.text);
        return id;
    }

    static Map<String, Object> withBotId(Map<String, Object> keyboard, BotRecord bot) {
        if (keyboard.isEmpty()) {
            return keyboard;
        }
        Map<String, Object> k = new LinkedHashMap<>(keyboard);
        k.put("BOT_ID", bot.id);
        return k;
    }

    private record Payload(String text, Map<String, Object> keyboard, Object attach) {}

    /** MESSAGE, ATTACH, KEYBOARD and MENU with the platform's checks. */
    private static Payload payload(MethodCall c, boolean requireText) {
        String text = c.str("MESSAGE").strip();
        Object attach = decode(c.params().get("ATTACH"), "ATTACH");
        if (requireText && text.isEmpty() && attach == null) {
            throw BitrixError.badRequest("MESSAGE_EMPTY", "Message can't be empty");
        }
        Map<String, Object> kb = keyboard(decode(c.params().get("KEYBOARD"), "KEYBOARD"));
        decode(c.params().get("MENU"), "MENU");
        return new Payload(text, kb, attach);
    }

    /**
     * A decoded keyboard as {@link ChatMessage} keeps it: {@code {"BUTTONS": [...]}} (a bare array of
     * buttons, the short format, is wrapped), or empty for none.
     */
    static Map<String, Object> keyboard(Object keyboard) {
        if (keyboard instanceof List<?> l) {
            return Map.of("BUTTONS", l);
        }
        if (keyboard instanceof Map<?, ?>) {
            Map<String, Object> m = Params.upper(Params.map(keyboard));
            return m.containsKey("BUTTONS") ? m : Map.of("BUTTONS", List.copyOf(m.values()));
        }
        return Map.of();
    }

    /** A JSON string, object or array; "N" or "" means none. Wrong shape → {@code <NAME>_ERROR}, too big → {@code <NAME>_OVERSIZE}. */
    static Object decode(Object value, String name) {
        if (value == null || "".equals(value) || "N".equals(value)) {
            return null;
        }
        Object v = value;
        if (value instanceof String s) {
            try {
                v = JSON.readValue(s, Object.class);
            } catch (java.io.IOException e) {
                throw BitrixError.badRequest(name + "_ERROR", "Incorrect " + name.toLowerCase(java.util.Locale.ROOT) + " params");
            }
        }
        if (!(v instanceof Map) && !(v instanceof List)) {
            throw BitrixError.badRequest(name + "_ERROR", "Incorrect " + name.toLowerCase(java.util.Locale.ROOT) + " params");
        }
        try {
            if (JSON.writeValueAsBytes(v).length > MAX_BLOCK_BYTES) {
                throw BitrixError.badRequest(name + "_OVERSIZE", "You have exceeded the maximum allowable size of "
                        + name.toLowerCase(java.util.Locale.ROOT));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return v;
    }

    private static ChatMessage ownMessage(MethodCall c, BotRecord bot) {
        if (c.intval("MESSAGE_ID") <= 0) {
            throw BitrixError.badRequest("MESSAGE_ID_ERROR", "Message ID can't be empty");
        }
        ChatMessage m = c.portal().messages.get((int) c.intval("MESSAGE_ID"));
        boolean expired = m != null && Duration.between(m.date(), c.fake().clock().instant()).compareTo(Duration.ofDays(3)) > 0;
        if (m == null || m.authorId() != bot.id || expired) {
            throw new BitrixError(403, "CANT_EDIT_MESSAGE", "Time has expired for modification or you don't have access");
        }
        return m;
    }

    private static Object update(MethodCall c) {
        BotRecord bot = BotMethods.botFor(c);
        ChatMessage m = ownMessage(c, bot);
        OpenLineChat chat = c.portal().chats.get(m.chatId());
        if (c.has("MESSAGE") && c.str("MESSAGE").isBlank()) {
            chat.messages.remove(m);
            c.portal().messages.remove(m.id());
            c.portal().connectors.outboundDelete(chat, m);
            c.fake().transcript().add("bot " + bot.name(), "[deletes] " + m.text());
            return true;
        }
        Payload p = payload(c, false);
        String text = c.has("MESSAGE") ? p.text : m.text();
        Map<String, Object> keyboard = c.has("KEYBOARD") ? withBotId(p.keyboard, bot) : m.keyboard();
        Object attach = c.has("ATTACH") ? p.attach : m.attach();
        ChatMessage edited = m.withText(text, keyboard, attach);
        c.portal().flow.replace(chat, edited);
        c.portal().connectors.outboundUpdate(chat, edited);
        c.fake().transcript().add("bot " + bot.name(), "[edits] " + text);
        return true;
    }

    private static Object delete(MethodCall c) {
        BotRecord bot = BotMethods.botFor(c);
        ChatMessage m = ownMessage(c, bot);
        OpenLineChat chat = c.portal().chats.get(m.chatId());
        chat.messages.remove(m);
        c.portal().messages.remove(m.id());
        c.portal().connectors.outboundDelete(chat, m);
        c.fake().transcript().add("bot " + bot.name(), "[deletes] " + m.text());
        return true;
    }

    private static Object typing(MethodCall c) {
        BotRecord bot = BotMethods.botFor(c);
        if (c.str("DIALOG_ID").isEmpty()) {
            throw BitrixError.badRequest("DIALOG_ID_EMPTY", "Dialog ID can't be empty");
        }
        c.fake().transcript().add("bot " + bot.name(), "[typing…]");
        return true;
    }

    private static Object dialogGet(MethodCall c) {
        BotMethods.botFor(c);
        String dialogId = c.str("DIALOG_ID");
        if (dialogId.isEmpty()) {
            throw BitrixError.badRequest("DIALOG_ID_EMPTY", "Dialog ID can't be empty");
        }
        OpenLineChat chat = dialogId.startsWith("chat") ? c.portal().chats.get((int) Params.intval(dialogId.substring(4))) : null;
        if (chat == null) {
            throw BitrixError.badRequest("ACCESS_ERROR", "You do not have access to the specified dialog");
        }
        return OpenLineMethods.dialog(c, chat);
    }

    private static Object userAdd(MethodCall c) {
        BotRecord caller = BotMethods.botFor(c);
        OpenLineChat chat = c.portal().chats.get((int) c.intval("CHAT_ID"));
        if (chat == null || !chat.members.contains(caller.id)) {
            throw BitrixError.badRequest("WRONG_REQUEST", "You don't have access or user isn't member in chat");
        }
        List<Object> users = Params.list(c.params().get("USERS"));
        if (users.isEmpty()) {
            throw BitrixError.badRequest("INVALID_FORMAT", "A wrong format for the USERS field is passed");
        }
        for (Object u : users) {
            int id = (int) Params.intval(u);
            BotRecord bot = c.portal().bots.get(id);
            if (bot != null) {
                chat.botId = bot.id;
                c.portal().flow.events.botJoins(chat, bot, caller.id);
            } else if (c.portal().users.containsKey(id)) {
                chat.members.add(id);
                c.fake().transcript().add("system", c.portal().flow.name(id) + " added to " + chat.dialogId());
            }
        }
        return true;
    }

    private static Object leave(MethodCall c) {
        BotRecord bot = BotMethods.botFor(c);
        OpenLineChat chat = c.portal().chats.get((int) c.intval("CHAT_ID"));
        if (chat == null || !chat.members.remove(bot.id)) {
            throw BitrixError.badRequest("WRONG_REQUEST", "You don't have access or user isn't member in chat");
        }
        c.fake().transcript().add("system", "bot " + bot.name() + " left " + chat.dialogId());
        return true;
    }

    static Object commandAnswer(MethodCall c) {
        CommandRecord cmd = BotMethods.ownedCommand(c);
        if (c.intval("MESSAGE_ID") <= 0) {
            throw BitrixError.badRequest("MESSAGE_ID_EMPTY", "Message ID can't be empty");
        }
        Payload p = payload(c, true);
        ChatMessage source = c.portal().messages.get((int) c.intval("MESSAGE_ID"));
        BotRecord bot = c.portal().bots.get(cmd.botId);
        if (source == null || bot == null) {
            throw BitrixError.badRequest("WRONG_REQUEST", "Message isn't added");
        }
        OpenLineChat chat = c.portal().chats.get(source.chatId());
        return c.portal().flow.post(chat, bot.id, "bot", p.text, withBotId(p.keyboard, bot), p.attach, false).id();
    }
}
