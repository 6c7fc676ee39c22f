package dev.olbot.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What happens in open-line chats: sessions open and close, the line's bot joins and is replaced
 * by the queue, operators take over, and the bot hears about it through events. Callers hold the
 * account lock.
 */
final class LineFlow {

    private final FakeBitrix24 fake;
    private final FakePortal portal;
    /** The bot's side: builds and sends the events bots hear. */
    final BotEvents events;

    LineFlow(FakeBitrix24 fake, FakePortal portal) {
        this.fake = fake;
        this.portal = portal;
        this.events = new BotEvents(fake, portal);
    }

    // ---- client side ----

    List<CompletableFuture<Delivery>> clientMessage(Client client, String text) {
        List<CompletableFuture<Delivery>> out = new ArrayList<>();
        OpenLineChat chat = chatOf(client);
        if (chat.owner == OpenLineChat.Owner.CLOSED) {
            openSession(chat, out);
        }
        ChatMessage m = post(chat, client.userId, "client", text, Map.of(), null, false);
        PortalUser user = portal.users.get(client.userId);
        BotRecord bot = botInChat(chat);
        if (chat.owner == OpenLineChat.Owner.BOT && text.trim().equals("0")) {
            toQueue(chat, "the client sent 0");
            return out;
        }
        if (bot == null) {
            return out; // the bot left (or never joined): it hears nothing
        }
        // a bot still in the chat (e.g. transferred with LEAVE=N, not yet accepted) keeps hearing it
        CommandRecord cmd = text.startsWith("/") ? findCommand(bot, text.substring(1).split("\\s+", 2)[0]) : null;
        if (cmd != null) {
            String[] parts = text.substring(1).split("\\s+", 2);
            out.add(events.commandEvent(chat, bot, cmd, m, parts.length > 1 ? parts[1] : "", "TEXTAREA", user));
        } else {
            out.add(events.messageEvent(chat, bot, m, user, "ONIMBOTMESSAGEADD"));
        }
        return out;
    }

    List<CompletableFuture<Delivery>> pressButton(Client client, int n) {
        OpenLineChat chat = chatOf(client);
        ChatMessage last = null;
        for (ChatMessage m : chat.messages) {
            if (m.role().equals("bot") && !m.keyboard().isEmpty()) {
                last = m; // the newest keyboard the client sees, even when plain messages came after it
            }
        }
        if (last == null) {
            throw new IllegalStateException("no bot message in " + chat.dialogId() + " has a keyboard");
        }
        List<Map<String, Object>> buttons = new ArrayList<>();
        for (Object b : Params.list(last.keyboard().get("BUTTONS"))) {
            Map<String, Object> button = Params.upper(Params.map(b));
            if (!"NEWLINE".equals(Params.str(button, "TYPE"))) {
                buttons.add(button);
            }
        }
        if (n < 1 || n > buttons.size()) {
            throw new IllegalArgumentException("button " + n + " does not exist; the keyboard has " + buttons.size());
        }
        Map<String, Object> button = buttons.get(n - 1);
        fake.transcript().add("client #" + client.userId, "[presses \"" + Params.str(button, "TEXT") + "\"]");
        if (!Params.str(button, "COMMAND").isEmpty()) {
            BotRecord bot = portal.bots.get((int) Params.intval(last.keyboard(), "BOT_ID"));
            if (bot == null) {
                bot = botInChat(chat);
            }
            CommandRecord cmd = bot == null ? null : findCommand(bot, Params.str(button, "COMMAND"));
            if (cmd == null) {
                throw new IllegalStateException("button " + n + " runs command '" + Params.str(button, "COMMAND")
                        + "', which no bot in " + chat.dialogId() + " registered (imbot.command.register)");
            }
            ChatMessage pressed = new ChatMessage(last.id(), chat.id, chat.sessionId, client.userId, "client",
                    "/" + cmd.command + " " + Params.str(button, "COMMAND_PARAMS"), Map.of(), null, false, fake.clock().instant());
            return List.of(events.commandEvent(chat, bot, cmd, pressed, Params.str(button, "COMMAND_PARAMS"), "KEYBOARD",
                    portal.users.get(client.userId)));
        }
        if ("SEND".equals(Params.str(button, "ACTION"))) {
            return clientMessage(client, Params.str(button, "ACTION_VALUE"));
        }
        throw new IllegalStateException("button " + n + " (" + button + ") runs on the client only; nothing reaches the bot");
    }

