/**
 * Multi-step questions: a {@link dev.olbot.bot.flow.Flow} asks, {@link dev.olbot.bot.flow.Validation}
 * checks each answer, and the {@link dev.olbot.bot.flow.FlowRunner} moves a dialog through the steps
 * (re-asks, confirms known values, completes, cancels, times out, shows the way out).
 */
package dev.olbot.bot.flow;
