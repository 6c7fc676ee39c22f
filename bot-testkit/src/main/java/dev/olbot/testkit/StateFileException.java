package dev.olbot.testkit;

/**
 * A saved fake-account state that cannot be read: one line naming the file and the field, e.g.
 * {@code portal.json: portals[0].chats[0].owner: "SLEEPING" is not one of BOT, QUEUE, OPERATOR, CLOSED}.
 */
public final class StateFileException extends RuntimeException {

    StateFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
