package dev.olbot.bot.turn;

import dev.olbot.bot.Bot;
import dev.olbot.bot.Handler;
import dev.olbot.bot.Middleware;
import dev.olbot.bot.flow.Flow;
import dev.olbot.bot.flow.FlowRunner;
import dev.olbot.bot.routing.IntentRouter;
import dev.olbot.bot.routing.Utterance;
import dev.olbot.bot.text.Language;
import dev.olbot.event.ApiVersion;
import dev.olbot.event.BotEvent;
import dev.olbot.event.Dialog;
import dev.olbot.event.User;
import dev.olbot.logging.TurnMdc;
import dev.olbot.metrics.OlbotMetrics.HandoffReason;
import dev.olbot.rest.CallOutcomeUnknownException;
import dev.olbot.state.DialogKey;
import dev.olbot.state.DialogState;
import dev.olbot.state.Owner;
import dev.olbot.state.StoreUnavailableException;
import dev.olbot.trace.TurnTrace;
import dev.olbot.wire.LogSafe;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One turn of a dialog, as a pipeline: <b>load</b> the dialog state → decide <b>ownership</b> (may
 * the bot answer?) → <b>route</b> the message → <b>run</b> the handler under the middleware and the
 * error policy → <b>flush</b> its calls in order → <b>save</b> the state (compare-and-set) and
 * record the trace. Welcome, edit/delete, timeout and app turns are the same pipeline with fewer
 * stages. Runs on the caller's thread, in dialog order; blocks until the turn's calls are answered.
 */
public final class TurnPipeline {

    private static final Logger log = LoggerFactory.getLogger(TurnPipeline.class);

    private final TurnServices services;
    private final IntentRouter router;
    private final TurnTrace trace;

    public TurnPipeline(TurnServices services, TurnTrace trace) {
        this.services = services;
        this.router = new IntentRouter(services.flows());
        this.trace = trace;
    }

    /** A client's message or command. {@code system}: a platform line in the chat, which no handler answers. */
    public Turn message(BotEvent event, Bot bot, long botId, Dialog dialog, User user, Utterance utterance, boolean system) {
        TurnContext ctx = load(event, bot, botId, dialog, user, utterance);
        ctx.state(newSession(ctx.state(), dialog));
        Language.detect(utterance.text()).filter(l -> !ctx.var(Language.VAR).orElse("").equals(l))
                .ifPresent(l -> ctx.set(Language.VAR, l));
        if (system) {
            return save(ctx);
        }
        if (!botMayAnswer(ctx, dialog, user, utterance)) {
            bot.on(Bot.MUTED).ifPresent(h -> run(ctx, () -> h.handle(ctx)));
            return save(ctx);
        }
        run(ctx, () -> router.route(ctx).run(ctx));
        return save(ctx);
    }

    /** The bot joined the chat: a new conversation, owned by the bot. */
    public Turn welcome(BotEvent event, Bot bot, long botId, Dialog dialog, User user) {
        TurnContext ctx = load(event, bot, botId, dialog, user, Utterance.of(""));
        long session = dialog.openLine().flatMap(l -> l.sessionId()).orElse(ctx.state().sessionId());
        ctx.state(ctx.state().withOwner(Owner.BOT).withFlow(null).withoutTimeout().withFailures(0).withSession(session)
                .withVar(TurnVars.MENU, null));
        ctx.route("welcome", HandoffReason.OTHER);
        bot.on(Bot.WELCOME).ifPresent(h -> run(ctx, () -> h.handle(ctx)));
        return save(ctx);
    }

    /** An edited or deleted message, answered by the bot's handler of that {@code kind}. */
    public Turn other(BotEvent event, Bot bot, long botId, Dialog dialog, User user, String kind, Handler handler) {
        TurnContext ctx = load(event, bot, botId, dialog, user, Utterance.of(""));
        ctx.route(kind + " handler", HandoffReason.OTHER);
        run(ctx, () -> handler.handle(ctx));
        return save(ctx);
    }

