package dev.olbot.event;

import java.util.List;
import java.util.Optional;

/**
 * An {@code OnImConnector*} event for the application's own connector ({@code event.bind}; docs
 * {@code api-reference/imopenlines/imconnector/events/}). What Bitrix24 wants the external channel to do:
 * deliver, edit or delete {@link #messages()} ({@code OnImConnectorMessageAdd/Update/Delete}), or that a
 * dialog started or finished ({@link #sessions()}), the connector was switched off on a line
 * ({@code OnImConnectorStatusDelete}) or the line was deleted ({@code OnImConnectorLineDelete}, whose
 * {@code data} is the bare line id). Anything not modelled stays in {@code meta().raw()}.
 *
 * @param lineId the open line, as sent ({@code data.LINE}, {@code data.line} or the bare {@code data})
 */
public record ConnectorEvent(EventMeta meta, Kind kind, String connector, String lineId, List<ChannelMessage> messages,
                             List<LineSession> sessions) implements BotEvent {

    /** Which {@code OnImConnector*} event this is. */
    public enum Kind {
        MESSAGE_ADDED, MESSAGE_UPDATED, MESSAGE_DELETED, DIALOG_STARTED, DIALOG_FINISHED, STATUS_DELETED, LINE_DELETED, OTHER;

        static Kind of(String type) {
            return switch (type) {
                case "ONIMCONNECTORMESSAGEADD" -> MESSAGE_ADDED;
                case "ONIMCONNECTORMESSAGEUPDATE" -> MESSAGE_UPDATED;
                case "ONIMCONNECTORMESSAGEDELETE" -> MESSAGE_DELETED;
                case "ONIMCONNECTORDIALOGSTART" -> DIALOG_STARTED;
                case "ONIMCONNECTORDIALOGFINISH" -> DIALOG_FINISHED;
                case "ONIMCONNECTORSTATUSDELETE" -> STATUS_DELETED;
                case "ONIMCONNECTORLINEDELETE" -> LINE_DELETED;
                default -> OTHER;
            };
        }
    }

    public ConnectorEvent {
        messages = List.copyOf(messages);
        sessions = List.copyOf(sessions);
    }

    /** {@code chat<id>} of the first message's (or session's) open-line chat. */
    @Override
    public Optional<String> dialogId() {
        if (!messages.isEmpty()) {
            return messages.get(0).chatId().map(id -> "chat" + id);
        }
        return sessions.isEmpty() ? Optional.empty() : sessions.get(0).chatId().map(id -> "chat" + id);
    }

    /** Portal, event kind and the first message's Bitrix24 id. */
    @Override
    public Optional<String> dedupeKey() {
        return messages.isEmpty() ? Optional.empty()
                : messages.get(0).messageId().map(id -> meta.portal().key() + "/" + meta.type() + "/" + id);
    }
}
