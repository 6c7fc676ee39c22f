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
            return "LEAD|" + crmLeadId + "|COMPANY|0|CONTACT|0|DEAL|0";
        }
    }

    public String title() {
        synchronized (lock) {
            return "Guest #" + clientUserId;
        }
    }
}
