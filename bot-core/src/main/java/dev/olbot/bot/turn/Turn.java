package dev.olbot.bot.turn;

import dev.olbot.bot.Action;
import dev.olbot.state.DialogState;
import java.util.List;

/** What one turn sent, and the dialog state it left ({@code null} when no dialog turn ran). */
public record Turn(List<Action> sent, DialogState state) {

    /** Nothing ran: the event had no turn in the bot model. */
    public static final Turn NONE = new Turn(List.of(), null);
}
