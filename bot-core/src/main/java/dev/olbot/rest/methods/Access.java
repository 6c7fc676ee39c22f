package dev.olbot.rest.methods;

/**
 * Whether a method only reads or changes state. A client may retry a {@link #READ} freely; a
 * {@link #WRITE} that timed out may already have run (a second {@code imbot.message.add} posts a
 * second message), so it is retried only when the platform said it did not execute it.
 */
public enum Access {
    READ,
    WRITE
}
