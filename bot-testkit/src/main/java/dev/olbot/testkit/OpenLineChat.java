package dev.olbot.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An open-line chat of one external client: its members, messages and current session. Read it
 * through the accessors; the fake changes it as the client, the bot (REST) and operators act.
 */
public final class OpenLineChat {

    /** Who holds the dialog right now. */
    public enum Owner { BOT, QUEUE, OPERATOR, CLOSED }

    private final Object lock;
    final int id;
    int lineId;
    final String connector;
    final String connectorChatId;
    final int clientUserId;
    final Set<Integer> members = new LinkedHashSet<>();
    final List<ChatMessage> messages = new ArrayList<>();
    int sessionId;
    long sessionStart;
    Owner owner = Owner.CLOSED;
    int operatorId;
    int botId;
    int crmLeadId;
    /** Other CRM bindings by type ({@code DEAL}, {@code CONTACT}, {@code COMPANY}); the lead is {@link #crmLeadId}. */
    final java.util.Map<String, Integer> crm = new java.util.LinkedHashMap<>();
    boolean pinned;
    boolean silent;
    boolean spam;
    /** Set by {@code imconnector.chat.name.set}; null = the default "Guest #id". */
    String name;
    VirtualClock.Timer botTimer;

    OpenLineChat(Object lock, int id, int lineId, String connector, String connectorChatId, int clientUserId) {
        this.lock = lock;
        this.id = id;
        this.lineId = lineId;
        this.connector = connector;
        this.connectorChatId = connectorChatId;
        this.clientUserId = clientUserId;
        members.add(clientUserId);
    }

    public int id() {
        synchronized (lock) {
            return id;
        }
    }

    public String dialogId() {
        return "chat" + id;
    }

    public int lineId() {
        synchronized (lock) {
            return lineId;
        }
    }

    public int sessionId() {
        synchronized (lock) {
            return sessionId;
        }
    }

    public Owner owner() {
        synchronized (lock) {
            return owner;
        }
    }

    public int operatorId() {
        synchronized (lock) {
            return operatorId;
        }
    }

    public int clientUserId() {
        synchronized (lock) {
            return clientUserId;
        }
    }

    public Set<Integer> members() {
        synchronized (lock) {
            return Set.copyOf(members);
        }
    }

    public List<ChatMessage> messages() {
        synchronized (lock) {
            return List.copyOf(messages);
        }
    }

    /** {@code connector|line|connectorChat|connectorUser}, the USER_CODE. */
    public String entityId() {
        synchronized (lock) {
            return connector + "|" + lineId + "|" + connectorChatId + "|" + clientUserId;
        }
    }

    /** {@code Y|LEAD|<lead>|N|N|<sessionId>|<unix start>|0|0|0}. */
    public String entityData1() {
        synchronized (lock) {
            return "Y|LEAD|" + crmLeadId + "|N|N|" + sessionId + "|" + sessionStart + "|0|0|0";
        }
    }

    public String entityData2() {
        synchronized (lock) {
            return "LEAD|" + crmLeadId + "|COMPANY|" + crm.getOrDefault("COMPANY", 0) + "|CONTACT|"
                    + crm.getOrDefault("CONTACT", 0) + "|DEAL|" + crm.getOrDefault("DEAL", 0);
        }
    }

    /** {@code LINES_SILENT_MODE}: {@code Y} while {@code imopenlines.session.mode.silent} is on. */
    public String entityData3() {
        synchronized (lock) {
            return silent ? "Y" : "N";
        }
    }

    /** The connector this chat came through ({@code livechat}, or an app's connector id). */
    public String connector() {
        return connector;
    }

    /** The chat's id in the external channel ({@code chat.id} of {@code imconnector.send.messages}). */
    public String connectorChatId() {
        return connectorChatId;
    }

    /** Pinned to its operator ({@code imopenlines.session.mode.pin}). */
    public boolean pinned() {
        synchronized (lock) {
            return pinned;
        }
    }

    /** Silent mode: operator messages stay inside Bitrix24 ({@code imopenlines.session.mode.silent}). */
    public boolean silent() {
        synchronized (lock) {
            return silent;
        }
    }

    /** The CRM entity id bound to this chat for {@code type} ({@code LEAD}, {@code DEAL}, {@code CONTACT}, {@code COMPANY}), 0 when none. */
    public int crmEntity(String type) {
        synchronized (lock) {
            return "LEAD".equalsIgnoreCase(type) ? crmLeadId : crm.getOrDefault(type.toUpperCase(java.util.Locale.ROOT), 0);
        }
    }

    public String title() {
        synchronized (lock) {
            return name != null ? name : "Guest #" + clientUserId;
        }
    }
}
