package dev.olbot.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The custom connectors of one portal ({@code imconnector.*}): registrations, their activation and
 * data per line, the app's event subscriptions ({@code event.bind}), the external ids of messages and
 * their delivery/reading statuses. Also sends the connector app its events: {@code OnImConnectorMessageAdd/
 * Update/Delete} for what operators and bots write, {@code OnImConnectorDialogStart/Finish} and
 * {@code OnSessionStart/Finish} for sessions, {@code OnOpenLineMessageAdd/Update/Delete} for what the
 * client wrote, {@code OnImConnectorStatusDelete} and {@code OnImConnectorLineDelete}. Callers hold the
 * account lock.
 *
 * <p>Fake decisions without a source: the events go to every handler bound for them (one app per fake);
 * {@code OnOpenLineMessage*} is sent for the client's messages (the docs' example carries the client as
 * {@code message.user_id}); {@code eventId} counts per portal.
 */
public final class Connectors {

    /** A registered connector ({@code imconnector.register}). */
    record Registration(String id, String name, String appId, String placementHandler, Map<String, Object> options) {}

    /** A connector's state on one line. */
    static final class LineBinding {
        boolean active;
        Map<String, Object> data = Map.of();
    }

    private static final Map<String, String> BUILT_IN = Map.of("livechat", "Live Chat", "telegrambot", "Telegram",
            "network", "Bitrix24.Network");

    private final FakePortal portal;
    final Map<String, Registration> registered = new LinkedHashMap<>();
    final Map<String, LineBinding> bindings = new LinkedHashMap<>();
    final Map<String, List<String>> handlers = new LinkedHashMap<>();
    final Map<String, Client> clients = new LinkedHashMap<>();
    /** Bitrix24 message id → the id the message has in the external channel. */
    final Map<Integer, String> externalIds = new LinkedHashMap<>();
    final Map<Integer, Set<String>> statuses = new LinkedHashMap<>();
    int nextEventId = 1;

    Connectors(FakePortal portal) {
        this.portal = portal;
    }

    // ---- state, readable by tests ----

    /** Whether {@code connector} is registered and active on {@code lineId}. */
    public boolean isActive(String connector, int lineId) {
        synchronized (portal.fake.lock()) {
            LineBinding b = bindings.get(key(connector, lineId));
            return registered.containsKey(connector) && b != null && b.active;
        }
    }

