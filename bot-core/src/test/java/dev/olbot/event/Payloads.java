package dev.olbot.event;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.olbot.wire.PhpForm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The saved Bitrix24 payloads under {@code src/test/resources/payloads}, as JSON text, maps and wire bodies. */
final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {}

    /** Every payload file name, sorted. */
    static List<String> names() {
        try (Stream<Path> files = Files.list(Path.of(Payloads.class.getResource("/payloads").toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted()
                    .collect(Collectors.toList());
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file without its leading {@code #} comment lines. */
    static String text(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/payloads/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no payload " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the file is a JSON rendering (not PHP print_r / var_export). */
    static boolean isJson(String name) {
        return text(name).strip().startsWith("{");
    }

    static Map<String, Object> map(String name) {
        return parse(text(name));
    }

    static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(Map<String, Object> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The exact body Bitrix24 would POST for this JSON rendering: PHP {@code http_build_query}
     * (all scalars as strings, booleans as 1/0, empty arrays omitted).
     */
    static String wireForm(Map<String, Object> map) {
        return PhpForm.encode(map);
    }

    /** A v2 payload file holds only {@code data}: wrap it in the webhook envelope of V2-WEBHOOK-ENVELOPE-1. */
    static Map<String, Object> v2Webhook(String name) {
        String event = name.substring("V2-".length(), name.lastIndexOf('-'));
        Map<String, Object> data = map(name);
        Map<String, Object> bot = new LinkedHashMap<>(Values.map(data.get("bot")));
        bot.put("auth", Map.of("access_token", "bot-access", "refresh_token", "bot-refresh",
                "application_token", "app-token-1", "member_id", "m-1"));
        data.put("bot", bot);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("event", event);
        envelope.put("data", data);
        envelope.put("ts", 1772093963);
        envelope.put("auth", Map.of("domain", "your-account.bitrix24.com", "application_token", "app-token-1"));
        return envelope;
    }

    /** The payload as an event body: v2 data files wrapped in the webhook envelope, the rest as they are. */
    static Map<String, Object> event(String name) {
        return name.startsWith("V2-ONIMBOTV2") ? v2Webhook(name) : map(name);
    }
}
