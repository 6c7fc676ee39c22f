/**
 * How a client's message finds its handler: {@link dev.olbot.bot.routing.Intent} matchers, the order
 * they are tried in ({@link dev.olbot.bot.routing.Precedence}), numbered menus, requests for a person,
 * and the {@link dev.olbot.bot.routing.IntentRouter} whose decision is a
 * {@link dev.olbot.bot.routing.Route} value ("nothing matched" included).
 */
package dev.olbot.bot.routing;
