package dev.olbot.bot.routing;

/**
 * The one place that decides which handler answers a client's message. Before any intent:
 * <ol>
 *   <li>the ownership gate: while an operator owns the dialog (or it waits for one, or was
 *       transferred or finished) no intent runs — {@code onMutedMessage} observers still see it;
 *       a client's {@code 0} in an open line is the platform's own "to operator" and is left to it;
 *   <li>an active flow takes the message (its cancel words cancel it; a {@link PersonRequest}
 *       leaves it for the operator) — except a command, which runs and leaves the flow where it was;
 *   <li>outside flows, a bot cancel word with a menu shown cancels the menu;
 * </ol>
 * then the intents, by kind in this order, and within a kind in registration order:
 * {@link #COMMAND} &gt; {@link #MENU} &gt; {@link #KEYWORD} &gt; {@link #REGEX} &gt;
 * {@link #PREDICATE} &gt; a {@link PersonRequest} &gt; {@link #FUZZY} (best score wins) &gt; the fallback.
 */
public enum Precedence {
    /** {@code /cmd} typed, a command keyboard button, or a message menu item. */
    COMMAND,
    /** The number picked from the numbered menu shown last (ITR style: the first token picks). */
    MENU,
    /** Exact keyword or phrase after normalization. */
    KEYWORD,
    /** A regular expression over the raw text. */
    REGEX,
    /** A user predicate. */
    PREDICATE,
    /** Similarity to known phrases above a threshold. */
    FUZZY
}