    List<CompletableFuture<Delivery>> editLast(Client client, String text) {
        OpenLineChat chat = chatOf(client);
        return clientEdits(chat, lastOf(chat, client.userId), text);
    }

    /** The client changed one of its messages (also {@code imconnector.update.messages}). */
    List<CompletableFuture<Delivery>> clientEdits(OpenLineChat chat, ChatMessage m, String text) {
        ChatMessage edited = m.withText(text, m.keyboard(), m.attach());
        replace(chat, edited);
        portal.connectors.outboundUpdate(chat, edited);
        fake.transcript().add("client #" + m.authorId(), "[edits] " + text);
        BotRecord bot = botInChat(chat);
        if (bot == null || bot.v2) {
            return List.of();
        }
        return events.deliverV1(bot, "EVENT_MESSAGE_UPDATE", events.changePayload("ONIMBOTMESSAGEUPDATE", chat, bot, edited, true));
    }

    List<CompletableFuture<Delivery>> deleteLast(Client client) {
        OpenLineChat chat = chatOf(client);
        return clientDeletes(chat, lastOf(chat, client.userId));
    }

    /** The client deleted one of its messages (also {@code imconnector.delete.messages}). */
    List<CompletableFuture<Delivery>> clientDeletes(OpenLineChat chat, ChatMessage m) {
        chat.messages.remove(m);
        portal.connectors.outboundDelete(chat, m);
        fake.transcript().add("client #" + m.authorId(), "[deletes] " + m.text());
        BotRecord bot = botInChat(chat);
        if (bot == null || bot.v2) {
            return List.of();
        }
        return events.deliverV1(bot, "EVENT_MESSAGE_DELETE", events.changePayload("ONIMBOTMESSAGEDELETE", chat, bot, m, false));
    }

    // ---- operator side ----

    void operatorAccepts(OpenLineChat chat, int userId) {
        if (chat.owner == OpenLineChat.Owner.CLOSED || chat.owner == OpenLineChat.Owner.OPERATOR && chat.operatorId == userId) {
            throw new IllegalStateException(chat.dialogId() + " has nothing to accept (owner " + chat.owner + ")");
        }
        cancelTimer(chat);
        if (chat.botId != 0) {
            chat.members.remove(chat.botId);
        }
        chat.owner = OpenLineChat.Owner.OPERATOR;
        chat.operatorId = userId;
        chat.members.add(userId);
        fake.transcript().add("system", "operator " + name(userId) + " accepted " + chat.dialogId());
    }

    void operatorSays(OpenLineChat chat, int userId, String text) {
        if (chat.owner != OpenLineChat.Owner.OPERATOR || chat.operatorId != userId) {
            throw new IllegalStateException(name(userId) + " does not hold " + chat.dialogId() + " (owner " + chat.owner + ")");
        }
        memberSays(chat, userId, "operator", text);
    }

    /** An employee (or bot) in the chat writes; a bot in the chat hears it. */
    ChatMessage memberSays(OpenLineChat chat, int userId, String role, String text) {
        ChatMessage m = post(chat, userId, role, text, Map.of(), null, false);
        BotRecord bot = botInChat(chat);
        if (bot != null && bot.id != userId) {
            events.messageEvent(chat, bot, m, portal.users.get(userId), "ONIMBOTMESSAGEADD");
        }
        return m;
    }

