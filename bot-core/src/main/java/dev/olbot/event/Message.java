package dev.olbot.event;

import java.util.Optional;

/**
 * A chat message as an event carries it.
 *
 * @param id           {@code MESSAGE_ID}
 * @param text         {@code MESSAGE} (in group chats without the bot mention)
 * @param originalText {@code MESSAGE_ORIGINAL} with BB-code mentions, when sent
 * @param authorId     {@code AUTHOR_ID}/{@code FROM_USER_ID}
 * @param system       {@code SYSTEM=Y}
 * @param language     {@code LANGUAGE}, when sent
 * @param commandContext {@code COMMAND_CONTEXT} ({@code TEXTAREA}, {@code KEYBOARD}, {@code MENU}), when sent
 */
public record Message(
        long id,
        String text,
        Optional<String> originalText,
        long authorId,
        boolean system,
        Optional<String> language,
        Optional<String> commandContext) {}
