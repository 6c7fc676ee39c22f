package dev.olbot.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chatbots 2.0 message methods: {@code imbot.v2.Chat.Message.send/update/delete},
 * {@code imbot.v2.Chat.InputAction.notify} and {@code imbot.v2.Command.answer}. Parameters are camelCase
 * ({@code botId}, {@code dialogId}, {@code messageId}, {@code fields}); webhook calls carry {@code botToken}.
 * Messages land in the open-line chat exactly as {@code imbot.message.add} puts them there, so the client side
 * (transcript, keyboards, {@code pressButton}) does not care which API the bot used.
 */
final class V2ChatMethods {

    /** The docs: "Maximum length — 20,000 characters. If exceeded, the text is truncated with ` (...)` added". */
    static final int MAX_TEXT = 20_000;

    private V2ChatMethods() {}

    static void register(RestDispatcher d) {
        d.define("imbot.v2.Chat.Message.send").rawParams().noSessionAuth()
                .requireId("botId", "BOT_ID_REQUIRED", "Bot ID is required")
                // undocumented code: the page lists none for a missing dialogId
                .require("dialogId", "DIALOG_ID_REQUIRED", "Dialog ID is required")
                .handle(V2ChatMethods::send);
        d.define("imbot.v2.Chat.Message.update").rawParams().noSessionAuth()
                .requireId("botId", "BOT_ID_REQUIRED", "Bot ID is required")
                // "Message does not belong to the bot or does not exist"
                .requireId("messageId", "ACCESS_DENIED", "Access denied")
                // fields* per chat-message-update.md; the docs name no code for its absence
                .require("fields", "FIELDS_REQUIRED", "Fields are required")
                .handle(V2ChatMethods::update);
        d.define("imbot.v2.Chat.Message.delete").rawParams().noSessionAuth()
                .requireId("botId", "BOT_ID_REQUIRED", "Bot ID is required")
                .requireId("messageId", "ACCESS_DENIED", "Access denied")
                .handle(V2ChatMethods::delete);
        d.define("imbot.v2.Chat.InputAction.notify").rawParams().noSessionAuth()
                .requireId("botId", "BOT_ID_REQUIRED", "Bot ID is required")
                .require("dialogId", "DIALOG_ID_REQUIRED", "Dialog ID is required")
                .handle(V2ChatMethods::notifyInput);
        d.define("imbot.v2.Command.answer").rawParams().noSessionAuth()
                .requireId("botId", "BOT_ID_REQUIRED", "Bot ID is required")
                .requireId("commandId", "COMMAND_ANSWER_FAILED", "Command answer failed")
                .requireId("messageId", "COMMAND_ANSWER_FAILED", "Command answer failed")
                .require("dialogId", "COMMAND_ANSWER_FAILED", "Command answer failed")
                .handle(V2ChatMethods::commandAnswer);
    }

    private static BitrixError accessDenied() {
        return new BitrixError(403, "ACCESS_DENIED", "Access denied");
    }

    /** {@code fields} as the fake keeps a message: text (truncated past 20,000), keyboard (normalised), attach. */
    private record Content(String text, Map<String, Object> keyboard, Object attach, boolean system, boolean hasKeyboard,
                           boolean hasAttach, boolean hasText) {}

