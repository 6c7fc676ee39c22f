package dev.olbot.bot.turn;

import dev.olbot.bot.flow.FlowRunner;
import dev.olbot.metrics.OlbotMetrics;
import dev.olbot.outbound.SentCalls;
import dev.olbot.rest.RestCaller;
import dev.olbot.state.DialogState;
import dev.olbot.state.DialogStore;
import java.time.Clock;
import java.time.Duration;

/**
 * What every turn of an engine shares: how calls leave, the clock timeouts read, how long a turn's
 * calls stay wanted, where the dialog state lives, where the bot's figures are counted, and how
 * flows move, and where the calls the platform confirmed are recorded.
 *
 * @param callTimeoutMillis how long past a call's deadline the turn still waits for its answer
 * @param turnDeadline      how long a turn's calls stay wanted
 */
public record TurnServices(RestCaller rest, DialogStore store, Clock clock, long callTimeoutMillis, Duration turnDeadline,
        OlbotMetrics metrics, FlowRunner flows, SentCalls sentCalls) {

    /** Services whose turns record no confirmed calls ({@link SentCalls#none()}). */
    public TurnServices(RestCaller rest, DialogStore store, Clock clock, long callTimeoutMillis, Duration turnDeadline,
            OlbotMetrics metrics, FlowRunner flows) {
        this(rest, store, clock, callTimeoutMillis, turnDeadline, metrics, flows, SentCalls.none());
    }

    /**
     * Called before a turn's first REST call leaves: a turn whose dialog another instance saved
     * meanwhile sends nothing and runs again ({@link ConcurrentTurns}).
     */
    void checkFresh(DialogState state) {
        if (state.key().dialogId().isEmpty()) {
            return; // an app-level handler: no dialog state
        }
        long stored = store.get(state.key()).map(DialogState::version).orElse(0L);
        if (stored != state.version()) {
            throw new ConcurrentTurns.StaleState(state.key());
        }
    }

    /** Compare-and-set: a refused save means another instance saved first, and the turn runs again. */
    void save(DialogState state) {
        if (store.save(state).isEmpty()) {
            throw new ConcurrentTurns.StaleState(state.key());
        }
    }
}
