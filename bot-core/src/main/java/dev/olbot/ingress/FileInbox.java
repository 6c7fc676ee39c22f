package dev.olbot.ingress;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link Inbox}: an append-only journal of JSON lines in the data folder.
 *
 * <p><b>Durability (fsync policy).</b> One writer thread takes every delivery waiting at that
 * moment, appends them, and calls {@code fdatasync} ({@code FileChannel.force(false)}) once for the
 * group; only then do their {@link #append} futures complete and the deliveries get their 200. So a
 * 200 always means "on disk" — a power cut included — while a busy server pays one sync per group,
 * not per event. Handled marks go through the same writer and sync.
 *
 * <p><b>Delivery.</b> At least once: a delivery is replayed unless its handled mark reached the
 * disk, so a crash between a turn's end and its mark (one group commit, a millisecond or so) runs
 * that turn again on the next start.
 *
 * <p><b>Size.</b> When the journal holds more than {@code 4 ×} the lines still needed (and at least
 * 10,000), the writer rewrites it — the deliveries not handled yet and the dedupe keys of the last
 * {@code dedupeWindow} — to a new file and swaps it in, off the turn path. A line torn by a crash
 * (never acknowledged) is cut off on open.
 */
public final class FileInbox implements Inbox {

    private static final Logger log = LoggerFactory.getLogger(FileInbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_GROUP = 1024;

    private sealed interface Op permits Append, Done, Stop {}

    private record Append(Entry entry, CompletableFuture<Long> done) implements Op {}

    private record Done(long id) implements Op {}

    private record Stop() implements Op {}

    private final Path file;
    private final long windowMillis;
    private final Clock clock;
    private final long compactAtLines;
    private final LinkedBlockingQueue<Op> ops = new LinkedBlockingQueue<>();
    private final Map<Long, Entry> pending = new ConcurrentHashMap<>();
    /** Dedupe keys written in the window, for compaction (writer thread only). */
    private final LinkedHashMap<String, Long> recent = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Recovered recovered;
    private final Thread writer;
    private FileChannel channel;
    private long lines;
    private volatile boolean closed;

    private FileInbox(Path file, Duration dedupeWindow, Clock clock, long compactAtLines) throws IOException {
        this.file = file.toAbsolutePath();
        this.compactAtLines = compactAtLines;
        this.windowMillis = dedupeWindow.toMillis();
        this.clock = clock;
        Files.createDirectories(this.file.getParent());
        this.recovered = read();
        this.channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        this.writer = new Thread(this::writeLoop, "olbot-inbox-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Opens (or creates) the journal at {@code file}; dedupe keys are kept for {@code dedupeWindow}. */
    public static FileInbox open(Path file, Duration dedupeWindow) {
        return open(file, dedupeWindow, Clock.systemUTC());
    }

    public static FileInbox open(Path file, Duration dedupeWindow, Clock clock) {
        return open(file, dedupeWindow, clock, 10_000);
    }

    /** {@link #open(Path, Duration)} with the clock and the smallest journal (in lines) that is compacted. */
    public static FileInbox open(Path file, Duration dedupeWindow, Clock clock, long compactAtLines) {
        try {
            return new FileInbox(file, dedupeWindow, clock, compactAtLines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the inbox journal " + file, e);
        }
    }

    @Override
    public CompletableFuture<Long> append(Delivery delivery) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new IllegalStateException("the inbox is closed"));
            return done;
        }
        Entry entry = new Entry(ids.incrementAndGet(), clock.millis(), delivery);
        pending.put(entry.id(), entry);
        ops.add(new Append(entry, done));
        return done;
    }

    @Override
    public void handled(long id) {
        if (pending.remove(id) != null && !closed) {
            ops.add(new Done(id));
        }
    }

    @Override
    public Recovered recover() {
        return recovered;
    }

    /** Deliveries appended and not handled yet. */
    public int pendingCount() {
        return pending.size();
    }

    /** Arrival time of the oldest delivery not handled yet, or empty. */
    public java.util.OptionalLong oldestPendingMillis() {
        return pending.values().stream().mapToLong(Entry::receivedAtMillis).min();
    }

    public Path file() {
        return file;
    }

    /** Writes what is queued, syncs, and closes the journal; deliveries not handled stay in it for the next start. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ops.add(new Stop());
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the writer thread

    private void writeLoop() {
        List<Op> group = new ArrayList<>();
        while (true) {
            group.clear();
            try {
                group.add(ops.take());
            } catch (InterruptedException e) {
                return;
            }
            ops.drainTo(group, MAX_GROUP - 1);
            boolean stop = false;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int n = 0;
            for (Op op : group) {
                if (op instanceof Append a) {
                    line(out, record(a.entry()));
                    recent.put(a.entry().delivery().dedupeKey(), a.entry().receivedAtMillis());
                    n++;
                } else if (op instanceof Done d) {
                    line(out, JSON.createObjectNode().put("done", d.id()));
                    n++;
                } else {
                    stop = true;
                }
            }
            IOException failure = null;
            try {
                if (out.size() > 0) {
                    ByteBuffer buf = ByteBuffer.wrap(out.toByteArray());
                    while (buf.hasRemaining()) {
                        channel.write(buf);
                    }
                    channel.force(false);
                    lines += n;
                }
            } catch (IOException e) {
                failure = e;
                log.error("cannot write the inbox journal {}: {}", file, e.getMessage());
            }
            for (Op op : group) {
                if (op instanceof Append a) {
                    if (failure == null) {
                        a.done().complete(a.entry().id());
                    } else {
                        pending.remove(a.entry().id());
                        a.done().completeExceptionally(failure);
                    }
                }
            }
            if (stop) {
                closeChannel();
                return;
            }
            maybeCompact();
        }
    }

    private void maybeCompact() {
        long now = clock.millis();
        recent.values().removeIf(at -> now - at > windowMillis);
        long needed = pending.size() + recent.size();
        if (lines < compactAtLines || lines < 4 * needed) {
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".compact");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            long written = 0;
            for (Map.Entry<String, Long> k : recent.entrySet()) {
                line(buf, JSON.createObjectNode().put("seen", k.getKey()).put("at", k.getValue()));
                written++;
            }
            List<Entry> live = new ArrayList<>(pending.values());
            live.sort(Comparator.comparingLong(Entry::id));
            for (Entry e : live) {
                line(buf, record(e));
                written++;
            }
            ByteBuffer b = ByteBuffer.wrap(buf.toByteArray());
            while (b.hasRemaining()) {
                out.write(b);
            }
            out.force(true);
            channel.close();
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            lines = written;
        } catch (IOException e) {
            log.error("compacting the inbox journal {} failed (it keeps growing): {}", file, e.getMessage());
            try {
                if (!channel.isOpen()) {
                    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                }
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        }
    }

    private void closeChannel() {
        try {
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            log.warn("closing the inbox journal {}: {}", file, e.getMessage());
        }
    }

    private static ObjectNode record(Entry e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", e.id()).put("at", e.receivedAtMillis()).put("key", e.delivery().dedupeKey())
                .put("ct", e.delivery().contentType());
        ObjectNode q = n.putObject("q");
        e.delivery().query().forEach(q::put);
        n.put("body", e.delivery().body());
        return n;
    }

    private static void line(ByteArrayOutputStream out, JsonNode node) {
        try {
            JSON.writeValue(out, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
    }

    // ---- start: read what the last run left

    private Recovered read() throws IOException {
        if (!Files.exists(file)) {
            return new Recovered(List.of(), Map.of());
        }
        byte[] all = Files.readAllBytes(file);
        int end = all.length;
        while (end > 0 && all[end - 1] != '\n') {
            end--; // a line torn by a crash: never acknowledged (its sync never completed)
        }
        if (end < all.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(end);
            }
            log.warn("cut a torn line of {} bytes off the end of the inbox journal {}", all.length - end, file);
        }
        Map<Long, Entry> undone = new LinkedHashMap<>();
        Map<String, Long> keys = new LinkedHashMap<>();
        long maxId = 0;
        int unreadable = 0;
        long now = clock.millis();
        for (String line : new String(all, 0, end, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            lines++;
            try {
                JsonNode n = JSON.readTree(line);
                if (n.has("done")) {
                    undone.remove(n.get("done").asLong());
                    maxId = Math.max(maxId, n.get("done").asLong());
                } else if (n.has("seen")) {
                    keys.put(n.get("seen").asText(), n.path("at").asLong());
                } else {
                    Map<String, String> q = new LinkedHashMap<>();
                    n.path("q").fields().forEachRemaining(f -> q.put(f.getKey(), f.getValue().asText()));
                    Entry e = new Entry(n.path("id").asLong(), n.path("at").asLong(), new Delivery(n.path("key").asText(),
                            n.path("ct").asText(""), n.path("body").asText(""), q));
                    undone.put(e.id(), e);
                    keys.put(e.delivery().dedupeKey(), e.receivedAtMillis());
                    maxId = Math.max(maxId, e.id());
                }
            } catch (IOException | RuntimeException e) {
                unreadable++;
            }
        }
        if (unreadable > 0) {
            log.warn("{} unreadable line(s) in the inbox journal {} were skipped", unreadable, file);
        }
        keys.values().removeIf(at -> now - at > windowMillis);
        keys.forEach(recent::put);
        ids.set(maxId);
        List<Entry> left = new ArrayList<>(undone.values());
        left.forEach(e -> pending.put(e.id(), e));
        return new Recovered(List.copyOf(left), Map.copyOf(keys));
    }
}