    /** The operator hands the dialog back to the line's bot, which joins again (ONIMBOTJOINCHAT). */
    List<CompletableFuture<Delivery>> operatorReturnsToBot(OpenLineChat chat, int userId) {
        if (chat.owner != OpenLineChat.Owner.OPERATOR || chat.operatorId != userId) {
            throw new IllegalStateException(name(userId) + " does not hold " + chat.dialogId());
        }
        BotRecord bot = portal.bots.get(chat.botId);
        if (bot == null) {
            throw new IllegalStateException(chat.dialogId() + " has no bot to return to");
        }
        cancelTimer(chat);
        chat.members.remove(userId);
        chat.operatorId = 0;
        chat.owner = OpenLineChat.Owner.BOT;
        fake.transcript().add("system", name(userId) + " transferred " + chat.dialogId() + " back to bot " + bot.name());
        return List.of(events.botJoins(chat, bot, userId));
    }

    // ---- shared effects (also used by the session methods) ----

    void toQueue(OpenLineChat chat, String reason) {
        cancelTimer(chat);
        OpenLine line = portal.lines.get(chat.lineId);
        if (chat.botId != 0 && "queue".equals(line.get("WELCOME_BOT_LEFT"))) {
            chat.members.remove(chat.botId);
        }
        chat.owner = OpenLineChat.Owner.QUEUE;
        List<Integer> queue = line.queueUserIds();
        chat.operatorId = queue.isEmpty() ? 0 : queue.get(0);
        fake.transcript().add("system", chat.dialogId() + " moved to the queue of line " + line.id() + " (" + reason + ")"
                + (chat.operatorId == 0 ? "" : ", offered to " + name(chat.operatorId)));
    }

    void transferTo(OpenLineChat chat, int toUserId, int toLineId, String by) {
        cancelTimer(chat);
        chat.owner = OpenLineChat.Owner.QUEUE;
        if (toUserId > 0) {
            chat.operatorId = toUserId;
            fake.transcript().add("system", by + " transferred " + chat.dialogId() + " to " + name(toUserId));
        } else {
            chat.lineId = toLineId;
            List<Integer> queue = portal.lines.get(toLineId).queueUserIds();
            chat.operatorId = queue.isEmpty() ? 0 : queue.get(0);
            fake.transcript().add("system", by + " transferred " + chat.dialogId() + " to the queue of line " + toLineId);
        }
    }

    void finish(OpenLineChat chat, String by) {
        cancelTimer(chat);
        chat.owner = OpenLineChat.Owner.CLOSED;
        if (chat.operatorId != 0) {
            chat.members.remove(chat.operatorId);
        }
        OpenLine line = portal.lines.get(chat.lineId);
        if (chat.botId != 0 && !"queue".equals(line.get("WELCOME_BOT_LEFT"))) {
            chat.members.remove(chat.botId);
        }
        chat.operatorId = 0;
        fake.transcript().add("system", by + " finished session " + chat.sessionId + " of " + chat.dialogId());
        portal.connectors.sessionFinished(chat);
    }

    ChatMessage post(OpenLineChat chat, int authorId, String role, String text, Map<String, Object> keyboard, Object attach,
                     boolean system) {
        return post(chat, authorId, role, text, keyboard, attach, system, true);
    }

    /** Posts a message; {@code toConnector} false keeps it inside Bitrix24 ({@code SKIP_CONNECTOR=Y}). */
    ChatMessage post(OpenLineChat chat, int authorId, String role, String text, Map<String, Object> keyboard, Object attach,
                     boolean system, boolean toConnector) {
        ChatMessage m = new ChatMessage(portal.nextMessageId++, chat.id, chat.sessionId, authorId, role, text, keyboard,
                attach, system, fake.clock().instant());
        chat.messages.add(m);
        portal.messages.put(m.id(), m);
        if (toConnector) {
            portal.connectors.outbound(chat, m);
        }
        String who = switch (role) {
            case "client" -> "client " + name(authorId);
            case "bot" -> "bot " + name(authorId);
            case "operator" -> "operator " + name(authorId);
            default -> "system";
        };
        fake.transcript().add(who, text + describeKeyboard(keyboard));
        return m;
    }

