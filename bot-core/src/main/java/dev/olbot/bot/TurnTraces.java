package dev.olbot.bot;

import dev.olbot.trace.TurnTrace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Turns a finished {@link TurnContext} into a {@link TurnTrace.Turn}. */
final class TurnTraces {

    private TurnTraces() {}

    static void record(TurnTrace trace, TurnContext ctx, Clock clock) {
        List<String> calls = new ArrayList<>();
        for (Action a : ctx.sent()) {
            calls.add(a.method() + " ok");
        }
        String route = ctx.route().isEmpty() ? "no handler ran" : ctx.route();
        if (route.contains("error ")) {
            calls.add("a call or the handler failed: see the route");
        }
        long millis = (System.nanoTime() - ctx.startedNanos()) / 1_000_000;
        trace.record(ctx.portal(), ctx.state().key().dialogId(), new TurnTrace.Turn(clock.instant(), ctx.event().meta().type(),
                ctx.utterance().text(), route, calls, ctx.owner().name(), millis));
    }
}
