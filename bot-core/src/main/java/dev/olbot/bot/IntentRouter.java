package dev.olbot.bot;

import dev.olbot.state.FlowPosition;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the handler for a client's message in the order {@link Precedence} documents, and runs it. */
final class IntentRouter {

    private static final Logger log = LoggerFactory.getLogger(IntentRouter.class);

    private final FlowRunner flows;

    IntentRouter(FlowRunner flows) {
        this.flows = flows;
    }

    void route(TurnContext ctx) throws Exception {
        Bot bot = ctx.bot();
        Utterance u = ctx.utterance();
        Optional<FlowPosition> position = ctx.state().flowPosition();
        boolean command = u.command().isPresent() && firstOf(bot, Precedence.COMMAND, ctx).isPresent();
        if (!command && position.isPresent() && bot.personRequest().matches(u)) {
            personRequest(ctx); // never trap a client: a person is reachable from inside a flow
            return;
        }
        if (position.isEmpty() && ctx.var(BotEngine.MENU_VAR).isPresent() && bot.isCancel(u)) {
            ctx.set(BotEngine.MENU_VAR, null);
            ctx.reply(BotTexts.CANCELLED.in(ctx.language()));
            return;
        }
        if (position.isPresent()) {
            Optional<Flow> flow = bot.findFlow(position.get().flow());
            if (flow.isPresent() && !command) {
                flows.onMessage(ctx, flow.get(), position.get());
                return;
            }
            if (flow.isEmpty()) {
                log.warn("dialog {} was in flow '{}', which this bot no longer has; leaving the flow", ctx.state().key(),
                        position.get().flow());
                ctx.state(ctx.state().withFlow(null).withoutTimeout());
            }
        }
        Optional<Run> run = firstOf(bot, Precedence.COMMAND, ctx)
                .or(() -> menuChoice(bot, ctx))
                .or(() -> firstOf(bot, Precedence.KEYWORD, ctx))
                .or(() -> firstOf(bot, Precedence.REGEX, ctx))
                .or(() -> firstOf(bot, Precedence.PREDICATE, ctx))
                .or(() -> personRequested(bot, ctx))
                .or(() -> bestFuzzy(bot, ctx));
        if (run.isPresent()) {
            // a shown menu stays active until an item is picked, another menu is shown or a flow starts
            ctx.match(run.get().hit());
            run.get().handler().handle(ctx);
            return;
        }
        Optional<Handler> fallback = bot.on(Bot.FALLBACK);
        if (fallback.isPresent()) {
            fallback.get().handle(ctx);
            return;
        }
        log.info("No handler for \"{}\" in dialog {} of bot {}. Add one, e.g.:%n  .on(Intent.keywords(\"{}\"), ctx -> ctx.reply(\"...\"))"
                        .replace("%n", System.lineSeparator()),
                abbreviate(u.text()), ctx.state().key().dialogId(), bot.code(), abbreviate(u.normalized()));
    }

    private record Run(Precedence kind, Match.Hit hit, Handler handler) {}

    /** Outside flows a person request comes after the bot's own exact intents and before fuzzy ones. */
    private Optional<Run> personRequested(Bot bot, TurnContext ctx) {
        return bot.personRequest().matches(ctx.utterance())
                ? Optional.of(new Run(Precedence.PREDICATE, new Match.Hit(1.0, java.util.Map.of(), "person request"),
                        c -> personRequest(ctx)))
                : Optional.empty();
    }

    private static void personRequest(TurnContext ctx) throws Exception {
        // the answers a left flow had collected stay readable in ctx.answers() (for a note to the operator)
        ctx.state().flowPosition().ifPresent(p -> ctx.completedAnswers(p.answers()));
        ctx.state(ctx.state().withFlow(null).withoutTimeout().withVar(BotEngine.MENU_VAR, null)
                .withVar(FlowRunner.CONFIRMING, null));
        ctx.match(new Match.Hit(1.0, java.util.Map.of(), "person request"));
        ctx.bot().personRequest().handler().handle(ctx);
    }

    private Optional<Run> firstOf(Bot bot, Precedence kind, TurnContext ctx) {
        for (Bot.Registered r : bot.intents()) {
            if (r.matcher().kind() == kind && r.matcher().match(ctx.utterance(), ctx) instanceof Match.Hit hit) {
                return Optional.of(new Run(kind, hit, r.handler()));
            }
        }
        return Optional.empty();
    }

    private Optional<Run> menuChoice(Bot bot, TurnContext ctx) {
        return ctx.var(BotEngine.MENU_VAR).flatMap(bot::findMenu).flatMap(menu -> menu.pick(ctx.utterance())
                .map(item -> {
                    ctx.set(BotEngine.MENU_VAR, null);
                    return new Run(Precedence.MENU, new Match.Hit(1.0, java.util.Map.of("item",
                            Integer.toString(item.number())), item.title()), item.handler());
                }));
    }

    private Optional<Run> bestFuzzy(Bot bot, TurnContext ctx) {
        Run best = null;
        for (Bot.Registered r : bot.intents()) {
            if (r.matcher().kind() == Precedence.FUZZY && r.matcher().match(ctx.utterance(), ctx) instanceof Match.Hit hit
                    && (best == null || hit.score() > best.hit().score())) {
                best = new Run(Precedence.FUZZY, hit, r.handler());
            }
        }
        return Optional.ofNullable(best);
    }

    private static String abbreviate(String s) {
        String t = s.replace('"', '\'');
        return t.length() <= 60 ? t : t.substring(0, 60) + "…";
    }
}
