package dev.olbot.rest.methods.message;

/** Client-side actions of a keyboard button or menu item ({@code ACTION}, with {@code ACTION_VALUE}). */
public enum ButtonAction {
    /** Insert {@code ACTION_VALUE} into the input field. */
    PUT,
    /** Send {@code ACTION_VALUE} as a message. */
    SEND,
    /** Copy {@code ACTION_VALUE} to the clipboard. */
    COPY,
    /** Call the phone number in {@code ACTION_VALUE} (international format). */
    CALL,
    /** Open the dialog {@code ACTION_VALUE} ({@code chatXXX} or a user id). */
    DIALOG
}
