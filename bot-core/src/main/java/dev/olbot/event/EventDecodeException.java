package dev.olbot.event;

/** A request body that is not a Bitrix24 event; the message is one line that names what is wrong. */
public class EventDecodeException extends RuntimeException {

    public EventDecodeException(String message) {
        super(message);
    }

    public EventDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
