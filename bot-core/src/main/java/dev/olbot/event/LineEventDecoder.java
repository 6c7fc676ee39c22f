package dev.olbot.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Events of an application-owned open-line connector (REFERENCE §8.6): {@code ONSESSIONSTART},
 * {@code ONSESSIONFINISH}, {@code ONOPENLINEMESSAGEADD/UPDATE/DELETE} with a list in
 * {@code data.DATA} (a JSON array, or {@code data[DATA][0][...]} on the wire), and
 * {@code ONIMCONNECTOR*}.
 */
final class LineEventDecoder {

    private static final String CONNECTOR_PREFIX = "ONIMCONNECTOR";

    private LineEventDecoder() {}

    static boolean handles(String type) {
        return type.startsWith(CONNECTOR_PREFIX) || switch (type) {
            case "ONSESSIONSTART", "ONSESSIONFINISH", "ONOPENLINEMESSAGEADD", "ONOPENLINEMESSAGEUPDATE",
                    "ONOPENLINEMESSAGEDELETE" -> true;
            default -> false;
        };
    }

    static BotEvent decode(EventMeta meta, Map<String, Object> data) {
        if (meta.type().startsWith(CONNECTOR_PREFIX)) {
            return connectorEvent(meta, data);
        }
        List<LineSession> items = items(data);
        return switch (meta.type()) {
            case "ONSESSIONSTART" -> new SessionStarted(meta, items);
            case "ONSESSIONFINISH" -> new SessionFinished(meta, items);
            case "ONOPENLINEMESSAGEADD" -> new OpenLineMessage(meta, OpenLineMessage.Change.ADDED, items);
            case "ONOPENLINEMESSAGEUPDATE" -> new OpenLineMessage(meta, OpenLineMessage.Change.UPDATED, items);
            case "ONOPENLINEMESSAGEDELETE" -> new OpenLineMessage(meta, OpenLineMessage.Change.DELETED, items);
            default -> new OtherEvent(meta);
        };
    }

    private static ConnectorEvent connectorEvent(EventMeta meta, Map<String, Object> data) {
        Object bare = meta.raw().get("data");
        String line = Values.firstStr(data, "LINE", "line")
                .orElse(bare instanceof Map<?, ?> || bare == null ? "" : String.valueOf(bare));
        List<ChannelMessage> messages = new ArrayList<>();
        for (Map<String, Object> item : Values.items(data.get("MESSAGES"))) {
            Map<String, Object> im = Values.map(item, "im");
            Map<String, Object> message = Values.map(item, "message");
            Object ids = message.get("id");
            List<String> external = new ArrayList<>();
            if (ids instanceof Map<?, ?> || ids instanceof List<?>) {
                Values.map(ids).values().forEach(v -> external.add(String.valueOf(v)));
            } else if (ids != null && !String.valueOf(ids).isEmpty()) {
                external.add(String.valueOf(ids));
            }
            messages.add(new ChannelMessage(Values.lng(im, "chat_id"), Values.lng(im, "message_id"), Values.lng(message, "user_id"),
                    external, Values.text(Values.map(item, "chat"), "id"), Values.str(message, "text")));
        }
        return new ConnectorEvent(meta, ConnectorEvent.Kind.of(meta.type()), Values.firstStr(data, "CONNECTOR", "connector").orElse(""),
                line, messages, items(data));
    }

    private static List<LineSession> items(Map<String, Object> data) {
        List<LineSession> out = new ArrayList<>();
        for (Map<String, Object> item : Values.items(data.get("DATA"))) {
            out.add(item(data, item));
        }
        return List.copyOf(out);
    }

    private static LineSession item(Map<String, Object> data, Map<String, Object> item) {
        Map<String, Object> connector = Values.map(item, "connector");
        Map<String, Object> session = Values.map(item, "session");
        Map<String, Object> chat = Values.map(item, "chat");
        Map<String, Object> im = Values.map(item, "im");
        Map<String, Object> message = Values.map(item, "message");
        Map<String, Object> user = Values.map(item, "user");
        return new LineSession(
                Values.str(connector, "connector_id").orElse(Values.text(data, "CONNECTOR")),
                Values.lng(connector, "line_id").or(() -> Values.lng(data, "LINE")).orElse(0L),
                Values.lng(chat, "id").or(() -> Values.lng(im, "chat_id")),
                Values.str(connector, "chat_id"),
                Values.str(connector, "user_id").or(() -> Values.str(user, "id")),
                Values.lng(session, "id"),
                Values.bool(session, "closed"),
                Values.lng(message, "id").or(() -> Values.lng(im, "message_id")),
                Values.str(message, "text"));
    }
}
