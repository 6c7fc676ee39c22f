package dev.olbot.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Copies a fake account's state into {@link StateSnapshot} records. The caller holds the account lock. */
final class StateCapture {

    private StateCapture() {}

    static StateSnapshot.Account of(FakeBitrix24 fake, int port) {
        List<StateSnapshot.Grant> grants = new ArrayList<>();
        fake.tokens().usable().forEach((g, refreshable) -> grants.add(new StateSnapshot.Grant(g.accessToken(), g.refreshToken(),
                g.portal().name(), g.userId(), g.expiresAt(), g.refreshExpiresAt(), refreshable)));
        List<StateSnapshot.Portal> portals = new ArrayList<>();
        for (FakePortal p : fake.portals()) {
            portals.add(portal(p));
        }
        return new StateSnapshot.Account(StateSnapshot.FORMAT, fake.clock().instant(), fake.clientId(), fake.clientSecret(), port,
                grants, portals);
    }

    private static StateSnapshot.Portal portal(FakePortal p) {
        List<StateSnapshot.User> users = new ArrayList<>();
        p.users.values().forEach(u -> users.add(new StateSnapshot.User(u.id(), u.name(), u.firstName(), u.lastName(), u.gender(),
                u.workPosition(), u.bot(), u.connector())));
        List<StateSnapshot.Line> lines = new ArrayList<>();
        p.lines.values().forEach(l -> lines.add(new StateSnapshot.Line(l.settings(), l.networkCode())));
        List<StateSnapshot.Bot> bots = new ArrayList<>();
        p.bots.values().forEach(b -> bots.add(new StateSnapshot.Bot(b.id, b.appId, b.v2, b.code, b.type, b.openline, b.clientId,
                new LinkedHashMap<>(b.handlers), new LinkedHashMap<>(b.properties), b.eventMode, b.webhookUrl,
                new ArrayList<>(b.fetchQueue), b.nextEventId)));
        List<StateSnapshot.Command> commands = new ArrayList<>();
        p.commands.values().forEach(c -> commands.add(new StateSnapshot.Command(c.id, c.botId, c.appId, c.command, c.handlerUrl,
                c.common, c.hidden, c.lang == null ? List.of() : new ArrayList<>(c.lang))));
        List<StateSnapshot.Chat> chats = new ArrayList<>();
        Set<Integer> inChats = new HashSet<>();
        for (OpenLineChat c : p.chats.values()) {
            List<StateSnapshot.Message> messages = new ArrayList<>();
            c.messages.forEach(m -> {
                messages.add(message(m));
                inChats.add(m.id());
            });
            chats.add(new StateSnapshot.Chat(c.id, c.lineId, c.connector, c.connectorChatId, c.clientUserId,
                    new ArrayList<>(c.members), messages, c.sessionId, c.sessionStart, c.owner, c.operatorId, c.botId, c.crmLeadId,
                    new LinkedHashMap<>(c.crm), c.pinned, c.silent, c.spam, c.name,
                    c.botTimer == null || c.owner != OpenLineChat.Owner.BOT ? null : c.botTimer.dueAt()));
        }
        List<StateSnapshot.Message> detached = new ArrayList<>();
        p.messages.values().stream().filter(m -> !inChats.contains(m.id())).forEach(m -> detached.add(message(m)));
        StateSnapshot.Counters next = new StateSnapshot.Counters(p.nextUserId, p.nextLineId, p.nextCommandId, p.nextChatId,
                p.nextSessionId, p.nextMessageId, p.nextLeadId);
        Map<Integer, StateSnapshot.Vote> votes = new LinkedHashMap<>();
        p.state.headVotes.forEach((id, v) -> votes.put(id, new StateSnapshot.Vote(v.rating(), v.comment(), v.byUserId())));
        StateSnapshot.LineWide lineWide = new StateSnapshot.LineWide(new ArrayList<>(p.state.quickAnswers), votes,
                new LinkedHashMap<>(p.state.networkBots));
        return new StateSnapshot.Portal(p.name(), p.memberId(),
                new StateSnapshot.Install(p.applicationToken, p.appAccessToken, p.appRefreshToken), next, users, lines, bots,
                commands, chats, detached, new LinkedHashMap<>(p.webhooks), new LinkedHashMap<>(p.sessions), lineWide,
                connectors(p.connectors));
    }

    private static StateSnapshot.Message message(ChatMessage m) {
        return new StateSnapshot.Message(m.id(), m.chatId(), m.sessionId(), m.authorId(), m.role(), m.text(), m.keyboard(),
                m.attach(), m.system(), m.date());
    }

    private static StateSnapshot.ConnectorState connectors(Connectors c) {
        List<StateSnapshot.Registration> registered = new ArrayList<>();
        c.registered.values().forEach(r -> registered.add(new StateSnapshot.Registration(r.id(), r.name(), r.appId(),
                r.placementHandler(), r.options())));
        Map<String, StateSnapshot.Binding> lines = new LinkedHashMap<>();
        c.bindings.forEach((k, b) -> lines.put(k, new StateSnapshot.Binding(b.active, b.data)));
        Map<String, List<String>> handlers = new LinkedHashMap<>();
        c.handlers.forEach((e, urls) -> handlers.put(e, new ArrayList<>(urls)));
        List<StateSnapshot.ConnectorClient> clients = new ArrayList<>();
        c.clients.forEach((k, cl) -> clients.add(new StateSnapshot.ConnectorClient(k, cl.lineId, cl.connector, cl.userId,
                cl.connectorChatId, cl.chatId)));
        Map<Integer, List<String>> statuses = new LinkedHashMap<>();
        c.statuses.forEach((id, s) -> statuses.put(id, new ArrayList<>(s)));
        return new StateSnapshot.ConnectorState(registered, lines, handlers, clients, new LinkedHashMap<>(c.externalIds), statuses,
                c.nextEventId);
    }
}
