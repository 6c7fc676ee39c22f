package dev.olbot.logging;

import dev.olbot.event.BotEvent;
import dev.olbot.event.BotJoined;
import dev.olbot.event.BotRef;
import dev.olbot.event.CommandInvoked;
import dev.olbot.event.Dialog;
import dev.olbot.event.MessageEvent;
import dev.olbot.wire.LogSafe;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Puts the ids of the event a turn handles into the SLF4J {@link MDC} of the thread that runs the
 * turn, so that every line the turn writes — OLBot's and the handlers' own — carries them:
 * {@value #PORTAL}, {@value #BOT}, {@value #DIALOG}, {@value #SESSION} and {@value #EVENT}.
 * Values come from the wire and are escaped with {@link LogSafe#escape} (no line breaks, at most
 * 200 characters). A pattern shows them with {@code %X{olbot.dialog}}; the JSON encoder writes them
 * as the {@code mdc} object.
 */
public final class TurnMdc {

    public static final String PORTAL = "olbot.portal";
    public static final String BOT = "olbot.bot";
    public static final String DIALOG = "olbot.dialog";
    public static final String SESSION = "olbot.session";
    public static final String EVENT = "olbot.event";

    private TurnMdc() {}

    /** Sets the event's ids on this thread (the keys an event lacks are removed). Call {@link #leave()} after the turn. */
    public static void enter(BotEvent event) {
        put(PORTAL, Optional.of(event.meta().portal().key()));
        put(EVENT, Optional.of(event.meta().type() + event.dedupeKey().map(k -> " " + k).orElse("")));
        put(DIALOG, event.dialogId());
        put(BOT, bot(event).map(b -> Long.toString(b.id())));
        put(SESSION, dialog(event).flatMap(Dialog::openLine).flatMap(l -> l.sessionId()).map(String::valueOf));
    }

    /** Sets the ids of a turn that has no event (a timer firing in a dialog). */
    public static void enter(String portal, long botId, String dialogId, long sessionId) {
        put(PORTAL, Optional.of(portal));
        put(EVENT, Optional.of("timeout"));
        put(DIALOG, Optional.of(dialogId));
        put(BOT, Optional.of(Long.toString(botId)));
        put(SESSION, sessionId == 0 ? Optional.empty() : Optional.of(Long.toString(sessionId)));
    }

    /** Removes the turn's ids from this thread. */
    public static void leave() {
        MDC.remove(PORTAL);
        MDC.remove(BOT);
        MDC.remove(DIALOG);
        MDC.remove(SESSION);
        MDC.remove(EVENT);
    }

    private static Optional<BotRef> bot(BotEvent event) {
        if (event instanceof MessageEvent m) {
            return Optional.of(m.bot());
        }
        if (event instanceof CommandInvoked c) {
            return Optional.of(c.bot());
        }
        if (event instanceof BotJoined j) {
            return Optional.of(j.bot());
        }
        return Optional.empty();
    }

    private static Optional<Dialog> dialog(BotEvent event) {
        if (event instanceof MessageEvent m) {
            return Optional.of(m.dialog());
        }
        if (event instanceof CommandInvoked c) {
            return Optional.of(c.dialog());
        }
        if (event instanceof BotJoined j) {
            return Optional.of(j.dialog());
        }
        return Optional.empty();
    }

    private static void put(String key, Optional<String> value) {
        if (value.isPresent() && !value.get().isEmpty()) {
            MDC.put(key, LogSafe.escape(value.get()));
        } else {
            MDC.remove(key);
        }
    }
}
