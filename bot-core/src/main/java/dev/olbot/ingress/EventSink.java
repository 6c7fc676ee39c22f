package dev.olbot.ingress;

import dev.olbot.event.BotEvent;

/**
 * Where accepted events go. Called off the Vert.x event loop, one event at a time per lane
 * (a dialog, or the portal for app-level events) in arrival order; different lanes run in
 * parallel. May block; may throw — the exception is logged with portal and dialog ids and the
 * lane goes on with its next event.
 */
@FunctionalInterface
public interface EventSink {

    void accept(BotEvent event) throws Exception;
}
