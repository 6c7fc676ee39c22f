package dev.olbot.ingress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link Inbox}: an append-only journal of length-prefixed, CRC-checked binary records
 * in the data folder ({@link JournalFormat}).
 *
 * <p><b>Durability (fsync policy).</b> One writer thread takes every delivery and handled mark
 * waiting at that moment (at most 1,024), encodes them into one reused buffer, writes it with one
 * {@code write} into space reserved ahead in zeros (so the sync need not commit a new file size)
 * and calls {@code fdatasync} ({@code FileChannel.force(false)}) once for the group;
 * only then do their {@link #append} futures complete and the deliveries get their 200. So a 200
 * always means "on disk" — a power cut included — while a busy server pays one sync per group, not
 * per event. The writer never waits to fill a group: what arrives during a sync forms the next.
 *
 * <p><b>Delivery.</b> At least once: a delivery is replayed unless its handled mark reached the
 * disk, so a crash between a turn's end and its mark runs that turn again on the next start. Handled
 * marks do not wake the writer: they go with the next group of deliveries, or at the latest about
 * 10 ms (100 ms when they came as the writer fell asleep) after the turn; a group of marks alone is
 * written but not synced. So a process killed within that time runs those turns again, one killed
 * later loses no mark (the kernel holds them), and a power cut loses the marks written since the last
 * synced group — their turns run again too.
 *
 * <p><b>Size.</b> When the journal holds more than {@code 4 ×} the records still needed (and at
 * least 10,000), the writer rewrites it — the deliveries not handled yet and the dedupe keys of the
 * last {@code dedupeWindow} — to a new file and swaps it in, off the turn path.
 *
 * <p><b>Damage.</b> A record torn by a crash (never acknowledged) is cut off on open; a complete
 * record in the middle whose CRC does not match is skipped with a warning. A journal in the JSON-lines
 * format of earlier versions ({@link LegacyJournal}) is read and rewritten in the binary format.
 */
public final class FileInbox implements Inbox {

    private static final Logger log = LoggerFactory.getLogger(FileInbox.class);
    private static final int MAX_GROUP = 1024;
    /** How long the writer lets handled marks wait for a group of deliveries to go with. */
    static final long MARKS_WAIT_MS = 10;
    /** How long an idle writer sleeps before it looks for handled marks that came while it fell asleep. */
    static final long IDLE_WAIT_MS = 100;

    private sealed interface Op permits Append, Stop {}

    private record Append(Entry entry, CompletableFuture<Long> done) implements Op {}

    private record Stop() implements Op {}

    private final Path file;
    private final long windowMillis;
    private final Clock clock;
    private final long compactAtRecords;
    private final LinkedBlockingQueue<Op> ops = new LinkedBlockingQueue<>();
    /**
     * Handled marks waiting for the writer, which is not woken for them: they go with the next group
     * of deliveries, or at the latest {@link #MARKS_WAIT_MS} after the writer found them waiting.
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<Long> marks = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Map<Long, Entry> pending = new ConcurrentHashMap<>();
    /** Dedupe keys written in the window, oldest first, for compaction (writer thread only). */
    private final LinkedHashMap<String, Long> recent = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final JournalFormat.Records records = new JournalFormat.Records();
    private final Recovered recovered;
    private final Thread writer;
    private JournalFile journal;
    /** Records in the file, for the compaction decision (writer thread only). */
    private long written;
    private volatile boolean closed;

    private FileInbox(Path file, Duration dedupeWindow, Clock clock, long compactAtRecords) throws IOException {
        this.file = file.toAbsolutePath();
        this.compactAtRecords = compactAtRecords;
        this.windowMillis = dedupeWindow.toMillis();
        this.clock = clock;
        Files.createDirectories(this.file.getParent());
        this.recovered = read();
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

    /** {@link #open(Path, Duration)} with the clock and the smallest journal (in records) that is compacted. */
    public static FileInbox open(Path file, Duration dedupeWindow, Clock clock, long compactAtRecords) {
        try {
            return new FileInbox(file, dedupeWindow, clock, compactAtRecords);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the inbox journal " + file, e);
        }
    }

    /**
     * {@code file}, after moving a journal an earlier version kept at {@code legacy} there when
     * {@code file} does not exist yet ({@link #open} converts its format).
     */
    public static Path adopt(Path legacy, Path file) {
        try {
            if (Files.exists(legacy) && !Files.exists(file)) {
                Files.move(legacy, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the inbox journal " + legacy + " to " + file, e);
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
            marks.add(id); // no wake-up: see the writer loop
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

    /**
     * What the writer did so far: groups written and synced, records written (in those and in the
     * groups of handled marks alone, written unsynced), time spent in {@code fdatasync}, groups of
     * handled marks alone.
     */
    public record WriterStats(long groups, long records, long syncNanos, long unsyncedGroups) {
        public double recordsPerGroup() {
            return groups + unsyncedGroups == 0 ? 0 : (double) records / (groups + unsyncedGroups);
        }

        public double meanSyncMillis() {
            return groups == 0 ? 0 : syncNanos / 1e6 / groups;
        }
    }

    public WriterStats writerStats() {
        return journal.stats();
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
                Op first = ops.poll(marks.isEmpty() ? IDLE_WAIT_MS : MARKS_WAIT_MS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    group.add(first);
                } else if (marks.isEmpty()) {
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            }
            ops.drainTo(group, MAX_GROUP - 1);
            boolean stop = false;
            boolean appends = false;
            records.clear();
            for (Long id = marks.poll(); id != null; id = marks.poll()) {
                records.handled(id);
            }
            for (Op op : group) {
                if (op instanceof Append a) {
                    appends = true;
                    records.delivery(a.entry());
                    recent.put(a.entry().delivery().dedupeKey(), a.entry().receivedAtMillis());
                } else {
                    stop = true;
                }
            }
            IOException failure = null;
            try {
                if (!records.isEmpty()) {
                    // handled marks alone are written, not synced: a kill keeps them (the kernel has them), the next
                    // group's sync makes them durable, and a power cut before that replays those turns (at least once)
                    journal.append(records.bytes(), records.count(), appends || stop);
                    written += records.count();
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
        // oldest first: stop at the first key still in its window (no walk over the whole window per group)
        for (Iterator<Long> it = recent.values().iterator(); it.hasNext() && now - it.next() > windowMillis; ) {
            it.remove();
        }
        long needed = pending.size() + recent.size();
        if (written < compactAtRecords || written < 4 * needed) {
            return;
        }
        try {
            rewrite();
        } catch (IOException e) {
            log.error("compacting the inbox journal {} failed (it keeps growing): {}", file, e.getMessage());
            try {
                journal.reopenIfClosed();
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        }
    }

    /** Writes what is still needed (recent keys, pending deliveries) to a new file and swaps it in. */
    private void rewrite() throws IOException {
        JournalFormat.Records out = new JournalFormat.Records();
        out.magic();
        recent.forEach(out::seen);
        List<Entry> live = new ArrayList<>(pending.values());
        live.sort(Comparator.comparingLong(Entry::id));
        live.forEach(out::delivery);
        if (journal == null) {
            journal = JournalFile.replacing(file, out.bytes());
        } else {
            journal.replace(out.bytes());
        }
        written = out.count();
    }

    private void closeChannel() {
        try {
            journal.close();
        } catch (IOException e) {
            log.warn("closing the inbox journal {}: {}", file, e.getMessage());
        }
    }

    // ---- start: read what the last run left

    private Recovered read() throws IOException {
        JournalContents found = JournalContents.read(file, clock.millis() - windowMillis);
        found.pending().forEach(e -> pending.put(e.id(), e));
        recent.putAll(found.keys());
        ids.set(found.maxId());
        if (found.legacy() || found.end() <= JournalFormat.MAGIC.length) {
            rewrite(); // a new journal gets its header; an old-format one is converted once
            if (found.legacy()) {
                log.info("converted the inbox journal {} to the binary format ({} pending, {} dedupe keys)", file,
                        found.pending().size(), found.keys().size());
            }
        } else {
            journal = JournalFile.continuing(file, found.end()); // a torn tail, and the zeros reserved ahead, are cut
            written = found.records();
        }
        return new Recovered(List.copyOf(found.pending()), Map.copyOf(found.keys()));
    }
}
