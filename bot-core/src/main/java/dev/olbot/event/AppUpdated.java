package dev.olbot.event;

/** The application was updated to a new version ({@code ONAPPUPDATE}). */
public record AppUpdated(EventMeta meta, String version, String previousVersion, String languageId)
        implements BotEvent {}
