package dev.olbot.bot.routing;

import dev.olbot.bot.turn.TurnContext;
import dev.olbot.metrics.OlbotMetrics.HandoffReason;

/**
 * Where a client's message goes, and why: the {@link IntentRouter}'s decision, which the turn then
 * runs. "Nothing matched" is a route too (the fallback, or a line in the log).
 *
 * @param why    how the turn trace reads it ({@code keyword price (score 1.00)}, {@code fallback (no intent matched)})
 * @param reason what a handoff made on this route counts as
 * @param body   what runs: the chosen handler, with the state changes the route implies
 */
public record Route(String why, HandoffReason reason, Body body) {

    /** The part of a turn a route runs. May throw; the bot's error policy decides what the client sees. */
    @FunctionalInterface
    public interface Body {
        void run(TurnContext ctx) throws Exception;
    }

    /** Notes the route on the turn (for its trace and its handoff reason), then runs it. */
    public void run(TurnContext ctx) throws Exception {
        ctx.route(why, reason);
        body.run(ctx);
    }
}
