package dev.olbot.event;

import java.util.Optional;

/**
 * One event Bitrix24 delivered to the bot, decoded once from whichever wire form it came in
 * (v1 form-encoded webhook, v1 JSON body, Chatbots 2.0 webhook or {@code imbot.v2.Event.get}).
 *
 * <p>Switch over the permitted records to handle a kind; anything OLBot does not model arrives as
 * {@link OtherEvent} with its raw payload, so an unknown event never fails decoding.
 */
public sealed interface BotEvent
        permits MessageEvent, BotJoined, CommandInvoked, BotDeleted,
                ReactionChanged, ContextRequested, AppInstalled, AppUpdated, AppUninstalled,
                SessionStarted, SessionFinished, OpenLineMessage, ConnectorEvent, OtherEvent {

    /** Envelope data shared by every event: event name, API version, portal, author credentials, raw map. */
    EventMeta meta();

    /** The dialog this event belongs to ({@code "27"}, {@code "chat1157"}), if it has one. */
    default Optional<String> dialogId() {
        return Optional.empty();
    }

    /**
     * The key under which duplicate deliveries of this event are recognised: portal, event kind and
     * message (or command / event) id. Empty for events that carry no such id.
     */
    default Optional<String> dedupeKey() {
        return Optional.empty();
    }

    /**
     * The lane in which this event is handled: events with the same lane key are handled one at a
     * time in arrival order; different lanes run in parallel. Dialog events use portal + dialog id;
     * app-level events use the portal.
     */
    default String laneKey() {
        String portal = meta().portal().key();
        return dialogId().map(d -> portal + "/" + d).orElse(portal);
    }
}
