package dev.olbot.bot.turn;

import dev.olbot.bot.CallOutcome;
import dev.olbot.trace.TurnTrace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Turns a finished {@link TurnContext} into a {@link TurnTrace.Turn}. */
final class TurnTraces {

    private TurnTraces() {}

    static void record(TurnTrace trace, TurnContext ctx, Clock clock) {
        List<String> calls = new ArrayList<>();
        for (CallOutcome o : ctx.outcomes()) {
            String how = switch (o.kind()) {
                case DELIVERED -> "delivered";
                case REFUSED -> "refused";
                case UNKNOWN -> "outcome unknown";
            };
            calls.add(o.action().method() + " " + how + o.error().map(e -> ": " + e.error()).orElse(""));
        }
        String route = ctx.route().isEmpty() ? "no handler ran" : ctx.route();
        long millis = (System.nanoTime() - ctx.startedNanos()) / 1_000_000;
        trace.record(ctx.portal(), ctx.state().key().dialogId(), new TurnTrace.Turn(clock.instant(), ctx.event().meta().type(),
                ctx.utterance().text(), route, calls, ctx.owner().name(), millis));
    }
}
