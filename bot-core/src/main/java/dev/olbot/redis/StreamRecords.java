package dev.olbot.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.olbot.ingress.Inbox;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A delivery as a Redis Streams entry, and the entries out of {@code XREADGROUP} / {@code XAUTOCLAIM}
 * answers (RESP2 arrays or RESP3 maps alike). Fields: {@code k} dedupe key, {@code t} content type,
 * {@code b} body, {@code q} query parameters (JSON), {@code a} arrival time (epoch ms).
 */
final class StreamRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> QUERY = new TypeReference<>() {};

    /** One stream entry: its id and the delivery in it (null for an entry deleted meanwhile). */
    record Read(String stream, String id, long receivedAtMillis, Inbox.Delivery delivery) {}

    private StreamRecords() {}

    /** The stream of a partition: {@code <prefix>inbox:<p>}. */
    static String stream(RedisLink redis, int partition) {
        return redis.key("inbox:" + partition);
    }

    /** The {@code XADD} field/value arguments for {@code d}. */
    static List<Object> fields(Inbox.Delivery d, long receivedAtMillis) {
        try {
            return List.of("k", d.dedupeKey(), "t", d.contentType(), "b", d.body(), "q", JSON.writeValueAsString(d.query()),
                    "a", receivedAtMillis);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("query parameters cannot be written as JSON", e);
        }
    }

    /** The entries of an {@code XREADGROUP} answer, stream by stream, in stream order (nil: none). */
    static List<Read> fromRead(Response r) {
        List<Read> out = new ArrayList<>();
        if (r == null) {
            return out;
        }
        if (isMap(r)) {
            for (String stream : r.getKeys()) {
                entries(stream, r.get(stream), out);
            }
        } else {
            for (Response pair : r) {
                entries(pair.get(0).toString(), pair.get(1), out);
            }
        }
        return out;
    }

    /** The entries of an {@code XAUTOCLAIM} answer ({@code [next, entries, deleted]}). */
    static List<Read> fromClaim(String stream, Response r) {
        List<Read> out = new ArrayList<>();
        entries(stream, r.get(1), out);
        return out;
    }

    private static boolean isMap(Response r) {
        try {
            return !r.getKeys().isEmpty();
        } catch (RuntimeException arrayNotMap) {
            return false;
        }
    }

    private static void entries(String stream, Response list, List<Read> out) {
        if (list == null) {
            return;
        }
        for (Response entry : list) {
            if (entry == null || entry.size() < 2 || entry.get(1) == null) {
                continue; // deleted meanwhile (Redis 6.2 answers nil for it)
            }
            Map<String, String> f = new LinkedHashMap<>();
            Response values = entry.get(1);
            for (int i = 0; i + 1 < values.size(); i += 2) {
                f.put(values.get(i).toString(), values.get(i + 1).toString());
            }
            out.add(new Read(stream, entry.get(0).toString(), parseLong(f.get("a")), new Inbox.Delivery(f.getOrDefault("k", ""),
                    f.getOrDefault("t", ""), f.getOrDefault("b", ""), query(f.get("q")))));
        }
    }

    private static Map<String, String> query(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, QUERY);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static long parseLong(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
