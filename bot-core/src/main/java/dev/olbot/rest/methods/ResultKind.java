package dev.olbot.rest.methods;

/** The JSON shape of a method's {@code result}, as the docs' example responses show it. */
public enum ResultKind {
    /** {@code true}. */
    BOOLEAN,
    /** A numeric id, e.g. the new bot id or message id. */
    ID,
    /** A JSON object. */
    OBJECT,
    /** A JSON array. */
    ARRAY,
    /** An object keyed by id ({@code imbot.bot.list}); PHP sends {@code []} when empty. */
    MAP_BY_ID
}
