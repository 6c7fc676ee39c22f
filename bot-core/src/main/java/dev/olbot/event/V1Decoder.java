package dev.olbot.event;

import java.util.Map;
import java.util.Optional;

/**
 * Classic chat-bot and application events ({@code ONIMBOT*}, {@code ONIMCOMMANDADD}, {@code ONAPP*}),
 * UPPER_CASE keys under {@code data[PARAMS]}, {@code data[USER]}, {@code data[BOT][id]} (REFERENCE §5, §2.6).
 */
final class V1Decoder {

    private static final String PARAMS = "data[PARAMS]";

    private V1Decoder() {}

    /** True for the event names this decoder models. */
    static boolean handles(String type) {
        return switch (type) {
            case "ONIMBOTMESSAGEADD", "ONIMBOTMESSAGEUPDATE", "ONIMBOTMESSAGEDELETE", "ONIMBOTJOINCHAT",
                    "ONIMBOTDELETE", "ONIMCOMMANDADD", "ONAPPINSTALL", "ONAPPUPDATE", "ONAPPUNINSTALL" -> true;
            default -> false;
        };
    }

    static BotEvent decode(EventMeta meta, Map<String, Object> data) {
        Map<String, Object> params = Values.map(data, "PARAMS");
        return switch (meta.type()) {
            case "ONIMBOTMESSAGEADD" -> new MessageAdded(meta, bot(data), dialog(params), message(params), user(data, params));
            case "ONIMBOTMESSAGEUPDATE" -> new MessageUpdated(meta, bot(data), dialog(params), message(params), user(data, params));
            case "ONIMBOTMESSAGEDELETE" -> new MessageDeleted(meta, bot(data), dialog(params), message(params), user(data, params));
            case "ONIMBOTJOINCHAT" -> new BotJoined(meta, joinedBot(data, params), dialog(params), user(data, params));
            case "ONIMCOMMANDADD" -> command(meta, data, params);
            case "ONIMBOTDELETE" -> new BotDeleted(meta, Values.requireLong(data, "data", "BOT_ID"), Values.text(data, "BOT_CODE"));
            case "ONAPPINSTALL" -> new AppInstalled(meta, Values.text(data, "VERSION"), Values.bool(data, "ACTIVE"),
                    Values.bool(data, "INSTALLED"), Values.text(data, "LANGUAGE_ID"));
            case "ONAPPUPDATE" -> new AppUpdated(meta, Values.text(data, "VERSION"), Values.text(data, "PREVIOUS_VERSION"),
                    Values.text(data, "LANGUAGE_ID"));
            case "ONAPPUNINSTALL" -> new AppUninstalled(meta, Values.bool(data, "CLEAN"), Values.text(data, "LANGUAGE_ID"));
            default -> new OtherEvent(meta);
        };
    }

    private static BotEvent command(EventMeta meta, Map<String, Object> data, Map<String, Object> params) {
        Map<String, Object> commands = Values.map(data, "COMMAND");
        if (commands.isEmpty()) {
            throw new EventDecodeException("missing data[COMMAND]");
        }
        // keyed by COMMAND id; BOT_ID/BOT_CODE and the bot's credentials live inside the entry
        Map.Entry<String, Object> first = commands.entrySet().iterator().next();
        Map<String, Object> entry = Values.map(first.getValue());
        String where = "data[COMMAND][" + first.getKey() + "]";
        long commandId = Values.lng(entry, "COMMAND_ID")
                .orElseGet(() -> Values.parseLong(first.getKey()).orElseThrow(
                        () -> new EventDecodeException(where + " has no numeric COMMAND_ID")));
        BotRef bot = new BotRef(Values.requireLong(entry, where, "BOT_ID"), Values.text(entry, "BOT_CODE"), botAuth(entry));
        Optional<String> context = Values.firstStr(entry, "COMMAND_CONTEXT").or(() -> Values.str(params, "COMMAND_CONTEXT"));
        Command command = new Command(commandId, Values.text(entry, "COMMAND"), Values.text(entry, "COMMAND_PARAMS"),
                Command.Context.parse(context.orElse(null)));
        long messageId = params.containsKey("MESSAGE_ID") || params.containsKey("ID")
                ? Values.requireLong(params, PARAMS, "MESSAGE_ID", "ID")
                : Values.requireLong(entry, where, "MESSAGE_ID");
        Message base = messageFields(params, messageId);
        Message message = new Message(base.id(), base.text(), base.originalText(), base.authorId(), base.system(),
                base.language(), context);
        return new CommandInvoked(meta, bot, dialog(params), command, message, user(data, params));
    }