    private static Content content(Map<String, Object> fields) {
        String text = Params.str(fields, "message").strip();
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + " (...)";
        }
        Object attach = MessageMethods.decode(fields.get("attach"), "ATTACH");
        Map<String, Object> keyboard = MessageMethods.keyboard(MessageMethods.decode(fields.get("keyboard"), "KEYBOARD"));
        String system = Params.str(fields, "system");
        return new Content(text, keyboard, attach, system.equals("1") || system.equalsIgnoreCase("true") || system.equals("Y"),
                fields.containsKey("keyboard"), fields.containsKey("attach"), fields.containsKey("message"));
    }

    /** A {@code chat<N>} dialog the bot is a member of, or null for a personal dialog with an existing user. */
    private static OpenLineChat dialog(MethodCall c, BotRecord bot, String dialogId) {
        if (dialogId.startsWith("chat")) {
            OpenLineChat chat = c.portal().chats.get((int) Params.intval(dialogId.substring(4)));
            if (chat == null || !chat.members.contains(bot.id)) {
                throw accessDenied(); // "Bot is not a participant in the chat"
            }
            return chat;
        }
        if (!c.portal().users.containsKey((int) Params.intval(dialogId))) {
            throw accessDenied();
        }
        return null;
    }

    private static Object send(MethodCall c) {
        BotRecord bot = V2Methods.ownedBot(c);
        String dialogId = Params.str(c.params(), "dialogId");
        OpenLineChat chat = dialog(c, bot, dialogId);
        Content m = content(Params.map(c.params().get("fields")));
        if (m.text.isEmpty() && m.attach == null) {
            throw BitrixError.badRequest("EMPTY_MESSAGE", "Message is empty");
        }
        int id;
        if (chat != null) {
            id = c.portal().flow.post(chat, bot.id, "bot", m.text, MessageMethods.withBotId(m.keyboard, bot), m.attach,
                    m.system).id();
        } else {
            id = c.portal().nextMessageId++;
            c.fake().transcript().add("bot " + bot.name(), "(to user " + dialogId + ") " + m.text);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("uuidMap", Map.of());
        return r;
    }

    /** The bot's own, non-system message (system ones have authorId 0 on the platform). */
    private static ChatMessage ownMessage(MethodCall c, BotRecord bot) {
        ChatMessage m = c.portal().messages.get((int) Params.intval(c.params(), "messageId"));
        if (m == null || m.authorId() != bot.id || m.system()) {
            throw accessDenied();
        }
        return m;
    }

    private static Object update(MethodCall c) {
        BotRecord bot = V2Methods.ownedBot(c);
        ChatMessage m = ownMessage(c, bot);
        Content f = content(Params.map(c.params().get("fields")));
        String text = f.hasText ? f.text : m.text();
        Map<String, Object> keyboard = f.hasKeyboard ? MessageMethods.withBotId(f.keyboard, bot) : m.keyboard();
        Object attach = f.hasAttach ? f.attach : m.attach();
        OpenLineChat chat = c.portal().chats.get(m.chatId());
        c.portal().flow.replace(chat, m.withText(text, keyboard, attach));
        c.fake().transcript().add("bot " + bot.name(), "[edits] " + text);
        return Map.of("result", true);
    }

    private static Object delete(MethodCall c) {
        BotRecord bot = V2Methods.ownedBot(c);
        ChatMessage m = c.portal().messages.get((int) Params.intval(c.params(), "messageId"));
        if (m == null || m.authorId() != bot.id) {
            throw accessDenied(); // the fake's bots are never chat administrators
        }
        c.portal().chats.get(m.chatId()).messages.remove(m);
        c.portal().messages.remove(m.id());
        c.fake().transcript().add("bot " + bot.name(), "[deletes] " + m.text());
        return true;
    }

    private static Object notifyInput(MethodCall c) {
        BotRecord bot = V2Methods.ownedBot(c);
        dialog(c, bot, Params.str(c.params(), "dialogId"));
        if (c.params().containsKey("duration")) {
            long seconds = Params.intval(c.params(), "duration");
            if (seconds < 1 || seconds > Duration.ofMinutes(10).toSeconds()) {
                throw BitrixError.badRequest("INVALID_DURATION", "duration must be between 1 and 600");
            }
        }
        String code = Params.str(c.params(), "statusMessageCode");
        c.fake().transcript().add("bot " + bot.name(), code.isEmpty() ? "[typing…]" : "[" + code + "]");
        return true;
    }

    /**
     * Answers in the command's chat even when the bot is not a member there (then as a system message
     * with the bot's name), as the docs say: access comes from {@code messageId} + {@code commandId}.
     */
    private static Object commandAnswer(MethodCall c) {
        BotRecord bot = V2Methods.ownedBot(c);
        CommandRecord cmd = c.portal().commands.get((int) Params.intval(c.params(), "commandId"));
        ChatMessage source = c.portal().messages.get((int) Params.intval(c.params(), "messageId"));
        String dialogId = Params.str(c.params(), "dialogId");
        OpenLineChat chat = dialogId.startsWith("chat") ? c.portal().chats.get((int) Params.intval(dialogId.substring(4))) : null;
        if (cmd == null || (cmd.botId != bot.id && !cmd.common) || source == null || chat == null || source.chatId() != chat.id) {
            throw BitrixError.badRequest("COMMAND_ANSWER_FAILED", "Command answer failed");
        }
        Content m = content(Params.map(c.params().get("fields")));
        if (m.text.isEmpty() && m.attach == null) {
            throw BitrixError.badRequest("COMMAND_ANSWER_FAILED", "Command answer failed");
        }
        boolean member = chat.members.contains(bot.id);
        c.portal().flow.post(chat, bot.id, "bot", m.text, MessageMethods.withBotId(m.keyboard, bot), m.attach,
                m.system || !member);
        return Map.of("result", true);
    }
}
