package dev.olbot.bot.routing;

import dev.olbot.bot.Bot;
import dev.olbot.bot.turn.TurnVars;
import dev.olbot.bot.Handler;
import dev.olbot.bot.flow.Flow;
import dev.olbot.bot.flow.FlowRunner;
import dev.olbot.bot.text.BotTexts;
import dev.olbot.bot.turn.TurnContext;
import dev.olbot.metrics.OlbotMetrics.HandoffReason;
import dev.olbot.state.FlowPosition;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the handler for a client's message in the order {@link Precedence} documents, as a {@link Route}. */
public final class IntentRouter {

    private static final Logger log = LoggerFactory.getLogger(IntentRouter.class);

    /** The {@code intent} tag of the built-in request for a person. */
    static final String PERSON_REQUEST = "person request";

    private final FlowRunner flows;

    public IntentRouter(FlowRunner flows) {
        this.flows = flows;
    }

    /**
     * Decides where the client's message goes. Nothing is changed on the turn here except leaving a
     * flow the bot no longer has; the returned route's body does the rest.
     */
    public Route route(TurnContext ctx) {
        Bot bot = ctx.bot();
        Utterance u = ctx.utterance();
        Optional<FlowPosition> position = ctx.state().flowPosition();
        boolean command = u.command().isPresent() && firstOf(bot, Precedence.COMMAND, ctx).isPresent();
        if (!command && position.isPresent() && bot.personRequest().matches(u)) {
            // never trap a client: a person is reachable from inside a flow
            return new Route("person request inside flow " + position.get().flow(), HandoffReason.REQUESTED, c -> {
                c.metrics().intentHit(bot.code(), PERSON_REQUEST);
                personRequest(c);
            });
        }
        if (position.isEmpty() && ctx.var(TurnVars.MENU).isPresent() && bot.isCancel(u)) {
            return new Route("menu cancelled", HandoffReason.OTHER, c -> {
                c.set(TurnVars.MENU, null);
                c.reply(BotTexts.CANCELLED.in(c.language()));
            });
        }
        if (position.isPresent()) {
            Optional<Flow> flow = bot.findFlow(position.get().flow());
            if (flow.isPresent() && !command) {
                return new Route("flow " + flow.get().name() + " step " + position.get().step(), HandoffReason.OTHER,
                        c -> flows.onMessage(c, flow.get(), position.get()));
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
            Run r = run.get();
            String why = r.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + r.name()
                    + " (score " + String.format(java.util.Locale.ROOT, "%.2f", r.hit().score()) + ")";
            return new Route(why, HandoffReason.REQUESTED, c -> {
                // a shown menu stays active until an item is picked, another menu is shown or a flow starts
                if (r.kind() == Precedence.MENU) {
                    c.set(TurnVars.MENU, null);
                }
                c.match(r.hit());
                c.metrics().intentHit(bot.code(), r.name());
                r.handler().handle(c);
            });
        }
        Optional<Handler> fallback = bot.on(Bot.FALLBACK);
        if (fallback.isPresent()) {
            return new Route("fallback (no intent matched)", HandoffReason.MISSES, c -> {
                c.metrics().fallback(bot.code());
                fallback.get().handle(c);
            });
        }
        return new Route("unhandled (no intent matched, no fallback)", HandoffReason.MISSES, c -> log.info(
                "No handler for \"{}\" in dialog {} of bot {}. Add one, e.g.:%n  .on(Intent.keywords(\"{}\"), ctx -> ctx.reply(\"...\"))"
                        .replace("%n", System.lineSeparator()),
                dev.olbot.wire.LogSafe.escape(abbreviate(u.text())), c.state().key().dialogId(), bot.code(),
                dev.olbot.wire.LogSafe.escape(abbreviate(u.normalized()))));
    }

    /** {@code name} is what the intent is counted as: its matcher's description, or the menu item's title. */
    private record Run(Precedence kind, Match.Hit hit, Handler handler, String name) {}

    /** Outside flows a person request comes after the bot's own exact intents and before fuzzy ones. */
    private Optional<Run> personRequested(Bot bot, TurnContext ctx) {
        return bot.personRequest().matches(ctx.utterance())
                ? Optional.of(new Run(Precedence.PREDICATE, new Match.Hit(1.0, java.util.Map.of(), "person request"),
                        c -> personRequest(ctx), PERSON_REQUEST))
                : Optional.empty();
    }

    private static void personRequest(TurnContext ctx) throws Exception {
        // the answers a left flow had collected stay readable in ctx.answers() (for a note to the operator)
        ctx.state().flowPosition().ifPresent(p -> ctx.completedAnswers(p.answers()));
        ctx.state(ctx.state().withFlow(null).withoutTimeout().withVar(TurnVars.MENU, null)
                .withVar(TurnVars.CONFIRMING, null));
        ctx.match(new Match.Hit(1.0, java.util.Map.of(), "person request"));
        ctx.bot().personRequest().handler().handle(ctx);
    }

    private Optional<Run> firstOf(Bot bot, Precedence kind, TurnContext ctx) {
        for (Bot.Registered r : bot.intents()) {
            if (r.matcher().kind() == kind && r.matcher().match(ctx.utterance(), ctx) instanceof Match.Hit hit) {
                return Optional.of(new Run(kind, hit, r.handler(), r.matcher().describe()));
            }
        }
        return Optional.empty();
    }

    private Optional<Run> menuChoice(Bot bot, TurnContext ctx) {
        return ctx.var(TurnVars.MENU).flatMap(bot::findMenu).flatMap(menu -> menu.pick(ctx.utterance())
                .map(item -> new Run(Precedence.MENU, new Match.Hit(1.0, java.util.Map.of("item",
                            Integer.toString(item.number())), item.title()), item.handler(), "menu " + menu.name() + " item " + item.number())));
    }

    private Optional<Run> bestFuzzy(Bot bot, TurnContext ctx) {
        Run best = null;
        for (Bot.Registered r : bot.intents()) {
            if (r.matcher().kind() == Precedence.FUZZY && r.matcher().match(ctx.utterance(), ctx) instanceof Match.Hit hit
                    && (best == null || hit.score() > best.hit().score())) {
                best = new Run(Precedence.FUZZY, hit, r.handler(), r.matcher().describe());
            }
        }
        return Optional.ofNullable(best);
    }

    private static String abbreviate(String s) {
        String t = s.replace('"', '\'');
        return t.length() <= 60 ? t : t.substring(0, 60) + "…";
    }
}