    /** The first (in practice the only) entry of {@code data[BOT]}, keyed by bot id. */
    static BotRef bot(Map<String, Object> data) {
        Map<String, Object> bots = Values.map(data, "BOT");
        if (bots.isEmpty()) {
            throw new EventDecodeException("missing data[BOT]");
        }
        Map.Entry<String, Object> first = bots.entrySet().iterator().next();
        Map<String, Object> entry = Values.map(first.getValue());
        String where = "data[BOT][" + first.getKey() + "]";
        long id = entry.containsKey("BOT_ID") ? Values.requireLong(entry, where, "BOT_ID")
                : Values.parseLong(first.getKey()).orElseThrow(() -> new EventDecodeException(where + " has no numeric BOT_ID"));
        return new BotRef(id, Values.text(entry, "BOT_CODE"), botAuth(entry));
    }

    private static BotRef joinedBot(Map<String, Object> data, Map<String, Object> params) {
        if (!Values.map(data, "BOT").isEmpty()) {
            return bot(data);
        }
        return new BotRef(Values.requireLong(params, PARAMS, "BOT_ID"), "", Credentials.NONE);
    }

    /** The bot's credentials: the entry's own keys, or its {@code AUTH} copy when those carry no token. */
    private static Credentials botAuth(Map<String, Object> entry) {
        Credentials own = Envelope.credentials(entry);
        Map<String, Object> auth = Values.map(entry, "AUTH");
        return own.accessToken().isEmpty() && !auth.isEmpty() ? Envelope.credentials(auth) : own;
    }

    static Dialog dialog(Map<String, Object> params) {
        Optional<Long> chatId = Values.firstLng(params, "CHAT_ID", "TO_CHAT_ID")
                .or(() -> Values.str(params, "DIALOG_ID").flatMap(V1Decoder::chatNumber));
        String dialogId = Values.str(params, "DIALOG_ID")
                .or(() -> Values.lng(params, "CHAT_ID").map(id -> "chat" + id))
                .orElseThrow(() -> new EventDecodeException("missing " + PARAMS + "[DIALOG_ID]"));
        ChatType type = ChatType.parse(Values.firstStr(params, "CHAT_TYPE", "MESSAGE_TYPE").orElse(""));
        Optional<String> entityType = Values.str(params, "CHAT_ENTITY_TYPE");
        Optional<String> entityId = Values.str(params, "CHAT_ENTITY_ID");
        Optional<OpenLine> openLine = OpenLines.parse(entityType, entityId,
                Values.text(params, "CHAT_ENTITY_DATA_1"), Values.text(params, "CHAT_ENTITY_DATA_2"));
        return new Dialog(dialogId, chatId, type, Values.str(params, "CHAT_TITLE"), entityType, entityId, openLine);
    }

    /** {@code chat1157} to 1157; a personal dialog id (a user id) has no chat number. */
    static Optional<Long> chatNumber(String dialogId) {
        return dialogId.regionMatches(true, 0, "chat", 0, 4) ? Values.parseLong(dialogId.substring(4)) : Optional.empty();
    }

    private static Message message(Map<String, Object> params) {
        return messageFields(params, Values.requireLong(params, PARAMS, "MESSAGE_ID", "ID"));
    }

    private static Message messageFields(Map<String, Object> params, long id) {
        return new Message(id, Values.text(params, "MESSAGE"), Values.str(params, "MESSAGE_ORIGINAL"),
                Values.firstLng(params, "AUTHOR_ID", "FROM_USER_ID").orElse(0L), Values.bool(params, "SYSTEM"),
                Values.str(params, "LANGUAGE"), Values.str(params, "COMMAND_CONTEXT"));
    }

    /** {@code data[USER]}; when it is empty (omitted on the wire), only the id from {@code PARAMS}. */
    static User user(Map<String, Object> data, Map<String, Object> params) {
        Map<String, Object> u = Values.map(data, "USER");
        long id = Values.lng(u, "ID").or(() -> Values.firstLng(params, "USER_ID", "AUTHOR_ID", "FROM_USER_ID")).orElse(0L);
        if (u.isEmpty() && id == 0) {
            return User.NOBODY;
        }
        return new User(id, Values.text(u, "NAME"), Values.str(u, "FIRST_NAME"), Values.str(u, "LAST_NAME"),
                Values.str(u, "GENDER"), Values.str(u, "WORK_POSITION"), Values.bool(u, "IS_BOT"),
                Values.bool(u, "IS_CONNECTOR"), Values.bool(u, "IS_EXTRANET"), Values.bool(u, "IS_NETWORK"));
    }
}
