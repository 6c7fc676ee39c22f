package dev.olbot.bot.turn;

import dev.olbot.bot.Action;
import dev.olbot.bot.Reply;
import dev.olbot.event.ApiVersion;
import dev.olbot.rest.methods.message.Attach;
import dev.olbot.rest.methods.message.Keyboard;
import dev.olbot.rest.methods.message.Menu;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bot's message calls in the API version the bot was registered with: v1 ({@code imbot.message.add},
 * UPPER_CASE keys, Y/N flags) or Chatbots 2.0 ({@code imbot.v2.Chat.Message.send}, camelCase,
 * {@code fields}, booleans).
 */
final class MessageCalls {

    private final ApiVersion version;
    private final long botId;

    MessageCalls(ApiVersion version, long botId) {
        this.version = version;
        this.botId = botId;
    }

    Action send(String dialogId, Reply reply) {
        if (version == ApiVersion.V2) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("botId", botId);
            p.put("dialogId", dialogId);
            p.put("fields", v2Fields(reply, true));
            return Action.of("imbot.v2.Chat.Message.send", p);
        }
        Map<String, Object> p = v1Fields(reply);
        p.put("BOT_ID", botId);
        p.put("DIALOG_ID", dialogId);
        return Action.of("imbot.message.add", reorder(p, "BOT_ID", "DIALOG_ID"));
    }

    Action typing(String dialogId) {
        return version == ApiVersion.V2
                ? Action.of("imbot.v2.Chat.InputAction.notify", map("botId", botId, "dialogId", dialogId))
                : Action.of("imbot.chat.sendTyping", map("BOT_ID", botId, "DIALOG_ID", dialogId));
    }

    Action edit(long messageId, Reply reply) {
        if (version == ApiVersion.V2) {
            return Action.of("imbot.v2.Chat.Message.update",
                    map("botId", botId, "messageId", messageId, "fields", v2Fields(reply, false)));
        }
        Map<String, Object> p = v1Fields(reply);
        p.remove("SYSTEM");
        p.put("BOT_ID", botId);
        p.put("MESSAGE_ID", messageId);
        return Action.of("imbot.message.update", reorder(p, "BOT_ID", "MESSAGE_ID"));
    }

    Action delete(long messageId) {
        return version == ApiVersion.V2
                ? Action.of("imbot.v2.Chat.Message.delete", map("botId", botId, "messageId", messageId))
                : Action.of("imbot.message.delete", map("BOT_ID", botId, "MESSAGE_ID", messageId, "COMPLETE", "N"));
    }

    Action answerCommand(long commandId, long messageId, String dialogId, Reply reply) {
        if (version == ApiVersion.V2) {
            return Action.of("imbot.v2.Command.answer", map("botId", botId, "commandId", commandId, "messageId", messageId,
                    "dialogId", dialogId, "fields", v2Fields(reply, true)));
        }
        Map<String, Object> p = v1Fields(reply);
        p.put("COMMAND_ID", commandId);
        p.put("MESSAGE_ID", messageId);
        return Action.of("imbot.command.answer", reorder(p, "COMMAND_ID", "MESSAGE_ID"));
    }

    private static Map<String, Object> v1Fields(Reply reply) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("MESSAGE", reply.text());
        if (reply.keyboard() != null) {
            p.put("KEYBOARD", json(reply.keyboard()));
        }
        if (reply.menu() != null) {
            p.put("MENU", json(reply.menu()));
        }
        if (reply.attach() != null) {
            p.put("ATTACH", json(reply.attach()));
        }
        p.put("SYSTEM", reply.system() ? "Y" : "N");
        p.put("URL_PREVIEW", reply.urlPreview() ? "Y" : "N");
        if (reply.skipConnector()) {
            p.put("SKIP_CONNECTOR", "Y");
        }
        return p;
    }

    private static Map<String, Object> v2Fields(Reply reply, boolean withSystem) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("message", reply.text());
        if (reply.keyboard() != null) {
            Object kb = json(reply.keyboard());
            f.put("keyboard", kb instanceof Map<?, ?> m && m.containsKey("BUTTONS") ? m.get("BUTTONS") : kb);
        }
        if (reply.attach() != null) {
            Object at = json(reply.attach());
            f.put("attach", at instanceof Map<?, ?> m && m.containsKey("BLOCKS") && m.size() == 1 ? m.get("BLOCKS") : at);
        }
        if (withSystem) {
            f.put("system", reply.system());
        }
        f.put("urlPreview", reply.urlPreview());
        if (reply.skipConnector()) {
            f.put("skipConnector", true);
        }
        return f;
    }

    /** The documented JSON of a keyboard / menu / attach given as a builder or as plain maps. */
    static Object json(Object value) {
        if (value instanceof Keyboard k) {
            return k.toParam();
        }
        if (value instanceof Menu m) {
            return m.toParam();
        }
        if (value instanceof Attach a) {
            return a.toParam();
        }
        return value;
    }

    private static Map<String, Object> reorder(Map<String, Object> p, String first, String second) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(first, p.get(first));
        out.put(second, p.get(second));
        p.forEach(out::putIfAbsent);
        return out;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<Object> list(Object... items) {
        return List.of(items);
    }
}
