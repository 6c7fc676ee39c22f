package dev.olbot.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirmed calls of one instance in a file of JSON lines beside its inbox journal, so the turn that
 * a restart replays (it ended, but its handled mark never reached the journal) sends nothing twice.
 *
 * <p><b>Durability.</b> A record is written to the operating system when the platform confirmed the
 * call, without {@code fsync}: it survives the process dying ({@code kill -9}, a crash), not a power
 * cut — which would also lose the handled marks it protects. A line torn by a crash is cut off on open.
 * Keys are kept for {@code ttl}; when the file holds four times the lines still live (and at least
 * 10,000), it is rewritten to the live ones (on the recording turn's thread, a few milliseconds).
 */
public final class FileSentCalls implements SentCalls, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileSentCalls.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COMPACT_AT = 10_000;

    private record Kept(long at, Sent sent) {}

    private final Path file;
    private final long ttlMillis;
    private final Clock clock;
    private final LinkedHashMap<String, Kept> kept = new LinkedHashMap<>();
    private FileChannel channel;
    private long lines;

    private FileSentCalls(Path file, Duration ttl, Clock clock) throws IOException {
        this.file = file.toAbsolutePath();
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
        Files.createDirectories(this.file.getParent());
        read();
        this.channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** Opens (or creates) the file; keys are kept for {@code ttl}. */
    public static FileSentCalls open(Path file, Duration ttl) {
        return open(file, ttl, Clock.systemUTC());
    }

    public static FileSentCalls open(Path file, Duration ttl, Clock clock) {
        try {
            return new FileSentCalls(file, ttl, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the confirmed-calls file " + file, e);
        }
    }

    @Override
    public synchronized Optional<Sent> find(String key) {
        Kept k = kept.get(key);
        return k == null || clock.millis() - k.at() > ttlMillis ? Optional.empty() : Optional.of(k.sent());
    }

    @Override
    public synchronized void record(String key, Sent sent) {
        long now = clock.millis();
        expire(now);
        kept.remove(key);
        kept.put(key, new Kept(now, sent));
        try {
            write(channel, line(key, kept.get(key)));
            lines++;
            if (lines >= COMPACT_AT && lines > 4L * kept.size()) {
                compact();
            }
        } catch (IOException e) {
            log.warn("could not record a confirmed {} in {} (a replayed turn would send it again): {}", sent.method(), file,
                    e.getMessage());
        }
    }

    /** Keys live now (for tests and sizing). */
    public synchronized int size() {
        expire(clock.millis());
        return kept.size();
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("closing {}: {}", file, e.getMessage());
        }
    }

    private void expire(long now) {
        Iterator<Kept> it = kept.values().iterator();
        while (it.hasNext() && now - it.next().at() > ttlMillis) {
            it.remove();
        }
    }

    private void compact() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".compact");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            for (Map.Entry<String, Kept> e : kept.entrySet()) {
                buf.write(line(e.getKey(), e.getValue()));
            }
            write(out, buf.toByteArray());
            out.force(true);
        }
        channel.close();
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        lines = kept.size();
    }

    private static void write(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    private static byte[] line(String key, Kept k) throws IOException {
        ObjectNode n = JSON.createObjectNode().put("k", key).put("at", k.at()).put("m", k.sent().method())
                .put("f", k.sent().fingerprint()).put("r", k.sent().result());
        byte[] json = JSON.writeValueAsBytes(n);
        byte[] out = new byte[json.length + 1];
        System.arraycopy(json, 0, out, 0, json.length);
        out[json.length] = '\n';
        return out;
    }

    private void read() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        byte[] all = Files.readAllBytes(file);
        int end = all.length;
        while (end > 0 && all[end - 1] != '\n') {
            end--; // a line torn by a crash
        }
        if (end < all.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(end);
            }
        }
        long now = clock.millis();
        for (String l : new String(all, 0, end, StandardCharsets.UTF_8).split("\n")) {
            if (l.isBlank()) {
                continue;
            }
            lines++;
            try {
                JsonNode n = JSON.readTree(l);
                long at = n.path("at").asLong();
                if (now - at <= ttlMillis) {
                    JsonNode r = n.get("r");
                    kept.remove(n.path("k").asText());
                    kept.put(n.path("k").asText(), new Kept(at, new Sent(n.path("m").asText(), n.path("f").asText(),
                            r == null || r.isNull() ? null : r.asText())));
                }
            } catch (IOException | RuntimeException unreadable) {
                // skipped: at worst that call is sent again by a replayed turn
            }
        }
    }
}
