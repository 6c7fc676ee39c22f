package dev.olbot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.olbot.ingress.ApplicationTokenVerifier;
import dev.olbot.ingress.Ingress;
import dev.olbot.ingress.InstallGate;
import dev.olbot.ingress.InstallRegistry;
import dev.olbot.ingress.Outcome;
import dev.olbot.rest.CallOptions;
import dev.olbot.rest.RestCaller;
import dev.olbot.rest.RestException;
import dev.olbot.rest.RestResponse;
import dev.olbot.state.DialogKey;
import dev.olbot.state.DialogState;
import dev.olbot.state.DialogStore;
import dev.olbot.bot.Bot;
import dev.olbot.bot.BotEngine;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a bot through the real ingress (wire-format bodies, verification, lanes) and records the
 * REST calls its turns make. The REST side is a recording {@link RestCaller} with the platform's
 * result shapes — a narrow seam; the full fake portal lives in bot-testkit.
 */
public final class BotHarness implements AutoCloseable {

    static final String FORM = "application/x-www-form-urlencoded";
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Call(String method, Map<String, Object> params) {}

    public final List<Call> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The options of every call that came with options, in order. */
    public final List<CallOptions> options = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, RestException> failures = new HashMap<>();
    private final Map<String, Boolean> executedFailures = new HashMap<>();
    /** Bot messages that reached a chat: {@code im.dialog.messages.get} answers from these. */
    private final List<Map<String, Object>> chatMessages = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong messageIds = new AtomicLong(1000);
    private final AtomicLong messageSeq = new AtomicLong(500);
    public final MutableClock clock = new MutableClock();
    public final Ingress ingress;
    public final BotEngine engine;

    public final List<Call> installCalls;
    public com.fasterxml.jackson.databind.JsonNode botList = JSON.createArrayNode();

    public BotHarness(Bot bot, DialogStore store) {
        this(bot, store, h -> {});
    }

    public BotHarness(Bot bot, DialogStore store, java.util.function.Consumer<BotHarness> beforeInstall) {
        RestCaller rest = new RestCaller() {
            @Override
            public Future<RestResponse> call(String portal, String method, Map<String, ?> params) {
                return answer(portal, method, params);
            }

            @Override
            public Future<RestResponse> call(String portal, String method, Map<String, ?> params, CallOptions options) {
                BotHarness.this.options.add(options);
                return answer(portal, method, params);
            }
        };
        Ingress[] ref = new Ingress[1];
        this.engine = BotEngine.create(o -> o.bot(bot).rest(rest).store(store).clock(clock)
                .handlerUrl("https://bot.example.com/bitrix/events")
                .lanes((lane, task) -> ref[0].submit(lane, task)));
        InstallRegistry installs = InstallRegistry.inMemory();
        // the harness has no authorisation server: its installs are taken as confirmed
        this.ingress = Ingress.create(b -> b.verifier(ApplicationTokenVerifier.forApp(installs))
                .installGate(InstallGate.of(installs, install -> {})).sink(engine).workerThreads(4));
        ref[0] = ingress;
        beforeInstall.accept(this);
        post(WireEvents.install(WireEvents.APP_TOKEN));
        installCalls = List.copyOf(calls);
        calls.clear();
    }

