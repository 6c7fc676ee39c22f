package dev.olbot.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.olbot.event.BotEvent;
import dev.olbot.event.MessageAdded;
import dev.olbot.event.Portal;
import dev.olbot.rest.RestResponse;
import io.vertx.core.Future;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventPollerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Portal portal = new Portal("b24-test.bitrix24.com", "d03787b18442c698df6be629654747c0",
            "https://b24-test.bitrix24.com/rest/", "https://oauth.bitrix.info/rest/");
    private final List<BotEvent> handled = new CopyOnWriteArrayList<>();
    private final Ingress ingress = Ingress.create(b -> b.verifier(EventVerifier.acceptAll()).sink(handled::add));
    private final List<Map<String, Object>> polls = new ArrayList<>();
    private final List<JsonNode> queue = new ArrayList<>();

    @AfterEach
    void close() {
        ingress.close();
    }

    private JsonNode messageEvent(long eventId, long messageId, String text) throws Exception {
        String raw;
        try (InputStream in = getClass().getResourceAsStream("/payloads/V2-ONIMBOTV2MESSAGEADD-1.txt")) {
            raw = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                    .reduce("", (a, b) -> a + b + "\n");
        }
        ObjectNode data = (ObjectNode) JSON.readTree(raw);
        ((ObjectNode) data.get("message")).put("id", messageId).put("text", text);
        ObjectNode item = JSON.createObjectNode();
        item.put("eventId", eventId).put("type", "ONIMBOTV2MESSAGEADD").put("date", "2025-01-15T10:30:00+02:00");
        item.set("data", data);
        return item;
    }

    /** A fake imbot.v2.Event.get: serves events with id >= the confirmed offset, {@code limit} at a time. */
    private Future<RestResponse> serve(String portalKey, String method, Map<String, ?> params) {
        polls.add(new java.util.HashMap<>(params));
        long offset = params.get("offset") == null ? 0 : ((Number) params.get("offset")).longValue();
        int limit = ((Number) params.get("limit")).intValue();
        List<JsonNode> page = queue.stream().filter(e -> e.get("eventId").asLong() >= offset).limit(limit).toList();
        long next = page.isEmpty() ? offset : page.get(page.size() - 1).get("eventId").asLong() + 1;
        boolean more = queue.stream().filter(e -> e.get("eventId").asLong() >= next).findAny().isPresent();
        ObjectNode result = JSON.createObjectNode();
        result.set("events", JSON.valueToTree(page));
        result.put("nextOffset", next).put("hasMore", more);
        return Future.succeededFuture(new RestResponse(method, result, Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void handsFetchedEventsToTheIngressAndConfirmsTheOffsetOnlyAfterTheyWereHandled() throws Exception {
        queue.add(messageEvent(41, 790, "first"));
        queue.add(messageEvent(42, 791, "second"));
        queue.add(messageEvent(43, 792, "third"));
        EventPoller.OffsetStore offsets = EventPoller.OffsetStore.inMemory();
        EventPoller poller = new EventPoller(this::serve, portal, 456, ingress,
                new EventPoller.Options(2, java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(5),
                        java.time.Duration.ofSeconds(30), false), offsets);

        EventPoller.PollResult first = poller.pollOnce();
        EventPoller.PollResult second = poller.pollOnce();
        EventPoller.PollResult idle = poller.pollOnce();

        assertThat(first.events()).isEqualTo(2);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.events()).isEqualTo(1);
        assertThat(idle.events()).isZero();
        assertThat(polls).extracting(p -> (Object) p.get("offset")).containsExactly(null, 43L, 44L);
        assertThat(polls.get(0)).containsEntry("botId", (Object) 456L).containsEntry("limit", (Object) 2);
        assertThat(handled).extracting(e -> ((MessageAdded) e).message().text()).containsExactly("first", "second", "third");
        assertThat(offsets.load()).isEqualTo(44);
    }

    @Test
    void handlesAnEventRedeliveredAfterARestartOnlyOnce() throws Exception {
        queue.add(messageEvent(41, 790, "first"));
        EventPoller.OffsetStore lost = EventPoller.OffsetStore.inMemory();
        new EventPoller(this::serve, portal, 456, ingress, EventPoller.Options.defaults(), lost).pollOnce();

        // the offset was not saved (e.g. crash): the platform serves the same event again
        new EventPoller(this::serve, portal, 456, ingress, EventPoller.Options.defaults(),
                EventPoller.OffsetStore.inMemory()).pollOnce();

        assertThat(handled).hasSize(1);
        assertThat(ingress.stats().duplicates()).isEqualTo(1);
    }

    @Test
    void keepsTheConfirmedOffsetInAFileAcrossRestarts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        queue.add(messageEvent(41, 790, "first"));
        java.nio.file.Path file = dir.resolve("offset.txt");
        new EventPoller(this::serve, portal, 456, ingress, EventPoller.Options.defaults(), EventPoller.OffsetStore.file(file))
                .pollOnce();

        EventPoller.PollResult afterRestart = new EventPoller(this::serve, portal, 456, ingress, EventPoller.Options.defaults(),
                EventPoller.OffsetStore.file(file)).pollOnce();

        assertThat(polls.get(1)).containsEntry("offset", (Object) 42L);
        assertThat(afterRestart.events()).isZero();
        assertThat(handled).hasSize(1);
    }
}
