/**
 * The bot's words: built-in texts in Russian and English ({@link dev.olbot.bot.text.BotTexts}), the
 * client's language ({@link dev.olbot.bot.text.Language}), templates and BB-code.
 */
package dev.olbot.bot.text;