    @SuppressWarnings("unchecked")
    private Future<RestResponse> answer(String portal, String method, Map<String, ?> params) {
        calls.add(new Call(method, (Map<String, Object>) params));
        RestException failure = failures.remove(method);
        if (failure != null) {
            if (Boolean.TRUE.equals(executedFailures.remove(method))) {
                posted(method, params, messageIds.incrementAndGet());
            }
            return Future.failedFuture(failure);
        }
        if (method.equals("im.dialog.messages.get")) {
            List<Map<String, Object>> messages = new java.util.ArrayList<>(chatMessages.stream()
                    .filter(m -> m.get("dialog").equals(String.valueOf(params.get("DIALOG_ID")))).toList());
            java.util.Collections.reverse(messages);
            return Future.succeededFuture(new RestResponse(method, JSON.valueToTree(Map.of("messages", messages)),
                    Optional.empty(), Optional.empty(), Optional.empty()));
        }
        if (method.equals("imbot.message.add")) {
            long id = messageIds.incrementAndGet();
            posted(method, params, id);
            return Future.succeededFuture(new RestResponse(method, JSON.valueToTree(id), Optional.empty(), Optional.empty(),
                    Optional.empty()));
        }
        JsonNode result = switch (method) {
            case "imbot.message.add", "imbot.command.answer" -> JSON.valueToTree(messageIds.incrementAndGet());
            case "imbot.v2.Chat.Message.send" -> JSON.valueToTree(Map.of("id", messageIds.incrementAndGet(), "uuidMap", Map.of()));
            case "imbot.bot.list" -> botList;
            case "imbot.register" -> JSON.valueToTree(10);
            case "imbot.command.register" -> JSON.valueToTree(77);
            case "imopenlines.session.history.get" -> JSON.valueToTree(Map.of("chatId", 6, "sessionId", 106));
            default -> JSON.valueToTree(true);
        };
        return Future.succeededFuture(new RestResponse(method, result, Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private void posted(String method, Map<String, ?> params, long id) {
        if (method.equals("imbot.message.add")) {
            chatMessages.add(Map.of("id", id, "author_id", Long.parseLong(String.valueOf(params.get("BOT_ID"))),
                    "text", String.valueOf(params.get("MESSAGE")).strip(), "date", "2026-03-02T09:00:00+00:00",
                    "dialog", String.valueOf(params.get("DIALOG_ID"))));
        }
    }

    /**
     * The next call to {@code method} fails with {@code error}; with {@code executed} the effect
     * happened first (a bot message reaches the chat, as when an answer is lost after the write).
     */
    public void failNext(String method, RestException error, boolean executed) {
        failures.put(method, error);
        executedFailures.put(method, executed);
    }

    /** The next call to {@code method} fails the way the platform fails. */
    public void failNext(String method, int status, String error, String description) {
        failures.put(method, new RestException(method, status, error, description));
    }

    public void post(String body) {
        Outcome outcome = ingress.receive(FORM, body, Map.of());
        assertThat(outcome.status()).as("ingress answer for %s", outcome).isEqualTo(200);
        settle();
    }

    /** Waits until every turn triggered so far has finished. */
    public void settle() {
        try {
            assertThat(ingress.awaitIdle(20_000)).as("turns finished").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    public void clientSays(long chatId, String text) {
        clientSays(chatId, 100 + chatId, text);
    }

    public void clientSays(long chatId, long sessionId, String text) {
        post(dev.olbot.wire.PhpForm.encode(WireEvents.lineEvent("ONIMBOTMESSAGEADD", chatId, sessionId,
                messageSeq.incrementAndGet(), text, 12, true, WireEvents.APP_TOKEN)));
    }

    public void operatorSays(long chatId, String text) {
        post(dev.olbot.wire.PhpForm.encode(WireEvents.lineEvent("ONIMBOTMESSAGEADD", chatId, 100 + chatId,
                messageSeq.incrementAndGet(), text, 55, false, WireEvents.APP_TOKEN)));
    }

    public void botJoins(long chatId, long sessionId) {
        post(WireEvents.lineJoin(chatId, sessionId));
    }

    public void clientPresses(long chatId, String command, String params) {
        post(WireEvents.lineCommand(chatId, 100 + chatId, messageSeq.incrementAndGet(), command, params, "KEYBOARD"));
    }

    /** Advances the bot's clock and fires what became due, waiting for those turns. */
    public void advance(Duration d) {
        clock.advance(d);
        engine.fireDueTimeouts();
        settle();
    }

    public List<String> methods() {
        return calls.stream().map(Call::method).toList();
    }

    /** What the client saw: bot messages, without the operator-only ones ({@code SKIP_CONNECTOR=Y}). */
    /** The texts of the bot messages that reached chats (what clients saw), in order. */
    public List<String> chatTexts() {
        return chatMessages.stream().map(m -> (String) m.get("text")).toList();
    }

    public List<String> replies() {
        return clientMessages().stream().map(c -> (String) c.params().get("MESSAGE")).toList();
    }

    /** Bot messages the client sees, with their keyboards. */
    public List<Call> clientMessages() {
        return calls.stream().filter(c -> c.method().equals("imbot.message.add"))
                .filter(c -> !"Y".equals(c.params().get("SKIP_CONNECTOR"))).toList();
    }

    /** Messages posted for the operator only ({@code SKIP_CONNECTOR=Y}). */
    public List<String> operatorNotes() {
        return calls.stream().filter(c -> c.method().equals("imbot.message.add"))
                .filter(c -> "Y".equals(c.params().get("SKIP_CONNECTOR"))).map(c -> (String) c.params().get("MESSAGE")).toList();
    }

    /** The button texts of the last client message with a keyboard. */
    @SuppressWarnings("unchecked")
    public List<String> lastButtons() {
        List<Call> msgs = clientMessages().stream().filter(c -> c.params().get("KEYBOARD") != null).toList();
        if (msgs.isEmpty()) {
            return List.of();
        }
        Object kb = msgs.get(msgs.size() - 1).params().get("KEYBOARD");
        JsonNode node = kb instanceof String str ? readTree(str) : JSON.valueToTree(kb);
        List<String> out = new ArrayList<>();
        node.path("BUTTONS").forEach(b -> {
            if (b.has("TEXT")) {
                out.add(b.get("TEXT").asText());
            }
        });
        return out;
    }

    private static JsonNode readTree(String s) {
        try {
            return JSON.readTree(s);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Methods called, without message sends. */
    public List<String> sessionCalls() {
        return methods().stream().filter(m -> !m.equals("imbot.message.add")).toList();
    }

    public List<Call> callsTo(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    public DialogState state(long chatId) {
        return engine.store().get(new DialogKey(WireEvents.MEMBER_ID, 10, "chat" + chatId)).orElseThrow();
    }

    public void clear() {
        calls.clear();
    }

    @Override
    public void close() {
        ingress.close();
    }

    /** A clock tests move by hand. */
    public static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-21T10:00:00Z");

        public void advance(Duration d) {
            now = now.plus(d);
        }

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

}
