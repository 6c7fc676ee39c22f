package dev.olbot.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds portals from a checked {@link StateSnapshot.Account}: users, lines, bots, commands, chats with their
 * messages and sessions (a pending WELCOME_BOT_TIME timer is armed again for what was left of it), connectors,
 * event bindings and counters. The caller holds the account lock and has moved the clock to the saved instant.
 */
final class StateRestore {

    private StateRestore() {}

    static List<FakePortal> portals(FakeBitrix24 fake, StateSnapshot.Account account) {
        List<FakePortal> out = new ArrayList<>();
        for (StateSnapshot.Portal s : account.portals()) {
            out.add(portal(fake, s));
        }
        for (StateSnapshot.Grant g : account.tokens()) {
            FakePortal p = out.stream().filter(x -> x.name().equals(g.portal())).findFirst().orElseThrow();
            fake.tokens().restore(new Tokens.Grant(g.accessToken(), g.refreshToken(), p, g.userId(), g.expiresAt(),
                    g.refreshExpiresAt()), g.refreshUsable());
        }
        return out;
    }

    private static FakePortal portal(FakeBitrix24 fake, StateSnapshot.Portal s) {
        FakePortal p = new FakePortal(fake, s.name(), s.memberId());
        p.installed(s.install().applicationToken(), s.install().accessToken(), s.install().refreshToken());
        for (StateSnapshot.User u : s.users()) {
            p.users.put(u.id(), new PortalUser(u.id(), u.name(), u.firstName(), u.lastName(), u.gender(), u.workPosition(), u.bot(),
                    u.connector()));
        }
        for (StateSnapshot.Line l : s.lines()) {
            Map<String, Object> settings = new LinkedHashMap<>(l.settings());
            settings.put("QUEUE", new ArrayList<>((List<?>) settings.get("QUEUE")));
            OpenLine line = new OpenLine(settings, l.networkCode());
            p.lines.put(line.id(), line);
        }
        for (StateSnapshot.Bot b : s.bots()) {
            BotRecord r = new BotRecord(b.id(), b.appId(), b.v2());
            r.code = b.code();
            r.type = b.type();
            r.openline = b.openline();
            r.clientId = b.clientId();
            r.handlers.putAll(b.handlers());
            r.properties = new LinkedHashMap<>(b.properties());
            r.eventMode = b.eventMode();
            r.webhookUrl = b.webhookUrl();
            r.fetchQueue.addAll(b.fetchQueue());
            r.nextEventId = b.nextEventId();
            p.bots.put(r.id, r);
        }
        for (StateSnapshot.Command c : s.commands()) {
            CommandRecord r = new CommandRecord(c.id(), c.botId(), c.appId());
            r.command = c.command();
            r.handlerUrl = c.handlerUrl();
            r.common = c.common();
            r.hidden = c.hidden();
            r.lang = new ArrayList<>(c.lang());
            p.commands.put(r.id, r);
        }
        for (StateSnapshot.Chat c : s.chats()) {
            OpenLineChat chat = chat(fake, p, c);
            p.chats.put(chat.id, chat);
        }
        for (StateSnapshot.Message m : s.detachedMessages()) {
            p.messages.put(m.id(), message(m));
        }
        p.webhooks.putAll(s.webhooks());
        p.sessions.putAll(s.browserSessions());
        StateSnapshot.Counters n = s.next();
        p.nextUserId = n.user();
        p.nextLineId = n.line();
        p.nextCommandId = n.command();
        p.nextChatId = n.chat();
        p.nextSessionId = n.session();
        p.nextMessageId = n.message();
        p.nextLeadId = n.lead();
        p.state.quickAnswers.addAll(s.lineWide().quickAnswers());
        s.lineWide().headVotes().forEach((id, v) -> p.state.headVotes.put(id, new LineState.HeadVote(v.rating(), v.comment(),
                v.byUserId())));
        p.state.networkBots.putAll(s.lineWide().networkBots());
        connectors(p, s.connectors());
        return p;
    }

    private static OpenLineChat chat(FakeBitrix24 fake, FakePortal p, StateSnapshot.Chat c) {
        OpenLineChat chat = new OpenLineChat(fake.lock(), c.id(), c.lineId(), c.connector(), c.connectorChatId(), c.clientUserId());
        chat.members.clear();
        chat.members.addAll(c.members());
        for (StateSnapshot.Message m : c.messages()) {
            ChatMessage message = message(m);
            chat.messages.add(message);
            p.messages.put(message.id(), message);
        }
        chat.sessionId = c.sessionId();
        chat.sessionStart = c.sessionStart();
        chat.owner = c.owner();
        chat.operatorId = c.operatorId();
        chat.botId = c.botId();
        chat.crmLeadId = c.crmLeadId();
        chat.crm.putAll(c.crm());
        chat.pinned = c.pinned();
        chat.silent = c.silent();
        chat.spam = c.spam();
        chat.name = c.name();
        if (c.botTimerDue() != null && chat.owner == OpenLineChat.Owner.BOT) {
            Duration left = Duration.between(fake.clock().instant(), c.botTimerDue());
            p.flow.armBotTimer(chat, left.isNegative() ? Duration.ZERO : left, p.lines.get(chat.lineId).welcomeBotSeconds());
        }
        return chat;
    }

    private static ChatMessage message(StateSnapshot.Message m) {
        return new ChatMessage(m.id(), m.chatId(), m.sessionId(), m.authorId(), m.role(), m.text(), new LinkedHashMap<>(m.keyboard()),
                m.attach(), m.system(), m.date());
    }

    private static void connectors(FakePortal p, StateSnapshot.ConnectorState s) {
        Connectors c = p.connectors;
        s.registered().forEach(r -> c.registered.put(r.id(), new Connectors.Registration(r.id(), r.name(), r.appId(),
                r.placementHandler(), new LinkedHashMap<>(r.options()))));
        s.lines().forEach((key, b) -> {
            Connectors.LineBinding binding = new Connectors.LineBinding();
            binding.active = b.active();
            binding.data = new LinkedHashMap<>(b.data());
            c.bindings.put(key, binding);
        });
        s.eventHandlers().forEach((event, urls) -> c.handlers.put(event, new ArrayList<>(urls)));
        for (StateSnapshot.ConnectorClient cl : s.clients()) {
            Client client = new Client(p, cl.lineId(), cl.connector(), cl.userId(), cl.connectorChatId());
            client.chatId = cl.chatId();
            c.clients.put(cl.key(), client);
        }
        c.externalIds.putAll(s.externalIds());
        s.statuses().forEach((id, list) -> c.statuses.put(id, new LinkedHashSet<>(list)));
        c.nextEventId = s.nextEventId();
    }
}
