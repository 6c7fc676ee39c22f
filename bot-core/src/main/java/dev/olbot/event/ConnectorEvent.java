package dev.olbot.event;

/** An {@code OnImConnector*} event for an application-owned connector; read details from {@code meta().raw()}. */
public record ConnectorEvent(EventMeta meta, String connector, String lineId) implements BotEvent {}
