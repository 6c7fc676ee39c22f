/**
 * One turn of a dialog, read top to bottom in {@link dev.olbot.bot.turn.TurnPipeline}: load the state,
 * decide ownership, route, run the handler under the middleware and the error policy, flush the
 * calls in order, save with compare-and-set. {@link dev.olbot.bot.turn.TurnContext} is the
 * {@code BotContext} handlers see; the outbox sends and resolves the turn's calls;
 * {@link dev.olbot.bot.turn.ConcurrentTurns} re-runs a turn that met another instance's save.
 * Internal to the engine: a bot's code uses {@code dev.olbot.bot}, {@code routing} and {@code flow}.
 */
package dev.olbot.bot.turn;
