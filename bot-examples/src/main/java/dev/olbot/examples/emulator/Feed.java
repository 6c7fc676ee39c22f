package dev.olbot.examples.emulator;

import dev.olbot.testkit.ChatMessage;
import dev.olbot.testkit.FakeBitrix24;
import dev.olbot.testkit.OpenLineChat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Each dialog as a list of items in the order they happened: its messages, and the platform's system lines about it
 * (session opened, accepted, transferred, finished). The order comes from the account's transcript, which
 * interleaves both; {@link #sync} folds in whatever appeared since the last call.
 */
final class Feed {

    /** One line of a dialog: a message ({@code role} client, bot, operator) or a system line ({@code role} system). */
    record Item(String role, ChatMessage message, String text) {}

    private final FakeBitrix24 fake;
    private final Map<Integer, List<Item>> byChat = new HashMap<>();
    private final Set<Integer> seenMessages = new HashSet<>();
    private int transcriptSeen;

    Feed(FakeBitrix24 fake) {
        this.fake = fake;
    }

    synchronized List<Item> items(int chatId) {
        return List.copyOf(byChat.getOrDefault(chatId, List.of()));
    }

    synchronized void sync() {
        Map<Integer, ChatMessage> pending = new LinkedHashMap<>();
        Map<Integer, OpenLineChat> chats = new HashMap<>();
        for (OpenLineChat c : fake.portal().chats()) {
            chats.put(c.id(), c);
            for (ChatMessage m : c.messages()) {
                if (!seenMessages.contains(m.id())) {
                    pending.put(m.id(), m);
                }
            }
        }
        List<ChatMessage> ordered = new ArrayList<>(pending.values());
        ordered.sort(java.util.Comparator.comparingInt(ChatMessage::id));
        List<String> lines = fake.transcript().lines();
        for (String raw : lines.subList(Math.min(transcriptSeen, lines.size()), lines.size())) {
            String line = raw.length() > 10 ? raw.substring(10) : raw;
            if (line.startsWith("system: ")) {
                String text = line.substring(8);
                for (OpenLineChat c : chats.values()) {
                    if (Pattern.compile("\\b" + c.dialogId() + "\\b").matcher(text).find() && !text.contains(" joined ")) {
                        byChat.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(new Item("system", null, text));
                    }
                }
            } else {
                for (ChatMessage m : ordered) {
                    if (m.text() != null && line.contains(m.text().lines().findFirst().orElse(""))) {
                        add(m);
                        ordered.remove(m);
                        break;
                    }
                }
            }
        }
        transcriptSeen = lines.size();
        ordered.forEach(this::add);
    }

    private void add(ChatMessage m) {
        seenMessages.add(m.id());
        byChat.computeIfAbsent(m.chatId(), k -> new ArrayList<>()).add(new Item(m.role(), m, m.text()));
    }
}
