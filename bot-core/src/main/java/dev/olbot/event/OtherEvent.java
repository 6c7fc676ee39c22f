package dev.olbot.event;

/** Any event OLBot does not model (CRM events, {@code ONAPPTEST}, ...); its payload is in {@code meta().raw()}. */
public record OtherEvent(EventMeta meta) implements BotEvent {}
