package dev.olbot.examples.cli;

import dev.olbot.event.BotEvent;
import dev.olbot.event.BotJoined;
import dev.olbot.event.BotRef;
import dev.olbot.event.CommandInvoked;
import dev.olbot.event.ContextRequested;
import dev.olbot.event.Dialog;
import dev.olbot.event.LineSession;
import dev.olbot.event.Message;
import dev.olbot.event.MessageAdded;
import dev.olbot.event.MessageDeleted;
import dev.olbot.event.MessageUpdated;
import dev.olbot.event.OpenLineMessage;
import dev.olbot.event.ReactionChanged;
import dev.olbot.event.SessionFinished;
import dev.olbot.event.SessionStarted;
import dev.olbot.event.User;
import java.util.List;
import java.util.Optional;

/** The parts {@code olbot inspect} prints, whichever event record carries them. */
final class EventParts {

    private EventParts() {}

    static Optional<BotRef> bot(BotEvent e) {
        if (e instanceof MessageAdded m) {
            return Optional.of(m.bot());
        } else if (e instanceof MessageUpdated m) {
            return Optional.of(m.bot());
        } else if (e instanceof MessageDeleted m) {
            return Optional.of(m.bot());
        } else if (e instanceof BotJoined j) {
            return Optional.of(j.bot());
        } else if (e instanceof CommandInvoked c) {
            return Optional.of(c.bot());
        } else if (e instanceof ContextRequested c) {
            return Optional.of(c.bot());
        } else if (e instanceof ReactionChanged r) {
            return Optional.of(r.bot());
        }
        return Optional.empty();
    }

    static Optional<Dialog> dialog(BotEvent e) {
        if (e instanceof MessageAdded m) {
            return Optional.of(m.dialog());
        } else if (e instanceof MessageUpdated m) {
            return Optional.of(m.dialog());
        } else if (e instanceof MessageDeleted m) {
            return Optional.of(m.dialog());
        } else if (e instanceof BotJoined j) {
            return Optional.of(j.dialog());
        } else if (e instanceof CommandInvoked c) {
            return Optional.of(c.dialog());
        } else if (e instanceof ContextRequested c) {
            return Optional.of(c.dialog());
        } else if (e instanceof ReactionChanged r) {
            return Optional.of(r.dialog());
        }
        return Optional.empty();
    }

    static Optional<Message> message(BotEvent e) {
        if (e instanceof MessageAdded m) {
            return Optional.of(m.message());
        } else if (e instanceof MessageUpdated m) {
            return Optional.of(m.message());
        } else if (e instanceof MessageDeleted m) {
            return Optional.of(m.message());
        } else if (e instanceof CommandInvoked c) {
            return Optional.of(c.message());
        }
        return Optional.empty();
    }

    static Optional<User> user(BotEvent e) {
        if (e instanceof MessageAdded m) {
            return Optional.of(m.user());
        } else if (e instanceof MessageUpdated m) {
            return Optional.of(m.user());
        } else if (e instanceof MessageDeleted m) {
            return Optional.of(m.user());
        } else if (e instanceof BotJoined j) {
            return Optional.of(j.user());
        } else if (e instanceof CommandInvoked c) {
            return Optional.of(c.user());
        } else if (e instanceof ContextRequested c) {
            return Optional.of(c.user());
        } else if (e instanceof ReactionChanged r) {
            return Optional.of(r.user());
        }
        return Optional.empty();
    }

    static List<LineSession> lineSessions(BotEvent e) {
        if (e instanceof SessionStarted s) {
            return s.sessions();
        } else if (e instanceof SessionFinished s) {
            return s.sessions();
        } else if (e instanceof OpenLineMessage m) {
            return m.items();
        }
        return List.of();
    }
}
