package dev.olbot.testkit;

import java.time.Instant;
import java.util.Map;

/**
 * A message in an open-line chat, as the fake keeps it.
 *
 * @param role     who wrote it: {@code client}, {@code bot}, {@code operator} or {@code system}
 * @param keyboard the KEYBOARD the bot attached (normalised to {@code {"BUTTONS": [...]}}), or empty
 */
public record ChatMessage(int id, int chatId, int sessionId, int authorId, String role, String text,
                          Map<String, Object> keyboard, Object attach, boolean system, Instant date) {

    ChatMessage withText(String newText, Map<String, Object> newKeyboard, Object newAttach) {
        return new ChatMessage(id, chatId, sessionId, authorId, role, newText, newKeyboard, newAttach, system, date);
    }
}
