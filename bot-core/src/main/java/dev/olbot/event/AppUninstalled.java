package dev.olbot.event;

/**
 * The application was removed from a portal ({@code ONAPPUNINSTALL}); API access is already
 * revoked and no tokens are sent.
 *
 * @param clean whether the admin asked to clear the application's data ({@code CLEAN=1})
 */
public record AppUninstalled(EventMeta meta, boolean clean, String languageId) implements BotEvent {}