    /** The statuses the connector confirmed for a Bitrix24 message, in the order they came: {@code delivered}, {@code read}. */
    public Set<String> statusOf(int messageId) {
        synchronized (portal.fake.lock()) {
            return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(statuses.getOrDefault(messageId, Set.of())));
        }
    }

    /** The external id of a Bitrix24 message (the client's own id, or the one the connector confirmed on delivery). */
    public Optional<String> externalId(int messageId) {
        synchronized (portal.fake.lock()) {
            return Optional.ofNullable(externalIds.get(messageId));
        }
    }

    /** The handler URLs bound to {@code event} ({@code event.bind}). */
    public List<String> handlersOf(String event) {
        synchronized (portal.fake.lock()) {
            return List.copyOf(handlers.getOrDefault(event.toUpperCase(Locale.ROOT), List.of()));
        }
    }

    Map<String, String> titles() {
        Map<String, String> out = new LinkedHashMap<>(BUILT_IN);
        registered.values().forEach(r -> out.put(r.id(), r.name()));
        return out;
    }

    static String key(String connector, int lineId) {
        return connector + "|" + lineId;
    }

    LineBinding binding(String connector, int lineId) {
        return bindings.computeIfAbsent(key(connector, lineId), k -> new LineBinding());
    }

    void markStatus(int messageId, String status) {
        statuses.computeIfAbsent(messageId, k -> new LinkedHashSet<>()).add(status);
    }

    /** The chat of an app connector, if {@code chat} came through one that is registered. */
    private boolean ownedByApp(OpenLineChat chat) {
        return registered.containsKey(chat.connector);
    }

    // ---- events to the connector app ----

    /** A message written in Bitrix24 (bot, operator, automatic) goes out to the client's channel. */
    void outbound(OpenLineChat chat, ChatMessage m) {
        if (!ownedByApp(chat)) {
            return;
        }
        if (m.role().equals("client")) {
            lineMessageEvent("ONOPENLINEMESSAGEADD", chat, m);
            return;
        }
        if (m.role().equals("operator") && chat.silent) {
            portal.fake.transcript().add("platform", "silent mode: message " + m.id() + " stays in Bitrix24");
            return;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("user_id", m.authorId());
        message.put("text", m.text());
        connectorMessageEvent("ONIMCONNECTORMESSAGEADD", chat, m, message);
    }

    /** A Bitrix24-side edit: the connector app updates the message in its channel. */
    void outboundUpdate(OpenLineChat chat, ChatMessage m) {
        if (!ownedByApp(chat)) {
            return;
        }
        if (m.role().equals("client")) {
            lineMessageEvent("ONOPENLINEMESSAGEUPDATE", chat, m);
            return;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", externalIds.containsKey(m.id()) ? List.of(externalIds.get(m.id())) : List.of());
        message.put("text", m.text());
        connectorMessageEvent("ONIMCONNECTORMESSAGEUPDATE", chat, m, message);
    }

    /** A Bitrix24-side deletion. */
    void outboundDelete(OpenLineChat chat, ChatMessage m) {
        if (!ownedByApp(chat)) {
            return;
        }
        if (m.role().equals("client")) {
            lineMessageEvent("ONOPENLINEMESSAGEDELETE", chat, m);
            return;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", externalIds.getOrDefault(m.id(), ""));
        connectorMessageEvent("ONIMCONNECTORMESSAGEDELETE", chat, m, message);
    }

    void sessionStarted(OpenLineChat chat) {
        if (ownedByApp(chat)) {
            sessionEvent("ONIMCONNECTORDIALOGSTART", chat, false, true);
            sessionEvent("ONSESSIONSTART", chat, false, false);
        }
    }

    void sessionFinished(OpenLineChat chat) {
        if (ownedByApp(chat)) {
            sessionEvent("ONIMCONNECTORDIALOGFINISH", chat, true, true);
            sessionEvent("ONSESSIONFINISH", chat, true, false);
        }
    }

    /** The connector was switched off on a line ({@code imconnector.activate} with ACTIVE=0). */
    void statusDeleted(String connector, int lineId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("connector", connector);
        data.put("line", String.valueOf(lineId));
        send("ONIMCONNECTORSTATUSDELETE", data, true);
    }

    /** A line with an active app connector was deleted ({@code imopenlines.config.delete}). */
    void lineDeleted(int lineId) {
        boolean any = bindings.entrySet().stream()
                .anyMatch(e -> e.getKey().endsWith("|" + lineId) && e.getValue().active);
        if (any) {
            send("ONIMCONNECTORLINEDELETE", String.valueOf(lineId), true);
        }
    }

    private void connectorMessageEvent(String event, OpenLineChat chat, ChatMessage m, Map<String, Object> message) {
        Map<String, Object> im = new LinkedHashMap<>();
        im.put("chat_id", chat.id);
        im.put("message_id", m.id());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("im", im);
        item.put("message", message);
        item.put("chat", Map.of("id", chat.connectorChatId));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("CONNECTOR", chat.connector);
        data.put("LINE", String.valueOf(chat.lineId));
        data.put("MESSAGES", List.of(item));
        send(event, data, true);
    }

    private void lineMessageEvent(String event, OpenLineChat chat, ChatMessage m) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", m.id());
        message.put("date", EventPayloads.iso(m.date().getEpochSecond()));
        message.put("text", m.text());
        message.put("files", List.of());
        message.put("attach", "");
        message.put("system", m.system() ? "Y" : "N");
        message.put("user_id", m.authorId());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("connector", connectorBlock(chat));
        item.put("chat", Map.of("id", chat.id));
        item.put("message", message);
        item.put("ref", List.of());
        item.put("extra", Map.of("EXTRA_URL", ""));
        send(event, Map.of("DATA", List.of(item)), false);
    }

    private void sessionEvent(String event, OpenLineChat chat, boolean closed, boolean withConnectorKeys) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", chat.sessionId);
        session.put("closed", closed ? "Y" : "N");
        session.put("parent_id", 0);
        session.put("close_term", 1440);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("connector", connectorBlock(chat));
        item.put("session", session);
        item.put("chat", Map.of("id", chat.id));
        item.put("user", Map.of("id", chat.clientUserId));
        Map<String, Object> data = new LinkedHashMap<>();
        if (withConnectorKeys) {
            data.put("CONNECTOR", chat.connector);
            data.put("LINE", String.valueOf(chat.lineId));
        }
        data.put("DATA", List.of(item));
        send(event, data, false);
    }

    private static Map<String, Object> connectorBlock(OpenLineChat chat) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("connector_id", chat.connector);
        c.put("line_id", chat.lineId);
        c.put("chat_id", chat.connectorChatId);
        c.put("user_id", chat.clientUserId);
        return c;
    }

    /** Posts {@code event} to every bound handler; {@code handlerKey}: {@code event_handler_id} (else {@code eventId}). */
    private void send(String event, Object data, boolean handlerKey) {
        List<String> urls = handlers.getOrDefault(event, List.of());
        if (urls.isEmpty()) {
            return;
        }
        for (String url : new ArrayList<>(urls)) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("event", event);
            if (handlerKey) {
                payload.put("event_handler_id", String.valueOf(500 + Math.abs(event.hashCode() % 100)));
            } else {
                payload.put("eventId", String.valueOf(nextEventId++));
            }
            payload.put("data", data);
            payload.put("ts", String.valueOf(portal.fake.clock().epochSecond()));
            payload.put("auth", appAuth());
            portal.fake.transcript().add("platform", event + " to " + url);
            portal.fake.deliverer().deliver(url, payload);
        }
    }

    private Map<String, Object> appAuth() {
        Tokens.Grant g = portal.fake.tokens().issue(portal, 1);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("access_token", g.accessToken());
        a.put("expires", String.valueOf(g.expiresAt().getEpochSecond()));
        a.put("expires_in", "3600");
        a.put("scope", "imconnector, imopenlines");
        a.put("domain", portal.domain());
        a.put("server_endpoint", portal.fake.serverEndpoint());
        a.put("status", "F");
        a.put("client_endpoint", portal.fake.clientEndpoint());
        a.put("member_id", portal.memberId());
        a.put("user_id", "1");
        a.put("refresh_token", g.refreshToken());
        a.put("application_token", portal.applicationToken());
        return a;
    }
}
