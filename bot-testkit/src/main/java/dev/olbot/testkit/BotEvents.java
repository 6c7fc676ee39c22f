package dev.olbot.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The events a bot hears about an open-line chat (v1 form events to its handler URLs, v2 webhook posts or the
 * fetch queue): joins, messages, commands, edits, deletions, its own deletion. {@link LineFlow} decides what
 * happens; this class only builds and sends. Callers hold the account lock.
 */
final class BotEvents {

    private final FakeBitrix24 fake;
    private final FakePortal portal;

    BotEvents(FakeBitrix24 fake, FakePortal portal) {
        this.fake = fake;
        this.portal = portal;
    }

    Map<String, Object> changePayload(String event, OpenLineChat chat, BotRecord bot, ChatMessage m, boolean update) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("BOT", Map.of(String.valueOf(bot.id), portal.payloads.botCredentials(bot)));
        data.put("PARAMS", portal.payloads.changeParams(chat, m, update));
        return portal.payloads.envelope(event, handlerId(bot, event), data, portal.payloads.userAuth(bot, m.authorId(), true));
    }

    /** The bot joins a chat (imbot.chat.user.add or the line's welcome bot) and hears ONIMBOTJOINCHAT. */
    CompletableFuture<Delivery> botJoins(OpenLineChat chat, BotRecord bot, int byUserId) {
        chat.members.add(bot.id);
        fake.transcript().add("system", "bot " + bot.name() + " joined " + chat.dialogId());
        if (bot.v2) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("bot", portal.payloads.v2Bot(bot, true));
            data.put("chat", portal.payloads.v2Chat(chat));
            data.put("user", portal.payloads.v2User(portal.users.get(byUserId)));
            data.put("language", "en");
            return deliverV2(bot, "ONIMBOTV2JOINCHAT", data);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("BOT", Map.of(String.valueOf(bot.id), portal.payloads.botCredentials(bot)));
        data.put("PARAMS", portal.payloads.joinParams(chat, bot, byUserId));
        data.put("USER", portal.payloads.userBlock(portal.users.get(byUserId), false, true));
        Map<String, Object> payload = portal.payloads.envelope("ONIMBOTJOINCHAT", handlerId(bot, "ONIMBOTJOINCHAT"), data,
                portal.payloads.userAuth(bot, byUserId, false));
        List<CompletableFuture<Delivery>> d = deliverV1(bot, "EVENT_WELCOME_MESSAGE", payload);
        return d.isEmpty() ? CompletableFuture.completedFuture(null) : d.get(0);
    }

    CompletableFuture<Delivery> botDeleted(BotRecord bot) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("BOT_ID", String.valueOf(bot.id));
        data.put("BOT_CODE", bot.code);
        Map<String, Object> payload = portal.payloads.envelope("ONIMBOTDELETE", handlerId(bot, "ONIMBOTDELETE"), data,
                portal.payloads.userAuth(bot, 1, false));
        List<CompletableFuture<Delivery>> d = deliverV1(bot, "EVENT_BOT_DELETE", payload);
        return d.isEmpty() ? CompletableFuture.completedFuture(null) : d.get(0);
    }

    CompletableFuture<Delivery> messageEvent(OpenLineChat chat, BotRecord bot, ChatMessage m, PortalUser user, String event) {
        if (bot.v2) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("bot", portal.payloads.v2Bot(bot, true));
            data.put("message", portal.payloads.v2Message(m));
            data.put("chat", portal.payloads.v2Chat(chat));
            data.put("user", portal.payloads.v2User(user));
            data.put("language", "en");
            return deliverV2(bot, "ONIMBOTV2MESSAGEADD", data);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("BOT", Map.of(String.valueOf(bot.id), portal.payloads.botCredentials(bot)));
        data.put("PARAMS", portal.payloads.messageParams(chat, m, previousId(chat, m), "TEXTAREA", false));
        data.put("USER", portal.payloads.userBlock(user, true, true));
        Map<String, Object> payload = portal.payloads.envelope(event, handlerId(bot, event), data,
                portal.payloads.userAuth(bot, user.id(), true));
        List<CompletableFuture<Delivery>> d = deliverV1(bot, "EVENT_MESSAGE_ADD", payload);
        return d.isEmpty() ? CompletableFuture.completedFuture(null) : d.get(0);
    }

    CompletableFuture<Delivery> commandEvent(OpenLineChat chat, BotRecord bot, CommandRecord cmd, ChatMessage m,
                                                     String params, String context, PortalUser user) {
        if (bot.v2) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("bot", portal.payloads.v2Bot(bot, true));
            Map<String, Object> command = new LinkedHashMap<>();
            command.put("id", cmd.id);
            command.put("command", cmd.command);
            command.put("params", params);
            command.put("context", context.toLowerCase(java.util.Locale.ROOT));
            data.put("command", command);
            data.put("message", portal.payloads.v2Message(m));
            data.put("chat", portal.payloads.v2Chat(chat));
            data.put("user", portal.payloads.v2User(user));
            data.put("language", "en");
            return deliverV2(bot, "ONIMBOTV2COMMANDADD", data);
        }
        Map<String, Object> c = new LinkedHashMap<>(portal.payloads.botCredentials(bot));
        c.put("COMMAND", cmd.command);
        c.put("COMMAND_ID", String.valueOf(cmd.id));
        c.put("COMMAND_PARAMS", params);
        c.put("COMMAND_CONTEXT", context);
        c.put("MESSAGE_ID", String.valueOf(m.id()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("COMMAND", Map.of(String.valueOf(cmd.id), c));
        data.put("PARAMS", portal.payloads.messageParams(chat, m, previousId(chat, m), context, true));
        data.put("USER", portal.payloads.userBlock(user, false, false));
        Map<String, Object> payload = portal.payloads.envelope("ONIMCOMMANDADD", handlerId(bot, "ONIMCOMMANDADD"), data,
                portal.payloads.userAuth(bot, user.id(), true));
        String url = BotRecord.withClientId(cmd.handlerUrl, bot.clientId);
        fake.transcript().add("platform", "ONIMCOMMANDADD /" + cmd.command + " (" + context + ") to bot " + bot.name());
        return fake.deliverer().deliver(url, payload);
    }

    int previousId(OpenLineChat chat, ChatMessage m) {
        int prev = 0;
        for (ChatMessage x : chat.messages) {
            if (x.id() < m.id()) {
                prev = x.id();
            }
        }
        return prev;
    }

    List<CompletableFuture<Delivery>> deliverV1(BotRecord bot, String handler, Map<String, Object> payload) {
        String url = bot.handlers.getOrDefault(handler, "");
        if (url.isEmpty()) {
            fake.transcript().add("platform", payload.get("event") + " not sent: bot " + bot.name() + " has no " + handler);
            return List.of();
        }
        return List.of(fake.deliverer().deliver(url, payload));
    }

    CompletableFuture<Delivery> deliverV2(BotRecord bot, String event, Map<String, Object> data) {
        if ("fetch".equals(bot.eventMode)) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("eventId", bot.nextEventId++);
            e.put("type", event);
            e.put("date", EventPayloads.iso(fake.clock().epochSecond()));
            Map<String, Object> fetchData = new LinkedHashMap<>(data);
            fetchData.put("bot", portal.payloads.v2Bot(bot, false));
            e.put("data", fetchData);
            bot.fetchQueue.add(e);
            return CompletableFuture.completedFuture(null);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", event);
        payload.put("data", data);
        payload.put("ts", String.valueOf(fake.clock().epochSecond()));
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("domain", portal.domain());
        auth.put("client_endpoint", fake.clientEndpoint());
        auth.put("server_endpoint", fake.serverEndpoint());
        auth.put("member_id", portal.memberId());
        auth.put("application_token", bot.clientId.isEmpty() ? portal.applicationToken() : bot.clientId);
        payload.put("auth", auth);
        return fake.deliverer().deliver(bot.webhookUrl, payload);
    }

    private static int handlerId(BotRecord bot, String event) {
        return bot.id * 10 + Math.abs(event.hashCode() % 10);
    }
}