    void replace(OpenLineChat chat, ChatMessage m) {
        chat.messages.replaceAll(x -> x.id() == m.id() ? m : x);
        portal.messages.put(m.id(), m);
    }

    // ---- internals ----

    OpenLineChat chatOf(Client client) {
        if (client.chatId == 0) {
            OpenLineChat chat = new OpenLineChat(fake.lock(), portal.nextChatId++, client.lineId, client.connector,
                    client.connectorChatId, client.userId);
            portal.chats.put(chat.id, chat);
            client.chatId = chat.id;
        }
        return portal.chats.get(client.chatId);
    }

    void openSession(OpenLineChat chat, List<CompletableFuture<Delivery>> out) {
        chat.sessionId = portal.nextSessionId++;
        chat.sessionStart = fake.clock().epochSecond();
        chat.crmLeadId = 0;
        chat.operatorId = 0;
        fake.transcript().add("system", "session " + chat.sessionId + " opened in " + chat.dialogId() + " (line "
                + chat.lineId + ", " + chat.entityId() + ")");
        portal.connectors.sessionStarted(chat);
        OpenLine line = portal.lines.get(chat.lineId);
        BotRecord bot = line.welcomeBotEnabled() ? portal.bots.get(line.welcomeBotId()) : null;
        if (bot == null) {
            chat.botId = 0;
            toQueue(chat, "the line has no welcome bot");
            return;
        }
        chat.botId = bot.id;
        chat.owner = OpenLineChat.Owner.BOT;
        out.add(events.botJoins(chat, bot, chat.clientUserId));
        long seconds = line.welcomeBotSeconds();
        if (seconds > 0) {
            armBotTimer(chat, Duration.ofSeconds(seconds), seconds);
        }
    }

    /** After {@code delay}, a session still held by the bot moves to the queue ({@code WELCOME_BOT_TIME} of {@code seconds}). */
    void armBotTimer(OpenLineChat chat, Duration delay, long seconds) {
        int session = chat.sessionId;
        chat.botTimer = fake.clock().schedule(delay, () -> {
            synchronized (fake.lock()) {
                if (chat.sessionId == session && chat.owner == OpenLineChat.Owner.BOT) {
                    toQueue(chat, "WELCOME_BOT_TIME of " + seconds + "s passed");
                }
            }
        });
    }

    void cancelTimer(OpenLineChat chat) {
        if (chat.botTimer != null) {
            chat.botTimer.cancel();
            chat.botTimer = null;
        }
    }

    BotRecord botInChat(OpenLineChat chat) {
        return chat.botId != 0 && chat.members.contains(chat.botId) ? portal.bots.get(chat.botId) : null;
    }

    private ChatMessage lastOf(OpenLineChat chat, int authorId) {
        for (int i = chat.messages.size() - 1; i >= 0; i--) {
            if (chat.messages.get(i).authorId() == authorId) {
                return chat.messages.get(i);
            }
        }
        throw new IllegalStateException("no message of user " + authorId + " in " + chat.dialogId());
    }

    private CommandRecord findCommand(BotRecord bot, String command) {
        return portal.commands.values().stream()
                .filter(c -> c.command.equalsIgnoreCase(command) && (c.botId == bot.id || c.common))
                .findFirst().orElse(null);
    }

    String name(int userId) {
        PortalUser u = portal.users.get(userId);
        return u == null ? "#" + userId : u.name() + " (#" + userId + ")";
    }

    private static String describeKeyboard(Map<String, Object> keyboard) {
        if (keyboard == null || keyboard.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("  [");
        int i = 1;
        for (Object b : Params.list(keyboard.get("BUTTONS"))) {
            Map<String, Object> button = Params.upper(Params.map(b));
            if (!"NEWLINE".equals(Params.str(button, "TYPE"))) {
                sb.append(i == 1 ? "" : " | ").append(i++).append(") ").append(Params.str(button, "TEXT"));
            }
        }
        return sb.append(']').toString();
    }
}
