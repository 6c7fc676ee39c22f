package dev.olbot.testkit;

import java.util.List;
import java.util.Optional;

/**
 * An external client writing into an open line through a connector. The first message creates the
 * chat, opens a session and, when the line has a welcome bot, makes the bot join (ONIMBOTJOINCHAT)
 * before the message reaches it (ONIMBOTMESSAGEADD).
 */
public final class Client {

    private final FakePortal portal;
    final int lineId;
    final String connector;
    final int userId;
    final String connectorChatId;
    int chatId;

    Client(FakePortal portal, int lineId, String connector, int userId) {
        this(portal, lineId, connector, userId, String.valueOf(7000 + userId));
    }

    Client(FakePortal portal, int lineId, String connector, int userId, String connectorChatId) {
        this.portal = portal;
        this.lineId = lineId;
        this.connector = connector;
        this.userId = userId;
        this.connectorChatId = connectorChatId;
    }

    public int userId() {
        return userId;
    }

    /** Writes a message. */
    public Sent says(String text) {
        synchronized (portal.fake.lock()) {
            return new Sent(portal.flow.clientMessage(this, text));
        }
    }

    /** Sends a command as typed text, e.g. {@code "/order 42"}; a registered command raises ONIMCOMMANDADD. */
    public Sent sendsCommand(String text) {
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("a command starts with '/': " + text);
        }
        return says(text);
    }

    /**
     * Presses button {@code n} (1-based, line breaks not counted) of the keyboard of the bot's last
     * message: a COMMAND button raises ONIMCOMMANDADD with COMMAND_CONTEXT=KEYBOARD, an ACTION=SEND
     * button sends its ACTION_VALUE as a message.
     */
    public Sent pressesButton(int n) {
        synchronized (portal.fake.lock()) {
            return new Sent(portal.flow.pressButton(this, n));
        }
    }

    /** Edits the client's last message (ONIMBOTMESSAGEUPDATE to a bot in the chat). */
    public Sent editsLastMessage(String newText) {
        synchronized (portal.fake.lock()) {
            return new Sent(portal.flow.editLast(this, newText));
        }
    }

    /** Deletes the client's last message (ONIMBOTMESSAGEDELETE to a bot in the chat). */
    public Sent deletesLastMessage() {
        synchronized (portal.fake.lock()) {
            return new Sent(portal.flow.deleteLast(this));
        }
    }

    /** The client's chat, once the first message created it. */
    public OpenLineChat chat() {
        return portal.chat(chatId).orElseThrow(() -> new IllegalStateException("the client has not written yet"));
    }

    /** Messages the bot posted in this chat, oldest first. */
    public List<ChatMessage> botMessages() {
        return chat().messages().stream().filter(m -> m.role().equals("bot")).toList();
    }

    public Optional<ChatMessage> lastBotMessage() {
        List<ChatMessage> all = botMessages();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
