package dev.olbot.examples.webchat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The widget's side of the channel: conversations with the visitor's messages and the line's replies, in order.
 * Transport-free and thread-safe; {@link WebChatServer} exposes it over HTTP, {@link WebChatBridge} connects it to
 * an Open Line.
 */
public final class WebChat {

    /** A conversation of one visitor; {@code closed} once Bitrix24 finished the dialog. */
    public record Conversation(String id, String visitorId, List<WidgetMessage> messages, boolean closed) {}

    private final Map<String, List<WidgetMessage>> messages = new LinkedHashMap<>();
    private final Map<String, String> visitors = new LinkedHashMap<>();
    private final Map<String, Boolean> closed = new LinkedHashMap<>();
    private final java.util.Set<Long> read = new java.util.HashSet<>();
    private int nextId = 1;

    /** Records what the visitor wrote; returns the message with its widget id. */
    public synchronized WidgetMessage visitorWrote(String conversation, String visitorId, String text) {
        visitors.putIfAbsent(conversation, visitorId);
        closed.put(conversation, false);
        WidgetMessage m = new WidgetMessage("w-" + nextId++, "visitor", text, 0);
        messages.computeIfAbsent(conversation, c -> new ArrayList<>()).add(m);
        return m;
    }

    /** A reply from the line (bot or operator) appears in the conversation. */
    public synchronized WidgetMessage replyArrived(String conversation, String from, String text, long bitrixId) {
        WidgetMessage m = new WidgetMessage("w-" + nextId++, from, text, bitrixId);
        messages.computeIfAbsent(conversation, c -> new ArrayList<>()).add(m);
        return m;
    }

    /** The line changed a reply it sent earlier; false when the widget never showed it. */
    public synchronized boolean replyEdited(long bitrixId, String text) {
        for (List<WidgetMessage> list : messages.values()) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).bitrixId() == bitrixId) {
                    list.set(i, list.get(i).withText(text));
                    return true;
                }
            }
        }
        return false;
    }

    /** The line withdrew a reply. */
    public synchronized boolean replyDeleted(long bitrixId) {
        return messages.values().stream().anyMatch(list -> list.removeIf(m -> m.bitrixId() == bitrixId && bitrixId != 0));
    }

    /** Replies the visitor has now seen for the first time (for {@code imconnector.send.status.reading}). */
    public synchronized List<WidgetMessage> markRead(String conversation) {
        List<WidgetMessage> fresh = new ArrayList<>();
        for (WidgetMessage m : messages.getOrDefault(conversation, List.of())) {
            if (m.bitrixId() != 0 && read.add(m.bitrixId())) {
                fresh.add(m);
            }
        }
        return fresh;
    }

    public synchronized void dialogFinished(String conversation) {
        closed.put(conversation, true);
    }

    public synchronized Optional<Conversation> conversation(String id) {
        if (!messages.containsKey(id)) {
            return Optional.empty();
        }
        return Optional.of(new Conversation(id, visitors.get(id), List.copyOf(messages.get(id)), closed.getOrDefault(id, false)));
    }
}
