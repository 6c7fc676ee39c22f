package dev.olbot.bot.flow;

import dev.olbot.bot.turn.TurnVars;
import dev.olbot.bot.routing.Intent;
import dev.olbot.bot.routing.Match;
import dev.olbot.bot.routing.Matcher;
import dev.olbot.bot.routing.Utterance;
import dev.olbot.bot.turn.TurnContext;
import dev.olbot.metrics.OlbotMetrics.HandoffReason;
import dev.olbot.state.FlowPosition;
import java.util.Optional;

/** Moves a dialog through a {@link Flow}: asks, validates, stores, re-asks, completes, cancels, times out. */
public final class FlowRunner {

    /** A flow's own timeout is stored under this prefix and the flow's name. */
    public static final String TIMEOUT_PREFIX = "flow:";
    private static final Matcher GREETINGS = Intent.greetings();

    public void start(TurnContext ctx, Flow flow) {
        ctx.state(ctx.state().withFlow(new FlowPosition(flow.name(), 0, 0, java.util.Map.of()))
                .withVar(TurnVars.MENU, null).withVar(TurnVars.CONFIRMING, null));
        ctx.metrics().flow(ctx.bot().code(), flow.name(), "started", "none");
        ask(ctx, flow, 0);
    }

    /** Feeds a client's message to the active flow. */
    public void onMessage(TurnContext ctx, Flow flow, FlowPosition pos) throws Exception {
        Utterance u = ctx.utterance();
        if (flow.isCancel(u)) {
            ctx.completedAnswers(pos.answers());
            ctx.state(ctx.state().withFlow(null).withoutTimeout());
            abandoned(ctx, flow, "cancel");
            flow.onCancel().handle(ctx);
            return;
        }
        if (pos.step() >= flow.steps().size()) {
            ctx.state(ctx.state().withFlow(null).withoutTimeout());
            return;
        }
        Flow.Step step = flow.steps().get(pos.step());
        if (GREETINGS.match(u, ctx) instanceof Match.Hit) {
            // a bare "hello" is no answer: in open lines it is usually the client's first message,
            // arriving right after the welcome asked the first question — then stay quiet; later, ask again
            if (pos.step() != 0 || pos.attempts() != 0 || !pos.answers().isEmpty()) {
                ask(ctx, flow, pos.step());
            }
            return;
        }
        Optional<String> confirming = ctx.var(TurnVars.CONFIRMING);
        if (confirming.isPresent()) {
            ctx.set(TurnVars.CONFIRMING, null);
            if (Flow.NO.contains(u.normalized())) {
                askPlain(ctx, flow, pos.step());
                return;
            }
        }
        Validation verdict = confirming.isPresent() && Flow.YES.contains(u.normalized())
                ? new Validation.Valid(confirming.get())
                : step.validator().apply(u.text());
        if (verdict instanceof Validation.Valid valid) {
            FlowPosition answered = pos.withAnswer(step.name(), valid.value());
            int next = pos.step() + 1;
            if (next < flow.steps().size()) {
                ctx.state(ctx.state().withFlow(answered.withStep(next)));
                ask(ctx, flow, next);
            } else {
                ctx.completedAnswers(answered.answers());
                ctx.state(ctx.state().withFlow(null).withoutTimeout());
                ctx.metrics().flow(ctx.bot().code(), flow.name(), "completed", "none");
                ctx.route("flow " + flow.name() + " completed", HandoffReason.FLOW_COMPLETE);
                flow.onComplete().handle(ctx);
            }
            return;
        }
        Validation.Invalid invalid = (Validation.Invalid) verdict;
        FlowPosition retried = pos.withAttempt();
        if (retried.attempts() >= flow.maxAttempts()) {
            ctx.completedAnswers(retried.answers());
            ctx.state(ctx.state().withFlow(null).withoutTimeout());
            abandoned(ctx, flow, "attempts");
            flow.onTooManyAttempts().handle(ctx);
            return;
        }
        ctx.state(ctx.state().withFlow(retried));
        ctx.reply(invalid.message());
        if (retried.attempts() >= flow.offerWayOutAfter()) {
            ctx.reply(flow.wayOut().in(ctx.language()));
        }
        ask(ctx, flow, pos.step());
    }

    public void onTimeout(TurnContext ctx, Flow flow) throws Exception {
        ctx.completedAnswers(ctx.state().flowPosition().map(FlowPosition::answers).orElse(java.util.Map.of()));
        ctx.state(ctx.state().withFlow(null).withoutTimeout());
        abandoned(ctx, flow, "timeout");
        flow.onTimeout().handle(ctx);
    }

    /** The flow's way out: counted, and a handoff from its handler counts as {@link HandoffReason#FLOW_EXIT}. */
    private static void abandoned(TurnContext ctx, Flow flow, String reason) {
        ctx.metrics().flow(ctx.bot().code(), flow.name(), "abandoned", reason);
        ctx.route("flow " + flow.name() + " abandoned (" + reason + ")", HandoffReason.FLOW_EXIT);
    }

    private void ask(TurnContext ctx, Flow flow, int step) {
        Flow.Step s = flow.steps().get(step);
        Optional<String> known = s.known().apply(ctx);
        if (known.isPresent() && ctx.state().flowPosition().map(FlowPosition::attempts).orElse(0) == 0) {
            ctx.set(TurnVars.CONFIRMING, known.get());
            ctx.reply(s.confirm().apply(ctx, known.get()));
            armTimeout(ctx, flow);
            return;
        }
        askPlain(ctx, flow, step);
    }

    private void askPlain(TurnContext ctx, Flow flow, int step) {
        ctx.reply(flow.steps().get(step).prompt().apply(ctx));
        armTimeout(ctx, flow);
    }

    private void armTimeout(TurnContext ctx, Flow flow) {
        flow.timeout().ifPresent(t -> ctx.state(ctx.state().withTimeout(ctx.now().toEpochMilli() + t.toMillis(),
                TIMEOUT_PREFIX + flow.name())));
    }
}