    /** A timeout that came due: its context is rebuilt from the stored state ({@link TimeoutTurns}). */
    public void timeout(Bot bot, DialogState due) {
        DialogKey key = due.key();
        String name = due.timeoutName();
        TurnMdc.enter(key.portal(), key.botId(), key.dialogId(), due.sessionId());
        try {
            TurnContext ctx = TimeoutTurns.open(services, bot, due);
            ctx.state(due.withoutTimeout());
            ctx.route("timeout " + name, HandoffReason.TIMEOUT);
            if (name.startsWith(FlowRunner.TIMEOUT_PREFIX)) {
                Optional<Flow> flow = bot.findFlow(name.substring(FlowRunner.TIMEOUT_PREFIX.length()));
                flow.ifPresent(f -> run(ctx, () -> services.flows().onTimeout(ctx, f)));
            } else {
                bot.timeoutHandler(name).ifPresent(h -> run(ctx, () -> h.handle(ctx)));
            }
            save(ctx);
        } finally {
            TurnMdc.leave();
        }
    }

    /** An app-level event (installed, uninstalled, bot deleted): no dialog, no state, no error policy. */
    public void app(BotEvent event, Bot bot, long botId, Handler handler) {
        String portal = event.meta().portal().key();
        TurnContext ctx = new TurnContext(services, bot, event, null, User.NOBODY, Utterance.of(""), portal, botId,
                DialogState.fresh(new DialogKey(portal, 0, "")));
        try {
            handler.handle(ctx);
            ctx.flush();
        } catch (Exception e) {
            log.error("{} handler of bot {} failed on portal {}", event.meta().type(), bot.code(),
                    event.meta().portal().domain(), e);
        }
    }

    /** The platform finished the dialog's session: a stored dialog is nobody's to answer any more (no handler runs). */
    public void sessionFinished(DialogKey key) {
        services.store().get(key).ifPresent(s -> services.save(s.withOwner(Owner.FINISHED).withFlow(null).withoutTimeout()));
    }

    // ---- load

    private TurnContext load(BotEvent event, Bot bot, long botId, Dialog dialog, User user, Utterance utterance) {
        String portal = event.meta().portal().key();
        DialogKey key = new DialogKey(portal, botId, dialog.dialogId());
        DialogState state = services.store().get(key).orElseGet(() -> DialogState.fresh(key));
        Optional<String> eventKey = event.dedupeKey().filter(k -> services.sentCalls().enabled());
        if (eventKey.isPresent() && CompletedTurns.done(state, eventKey.get())) {
            throw new CompletedTurns.AlreadyHandled(eventKey.get());
        }
        state = state.withVar(TurnVars.API, event.meta().version() == ApiVersion.V2 ? "2" : null)
                .withVar(TurnVars.LINE, dialog.openLine().map(l -> l.userCode()).orElse(state.vars().get(TurnVars.LINE)));
        if (user.connector()) {
            state = state.withVar(TurnVars.CLIENT, user.firstName().filter(n -> !n.isBlank()).orElse(user.name()));
        }
        return new TurnContext(services, bot, event, dialog, user, utterance, portal, botId, state);
    }

    /** A new open-line session (a new session id) gives the dialog back to the bot. */
    private static DialogState newSession(DialogState state, Dialog dialog) {
        Optional<Long> session = dialog.openLine().flatMap(l -> l.sessionId());
        if (session.isEmpty() || session.get() == state.sessionId()) {
            return state;
        }
        DialogState s = state.withSession(session.get());
        return state.sessionId() == 0 ? s
                : s.withOwner(Owner.BOT).withFlow(null).withoutTimeout().withFailures(0).withVar(TurnVars.MENU, null);
    }

    // ---- ownership

