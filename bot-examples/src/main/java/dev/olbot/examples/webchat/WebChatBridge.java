package dev.olbot.examples.webchat;

import dev.olbot.event.BotEvent;
import dev.olbot.event.ChannelMessage;
import dev.olbot.event.ConnectorEvent;
import dev.olbot.event.LineSession;
import dev.olbot.rest.RestCaller;
import dev.olbot.rest.methods.OpenLinesApi;
import dev.olbot.rest.methods.connector.ChannelItems;
import dev.olbot.rest.methods.connector.ExternalChat;
import dev.olbot.rest.methods.connector.ExternalUser;
import dev.olbot.rest.methods.result.ChannelItemResult;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Bridges the {@link WebChat} widget into an Open Line as a custom connector ({@code imconnector.*}): what a
 * visitor writes goes to the line with {@code imconnector.send.messages} (Bitrix24 opens the open-line chat and
 * session, and the line's bot or operator answers); what the line answers arrives as {@code OnImConnectorMessageAdd}
 * and is shown in the widget and confirmed with {@code imconnector.send.status.delivery}; edits, deletions and the
 * end of the dialog follow the same way.
 *
 * <pre>{@code
 * WebChatBridge bridge = new WebChatBridge(restClient, memberId, WebChatBridge.Settings.of("webchat", 1), chat, Clock.systemUTC());
 * bridge.connect(eventUrl);              // register, activate on line 1, bind the events to eventUrl
 * bridge.visitorSays("conv-1", "visitor-7", "Anna", "Hello!");
 * // every POST to eventUrl: bridge.on(EventDecoder.create().decodeForm(body))
 * }</pre>
 *
 * <p>Threading: every method only starts REST calls and returns their future; it never blocks. The widget state is
 * thread-safe.
 */
public final class WebChatBridge {

    /** The events a custom connector needs, as {@code event.bind} names them. */
    static final List<String> EVENTS = List.of("OnImConnectorMessageAdd", "OnImConnectorMessageUpdate",
            "OnImConnectorMessageDelete", "OnImConnectorDialogFinish", "OnImConnectorStatusDelete");

    /** The connector id (no dots), its title, the line and the connector's icon ({@code data:} URI). */
    public record Settings(String connectorId, String title, long lineId, String iconDataImage) {

        public Settings {
            if (connectorId.contains(".")) {
                throw new IllegalArgumentException("connector id: a dot is not allowed (" + connectorId + ")");
            }
        }

        public static Settings of(String connectorId, long lineId) {
            return new Settings(connectorId, "Web chat", lineId,
                    "data:image/svg+xml;charset=US-ASCII,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E");
        }
    }

    private final RestCaller caller;
    private final String portal;
    private final OpenLinesApi api;
    private final Settings settings;
    private final WebChat chat;
    private final Clock clock;
    /** Conversation → the open-line chat Bitrix24 put it in ({@code session.CHAT_ID}). */
    private final Map<String, Long> chatIds = new java.util.concurrent.ConcurrentHashMap<>();

    public WebChatBridge(RestCaller caller, String portal, Settings settings, WebChat chat, Clock clock) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.portal = Objects.requireNonNull(portal, "portal");
        this.api = OpenLinesApi.on(caller, portal);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public WebChat chat() {
        return chat;
    }

    /**
     * Registers the connector, activates it on the line, describes the channel and binds its events to
     * {@code eventUrl} (also the connector's settings page, {@code PLACEMENT_HANDLER}).
     */
    public Future<Void> connect(String eventUrl) {
        Map<String, Object> registration = Map.of("ID", settings.connectorId(), "NAME", settings.title(),
                "ICON", Map.of("DATA_IMAGE", settings.iconDataImage()), "PLACEMENT_HANDLER", eventUrl);
        Future<?> chain = api.connector().register(registration)
                .compose(ok -> api.connector().activate(settings.connectorId(), settings.lineId(), true))
                .compose(ok -> api.connector().setData(settings.connectorId(), settings.lineId(),
                        Map.of("ID", settings.connectorId(), "NAME", settings.title(), "URL", eventUrl)));
        for (String event : EVENTS) {
            chain = chain.compose(x -> caller.call(portal, "event.bind", Map.of("event", event, "handler", eventUrl)));
        }
        return chain.mapEmpty();
    }

    /** The visitor wrote in the widget: shown there at once, and sent into the line. */
    public Future<ChannelItemResult> visitorSays(String conversation, String visitorId, String visitorName, String text) {
        WidgetMessage m = chat.visitorWrote(conversation, visitorId, text);
        Map<String, Object> item = ChannelItems.incoming(user(visitorId, visitorName), ExternalChat.id(conversation),
                m.id(), text, clock.instant());
        return api.connector().send(settings.connectorId(), settings.lineId(), List.of(item)).map(results -> {
            ChannelItemResult r = results.get(0);
            r.chatId().ifPresent(id -> chatIds.put(conversation, id));
            return r;
        });
    }

    /** The visitor's browser showed the conversation: replies seen for the first time are confirmed as read. */
    public Future<Void> visitorRead(String conversation) {
        Long chatId = chatIds.get(conversation);
        List<Map<String, ?>> items = new ArrayList<>();
        for (WidgetMessage m : chatId == null ? List.<WidgetMessage>of() : chat.markRead(conversation)) {
            items.add(ChannelItems.status(new ChannelMessage(Optional.of(chatId), Optional.of(m.bitrixId()), Optional.empty(),
                    List.of(), conversation, Optional.empty()), m.id()));
        }
        return items.isEmpty() ? Future.succeededFuture()
                : api.connector().confirmReading(settings.connectorId(), settings.lineId(), items).mapEmpty();
    }

    /**
     * Handles an event Bitrix24 posted to the event URL. Events of other connectors, and other events, are ignored
     * (the future succeeds).
     */
    public Future<Void> on(BotEvent event) {
        if (!(event instanceof ConnectorEvent e) || !settings.connectorId().equals(e.connector())) {
            return Future.succeededFuture();
        }
        switch (e.kind()) {
            case MESSAGE_ADDED -> {
                List<Map<String, ?>> delivered = new ArrayList<>();
                for (ChannelMessage m : e.messages()) {
                    m.chatId().ifPresent(id -> chatIds.put(m.externalChatId(), id));
                    WidgetMessage shown = chat.replyArrived(m.externalChatId(), "line", m.text().orElse(""), m.messageId().orElse(0L));
                    delivered.add(ChannelItems.status(m, shown.id()));
                }
                return delivered.isEmpty() ? Future.succeededFuture()
                        : api.connector().confirmDelivery(settings.connectorId(), settings.lineId(), delivered).mapEmpty();
            }
            case MESSAGE_UPDATED -> e.messages().forEach(m -> m.messageId().ifPresent(id -> chat.replyEdited(id, m.text().orElse(""))));
            case MESSAGE_DELETED -> e.messages().forEach(m -> m.messageId().ifPresent(chat::replyDeleted));
            case DIALOG_FINISHED -> e.sessions().stream().map(LineSession::connectorChatId)
                    .forEach(c -> c.ifPresent(chat::dialogFinished));
            default -> { }
        }
        return Future.succeededFuture();
    }

    private static ExternalUser user(String visitorId, String name) {
        ExternalUser u = ExternalUser.id(visitorId);
        String[] parts = name == null ? new String[0] : name.trim().split("\\s+", 2);
        try {
            if (parts.length > 0 && !parts[0].isEmpty()) {
                u.name(parts[0]);
            }
            if (parts.length > 1) {
                u.lastName(parts[1]);
            }
        } catch (IllegalArgumentException e) {
            // a name the platform would refuse is left out; the line shows the visitor as a guest
        }
        return u;
    }
}
