package dev.olbot.rest.methods.connector;

import dev.olbot.event.ChannelMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the {@code MESSAGES} items of the {@code imconnector.*} message methods, each as the docs lay it out
 * ({@code api-reference/imopenlines/imconnector/}). Every factory checks what the platform requires and throws
 * {@link IllegalArgumentException} naming the field.
 *
 * <pre>{@code
 * Map<String, Object> item = ChannelItems.incoming(ExternalUser.id("visitor-7").name("Anna"), ExternalChat.id("conv-1"),
 *         "m-1", "Hello!", Instant.now());
 * api.connector().sendMessages("webchat", 3, List.of(item));
 * }</pre>
 */
public final class ChannelItems {

    private ChannelItems() {}

    /** A client's new message ({@code imconnector.send.messages}); {@code text} may not be blank. */
    public static Map<String, Object> incoming(ExternalUser user, ExternalChat chat, String messageId, String text, Instant date) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("message.text is required (or send files with incomingFiles)");
        }
        Map<String, Object> message = message(messageId, date);
        message.put("text", text);
        return item(user, message, chat);
    }

    /** A client's file message: each file {@code {url, name}}; the URL must be reachable from Bitrix24. */
    public static Map<String, Object> incomingFiles(ExternalUser user, ExternalChat chat, String messageId, Instant date,
                                                    List<Map<String, String>> files) {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("message.files is required when there is no text");
        }
        for (Map<String, String> f : files) {
            if (f.get("url") == null || f.get("url").isBlank()) {
                throw new IllegalArgumentException("message.files[].url is required");
            }
        }
        Map<String, Object> message = message(messageId, date);
        message.put("files", new ArrayList<>(files));
        return item(user, message, chat);
    }

    /** The client edited message {@code messageId} ({@code imconnector.update.messages}). */
    public static Map<String, Object> edited(ExternalUser user, ExternalChat chat, String messageId, String newText) {
        Map<String, Object> message = message(messageId, null);
        message.put("text", Objects.requireNonNull(newText, "newText"));
        return item(user, message, chat);
    }

    /** The client deleted message {@code messageId} ({@code imconnector.delete.messages}). */
    public static Map<String, Object> deleted(ExternalUser user, ExternalChat chat, String messageId) {
        return item(user, message(messageId, null), chat);
    }

    /**
     * The channel delivered (or the client read) a message Bitrix24 sent it, for {@code imconnector.send.status.delivery}
     * / {@code reading}: {@code {im: {chat_id, message_id}, message: {id: [externalId]}, chat: {id}}}.
     *
     * @param sent       the message of the {@code OnImConnectorMessageAdd} event
     * @param externalId the id the channel gave it
     */
    public static Map<String, Object> status(ChannelMessage sent, String externalId) {
        Map<String, Object> im = new LinkedHashMap<>();
        im.put("chat_id", sent.chatId().orElseThrow(() -> new IllegalArgumentException("im.chat_id is required")));
        im.put("message_id", sent.messageId().orElseThrow(() -> new IllegalArgumentException("im.message_id is required")));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("im", im);
        item.put("message", Map.of("id", List.of(Objects.requireNonNull(externalId, "externalId"))));
        item.put("chat", Map.of("id", sent.externalChatId()));
        return item;
    }

    private static Map<String, Object> message(String id, Instant date) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("message.id is required");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        if (date != null) {
            m.put("date", date.getEpochSecond());
        }
        return m;
    }

    private static Map<String, Object> item(ExternalUser user, Map<String, Object> message, ExternalChat chat) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("user", Objects.requireNonNull(user, "user").toMap());
        item.put("message", message);
        item.put("chat", Objects.requireNonNull(chat, "chat").toMap());
        return item;
    }
}