    /** Whether the bot answers this message; when not, notes who has the dialog now and why. */
    private boolean botMayAnswer(TurnContext ctx, Dialog dialog, User user, Utterance utterance) {
        boolean openLine = dialog.isOpenLine();
        if (openLine && !user.connector() && user.id() != 0 && !user.bot()) {
            // an employee wrote in the open-line chat: an operator has the dialog now
            ctx.route("muted: an employee wrote, an operator has the dialog", HandoffReason.OTHER);
            ctx.state(ctx.state().withOwner(Owner.OPERATOR).withFlow(null).withoutTimeout());
            return false;
        }
        if (openLine && "0".equals(utterance.text().strip())) {
            // the platform itself sends a client's "0" to an operator (REFERENCE §3.1)
            ctx.state(ctx.state().withOwner(Owner.WAITING_OPERATOR).withFlow(null).withoutTimeout());
            ctx.route("client sent 0: the platform calls an operator", HandoffReason.CLIENT_ZERO);
            services.metrics().handoff(ctx.bot().code(), HandoffReason.CLIENT_ZERO, "queue");
            return false;
        }
        if (!ctx.owner().botMayAnswer()) {
            ctx.route("muted: the dialog is " + ctx.owner(), HandoffReason.OTHER);
            return false;
        }
        return true;
    }

    // ---- run and flush

    /** Runs a piece of the turn under the middleware chain and the error policy, then sends its calls. */
    private void run(TurnContext ctx, Middleware.Next body) {
        try {
            chain(ctx, 0, body).proceed();
            boolean finishing = ctx.owner() == Owner.FINISHED;
            ctx.flush();
            ctx.state(ctx.state().withFailures(0));
            if (finishing) {
                Optional<Handler> h = ctx.bot().on(Bot.SESSION_FINISHED);
                if (h.isPresent()) {
                    h.get().handle(ctx);
                    ctx.flush();
                }
            }
        } catch (ConcurrentTurns.StaleState | StoreUnavailableException notTheHandlers) {
            throw notTheHandlers; // not the handler's failure: the whole turn runs again
        } catch (Exception e) {
            failed(ctx, e);
        }
    }

    private void failed(TurnContext ctx, Exception e) {
        ctx.discardUnsent();
        if (e instanceof CallOutcomeUnknownException unknown) {
            // the platform may have done it: no apology, and it does not count toward a handoff
            log.warn("turn in dialog {} of portal {} (bot {}) stopped: {}", ctx.state().key().dialogId(), ctx.portal(),
                    ctx.bot().code(), LogSafe.escape(unknown.getMessage()));
            return;
        }
        ctx.renewDeadline();
        int failures = ctx.state().failures() + 1;
        ctx.state(ctx.state().withFailures(failures));
        log.error("turn failed in dialog {} of portal {} (bot {}, failure {} in a row)", ctx.state().key().dialogId(),
                ctx.portal(), ctx.bot().code(), failures, e);
        ctx.route("error " + failures + " in a row: " + e.getClass().getSimpleName() + ": " + e.getMessage(), HandoffReason.ERRORS);
        try {
            ctx.bot().errorPolicy().onError(ctx, e, failures);
            ctx.flush();
        } catch (Exception policyFailure) {
            ctx.discardUnsent();
            log.error("the error policy itself failed in dialog {} of portal {}", ctx.state().key().dialogId(),
                    ctx.portal(), policyFailure);
        }
    }

    private static Middleware.Next chain(TurnContext ctx, int index, Middleware.Next body) {
        List<Middleware> mw = ctx.bot().middleware();
        if (index >= mw.size()) {
            return body;
        }
        return () -> mw.get(index).handle(ctx, chain(ctx, index + 1, body));
    }

    // ---- save

    private Turn save(TurnContext ctx) {
        Optional<String> eventKey = ctx.event().dedupeKey().filter(k -> services.sentCalls().enabled());
        if (eventKey.isPresent()) {
            ctx.state(CompletedTurns.markDone(ctx.state(), eventKey.get()));
        }
        services.save(ctx.state());
        if (trace.enabled()) {
            TurnTraces.record(trace, ctx, services.clock());
        }
        return new Turn(ctx.sent(), ctx.state());
    }
}
