package dev.olbot.event;

/**
 * The application was installed on a portal ({@code ONAPPINSTALL}). Its {@code auth} carries the
 * installer's tokens and the {@code application_token} later events are verified against.
 */
public record AppInstalled(EventMeta meta, String version, boolean active, boolean installed, String languageId)
        implements BotEvent {}
