package dev.olbot.bot.turn;

/**
 * The dialog variables the engine keeps for itself, beside a bot's own (their names start with
 * {@code olbot.}, so they never clash with a bot's). A timeout turn rebuilds its dialog from them.
 */
public final class TurnVars {

    /** The numbered menu shown last and not answered yet. */
    public static final String MENU = "olbot.menu";
    /** The open line's {@code USER_CODE} ({@code connector|line|chat|user}). */
    public static final String LINE = "olbot.line";
    /** {@code "2"} when the dialog's events come through Chatbots 2.0. */
    public static final String API = "olbot.api";
    /** The client's first name, for a timeout turn's templates. */
    public static final String CLIENT = "olbot.client";
    /** The known value a flow asked the client to confirm. */
    public static final String CONFIRMING = "olbot.flow.confirming";

    private TurnVars() {}
}
