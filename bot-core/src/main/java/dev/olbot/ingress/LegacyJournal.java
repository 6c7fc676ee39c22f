package dev.olbot.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an inbox journal written before the binary format (OLBot 0.1 until issue 16): JSON lines
 * {@code {"id","at","key","ct","q":{},"body"}}, {@code {"done":id}} and {@code {"seen":key,"at"}}.
 * {@link FileInbox} reads such a file once at start and rewrites it in {@link JournalFormat}.
 */
final class LegacyJournal {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LegacyJournal() {}

    /** True when the file looks like JSON lines (its first byte opens an object). */
    static boolean looksLike(byte[] all) {
        return all.length > 0 && all[0] == '{';
    }

    /** Reads the complete lines; a last line without its newline is a torn tail and ends the scan. */
    static JournalFormat.Scan read(byte[] all, JournalFormat.Visitor visitor) {
        int end = all.length;
        while (end > 0 && all[end - 1] != '\n') {
            end--;
        }
        int unreadable = 0;
        for (String line : new String(all, 0, end, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(line);
                if (n.has("done")) {
                    visitor.handled(n.get("done").asLong());
                } else if (n.has("seen")) {
                    visitor.seen(n.get("seen").asText(), n.path("at").asLong());
                } else {
                    Map<String, String> q = new LinkedHashMap<>();
                    n.path("q").fields().forEachRemaining(f -> q.put(f.getKey(), f.getValue().asText()));
                    visitor.delivery(new Inbox.Entry(n.path("id").asLong(), n.path("at").asLong(), new Inbox.Delivery(
                            n.path("key").asText(), n.path("ct").asText(""), n.path("body").asText(""), q)));
                }
            } catch (IOException | RuntimeException e) {
                unreadable++;
            }
        }
        return new JournalFormat.Scan(end, unreadable);
    }
}
