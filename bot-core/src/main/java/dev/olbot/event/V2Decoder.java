package dev.olbot.event;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chatbots 2.0 events ({@code ONIMBOTV2*}): the {@code data} part is the same for a webhook
 * (form-encoded, every scalar a string) and for an {@code imbot.v2.Event.get} item (JSON types):
 * camelCase {@code bot}, {@code message}, {@code chat}, {@code user} objects (REFERENCE §9).
 */
final class V2Decoder {

    static final String PREFIX = "ONIMBOTV2";

    private V2Decoder() {}

    static BotEvent decode(EventMeta meta, Map<String, Object> data) {
        Map<String, Object> message = Values.map(data, "message");
        return switch (meta.type()) {
            case "ONIMBOTV2MESSAGEADD" -> new MessageAdded(meta, bot(data), dialog(data), message(data), user(data));
            case "ONIMBOTV2MESSAGEUPDATE" -> new MessageUpdated(meta, bot(data), dialog(data), message(data), user(data));
            case "ONIMBOTV2MESSAGEDELETE" -> new MessageDeleted(meta, bot(data), dialog(data), deleted(data, message), user(data));
            case "ONIMBOTV2JOINCHAT" -> new BotJoined(meta, bot(data), dialog(data), user(data));
            case "ONIMBOTV2CONTEXTGET" -> new ContextRequested(meta, bot(data), dialog(data), user(data));
            case "ONIMBOTV2COMMANDADD" -> command(meta, data);
            case "ONIMBOTV2REACTIONCHANGE" -> new ReactionChanged(meta, bot(data), dialog(data),
                    Values.requireLong(message, "data[message]", "id"), Values.text(data, "reaction"),
                    "add".equalsIgnoreCase(Values.text(data, "action")), user(data));
            case "ONIMBOTV2DELETE" -> {
                BotRef bot = bot(data);
                yield new BotDeleted(meta, bot.id(), bot.code());
            }
            default -> new OtherEvent(meta);
        };
    }

    private static BotEvent command(EventMeta meta, Map<String, Object> data) {
        Map<String, Object> c = Values.map(data, "command");
        if (c.isEmpty()) {
            throw new EventDecodeException("missing data[command]");
        }
        String word = Values.text(c, "command");
        Command command = new Command(Values.requireLong(c, "data[command]", "id"),
                word.startsWith("/") ? word.substring(1) : word, Values.text(c, "params"),
                Command.Context.parse(Values.str(c, "context").orElse(null)));
        Message m = message(data);
        Message withContext = new Message(m.id(), m.text(), m.originalText(), m.authorId(), m.system(), m.language(),
                Values.str(c, "context").map(s -> s.toUpperCase(Locale.ROOT)));
        return new CommandInvoked(meta, bot(data), dialog(data), command, withContext, user(data));
    }

    /** {@code data.bot}: the bot object, with {@code auth} (the bot's tokens) in webhook mode only. */
    static BotRef bot(Map<String, Object> data) {
        Map<String, Object> b = Values.map(data, "bot");
        if (b.isEmpty()) {
            throw new EventDecodeException("missing data[bot]");
        }
        return new BotRef(Values.requireLong(b, "data[bot]", "id"), Values.text(b, "code"),
                Envelope.credentials(Values.map(b, "auth")));
    }

    static Dialog dialog(Map<String, Object> data) {
        Map<String, Object> chat = Values.map(data, "chat");
        Map<String, Object> message = Values.map(data, "message");
        Optional<Long> chatId = Values.lng(message, "chatId").or(() -> Values.lng(chat, "id"));
        String dialogId = Values.str(data, "dialogId")
                .or(() -> Values.str(chat, "dialogId"))
                .or(() -> chatId.map(id -> "chat" + id))
                .orElseThrow(() -> new EventDecodeException("missing data[chat][dialogId]"));
        Optional<String> entityType = Values.str(chat, "entityType");
        Optional<String> entityId = Values.str(chat, "entityId");
        ChatType type = ChatType.parse(Values.firstStr(chat, "messageType", "type").orElse(""));
        if (type == ChatType.UNKNOWN && entityType.filter(OpenLines.LINES::equalsIgnoreCase).isPresent()) {
            type = ChatType.OPEN_LINE;
        }
        Optional<OpenLine> openLine = OpenLines.parse(entityType, entityId,
                Values.text(chat, "entityData1"), Values.text(chat, "entityData2"));
        return new Dialog(dialogId, chatId.or(() -> V1Decoder.chatNumber(dialogId)), type, Values.str(chat, "name"),
                entityType, entityId, openLine);
    }

    private static Message message(Map<String, Object> data) {
        Map<String, Object> m = Values.map(data, "message");
        if (m.isEmpty()) {
            throw new EventDecodeException("missing data[message]");
        }
        return new Message(Values.requireLong(m, "data[message]", "id"), Values.text(m, "text"), Optional.empty(),
                Values.lng(m, "authorId").orElse(0L), Values.bool(m, "isSystem"), Values.str(data, "language"), Optional.empty());
    }

    /** {@code ONIMBOTV2MESSAGEDELETE} carries {@code messageId} instead of a message object. */
    private static Message deleted(Map<String, Object> data, Map<String, Object> message) {
        if (!message.isEmpty()) {
            return message(data);
        }
        return new Message(Values.requireLong(data, "data", "messageId"), "", Optional.empty(), 0L, false,
                Values.str(data, "language"), Optional.empty());
    }

    static User user(Map<String, Object> data) {
        Map<String, Object> u = Values.map(data, "user");
        if (u.isEmpty()) {
            return User.NOBODY;
        }
        return new User(Values.lng(u, "id").orElse(0L), Values.text(u, "name"), Values.str(u, "firstName"),
                Values.str(u, "lastName"), Values.str(u, "gender"), Values.str(u, "workPosition"),
                Values.bool(u, "bot"), Values.bool(u, "connector"), Values.bool(u, "extranet"), Values.bool(u, "network"));
    }
}
