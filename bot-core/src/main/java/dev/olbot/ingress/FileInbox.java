package dev.olbot.ingress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
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
 * Deliveries appended on a Vert.x event loop skip the writer thread: the loop gathers those of its
 * round (the requests it read at once) and writes and syncs them itself at the round's end, the way
 * Redis answers only after syncing its append-only file ({@code appendfsync always}) — see
 * {@link Sync} for the other ways.
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
    /**
     * An {@code fdatasync} on an event loop that took longer than this (a disk that stalls) sends the
     * next second's deliveries to the writer thread, so the loop's other connections are not held up.
     */
    static final long SLOW_SYNC_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long SLOW_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How long an event loop waits for the writer thread's group (a sync) before it hands its round over. */
    private static final long LOCK_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /** The smallest journal, in records, that is compacted (when it holds 4 × the records still needed). */
    public static final long DEFAULT_COMPACT_AT_RECORDS = 10_000;

    /** A delivery and the future its 200 waits for. */
    record Append(Entry entry, CompletableFuture<Long> done) {}

    /** Who writes and syncs the deliveries appended on a Vert.x event loop (deliveries from other threads: always the writer thread). */
    public enum Sync {
        /**
         * The default: the loop writes and syncs its round itself, blocked for the {@code fdatasync}
         * (0.2–0.3 ms on the disk measured); the writer thread takes over for a second after a sync
         * over 20 ms.
         */
        LOOP,
        /**
         * The loop gathers the deliveries of its round and hands them to the writer thread as one
         * piece at the round's end; the writer writes and syncs whatever every loop handed over
         * meanwhile as one group, while the loops go on reading. Measured no faster than {@link #LOOP},
         * one loop or two, 32 or 128 requests in flight, on a disk that syncs in 0.2–0.3 ms and with
         * 3 ms added to every sync (README, "What durability costs"): kept to measure on other disks.
         */
        WRITER_ROUNDS,
        /** Each delivery is handed to the writer thread alone. */
        WRITER
    }

    private final Path file;
    private final Clock clock;
    /**
     * Handled marks waiting, which wake nobody: they go with the next group of deliveries (a loop's
     * round or the writer's), or at the latest {@link JournalWriter#MARKS_WAIT_MS} after the writer found them.
     */
    private final ConcurrentLinkedQueue<Long> marks = new ConcurrentLinkedQueue<>();
    private final Map<Long, Entry> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final JournalWrites writes;
    private final Recovered recovered;
    private final JournalWriter writer;
    /** The deliveries an event loop gathered in its current round, kept at the round's end as {@link #sync} says. */
    private final ThreadLocal<List<Append>> loopRound = new ThreadLocal<>();
    private final Sync sync;
    private volatile long slowUntilNanos;
    private volatile boolean closed;

    private FileInbox(Path file, Duration dedupeWindow, Clock clock, long compactAtRecords, Sync sync) throws IOException {
        this.file = file.toAbsolutePath();
        this.clock = clock;
        this.sync = java.util.Objects.requireNonNull(sync, "sync");
        this.slowUntilNanos = System.nanoTime(); // not 0: nanoTime may be negative
        Files.createDirectories(this.file.getParent());
        this.writes = new JournalWrites(this.file, clock, dedupeWindow.toMillis(), compactAtRecords, pending);
        this.recovered = read(dedupeWindow.toMillis());
        this.writer = new JournalWriter(this.file, writes, marks, this::failed);
    }

    /** Opens (or creates) the journal at {@code file}; dedupe keys are kept for {@code dedupeWindow}. */
    public static FileInbox open(Path file, Duration dedupeWindow) {
        return open(file, dedupeWindow, Clock.systemUTC());
    }

    public static FileInbox open(Path file, Duration dedupeWindow, Clock clock) {
        return open(file, dedupeWindow, clock, DEFAULT_COMPACT_AT_RECORDS);
    }

    /** {@link #open(Path, Duration)} with the clock and the smallest journal (in records) that is compacted. */
    public static FileInbox open(Path file, Duration dedupeWindow, Clock clock, long compactAtRecords) {
        return open(file, dedupeWindow, clock, compactAtRecords, Sync.LOOP);
    }

    /** {@link #open(Path, Duration, Clock, long)}, with the deliveries appended on event loops written and synced as {@code sync} says. */
    public static FileInbox open(Path file, Duration dedupeWindow, Clock clock, long compactAtRecords, Sync sync) {
        try {
            return new FileInbox(file, dedupeWindow, clock, compactAtRecords, sync);
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
        Append append = new Append(entry, done);
        boolean loopSyncs = sync == Sync.LOOP && !writer.holdsDeliveries() && System.nanoTime() - slowUntilNanos >= 0;
        if ((sync == Sync.WRITER_ROUNDS || loopSyncs) && Context.isOnEventLoopThread()) {
            gatherOnLoop(append);
        } else {
            toWriter(append);
        }
        return done;
    }

    /**
     * On an event loop: the delivery waits for the end of the loop's round (the requests read in
     * it), when the loop writes and syncs the round's deliveries itself — no hop to the writer
     * thread and back, the way Redis syncs its append-only file before answering
     * ({@code appendfsync always}). The loop is blocked for that sync (about 0.1 ms here); when
     * one took longer than {@link #SLOW_SYNC_NANOS}, or the writer thread holds the file or has
     * deliveries of its own, the round goes to the writer thread instead. With {@link Sync#WRITER_ROUNDS}
     * the round always goes to the writer thread, as one piece.
     */
    private void gatherOnLoop(Append append) {
        List<Append> round = loopRound.get();
        if (round == null) {
            round = new ArrayList<>();
            loopRound.set(round);
        }
        if (round.isEmpty()) {
            Context loop = Vertx.currentContext();
            if (loop == null) { // an event-loop thread outside any Vert.x context
                toWriter(append);
                return;
            }
            List<Append> mine = round;
            loop.runOnContext(v -> syncRound(mine));
        }
        round.add(append);
    }

    private void syncRound(List<Append> round) {
        List<Append> group = List.copyOf(round);
        round.clear();
        if (sync == Sync.WRITER_ROUNDS) {
            writer.appendRound(group);
            return;
        }
        if (writer.holdsDeliveries()) {
            group.forEach(this::toWriter);
            return;
        }
        List<Entry> entries = new ArrayList<>(group.size());
        group.forEach(a -> entries.add(a.entry()));
        long syncNanos;
        try {
            syncNanos = writes.tryWrite(entries, marks, LOCK_WAIT_NANOS);
        } catch (IOException e) {
            log.error("cannot write the inbox journal {}: {}", file, e.getMessage());
            group.forEach(a -> failed(a, e));
            return;
        }
        if (syncNanos < 0) { // the writer thread holds the file, or the space ahead is short: it writes them
            group.forEach(this::toWriter);
            return;
        }
        if (syncNanos > SLOW_SYNC_NANOS) {
            slowUntilNanos = System.nanoTime() + SLOW_PAUSE_NANOS;
        }
        group.forEach(a -> a.done().complete(a.entry().id()));
        if (writes.needsTending()) {
            writer.tendSoon();
        }
    }

    private void toWriter(Append append) {
        writer.append(append);
    }

    private void failed(Append a, Exception e) {
        pending.remove(a.entry().id());
        a.done().completeExceptionally(e);
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
     * handled marks alone, time spent reserving space ahead in zeros (on the reserving thread, in
     * pieces each synced) and the longest such reservation; the median, the 99th percentile (each to
     * within 9%) and the longest of the groups' {@code fdatasync}s — the disk's own flush time, which
     * every accepted delivery waits for before its 200.
     */
    public record WriterStats(long groups, long records, long syncNanos, long unsyncedGroups, long reserveNanos,
            long longestReserveNanos, long syncP50Nanos, long syncP99Nanos, long longestSyncNanos) {
        public double recordsPerGroup() {
            return groups + unsyncedGroups == 0 ? 0 : (double) records / (groups + unsyncedGroups);
        }

        public double meanSyncMillis() {
            return groups == 0 ? 0 : syncNanos / 1e6 / groups;
        }
    }

    public WriterStats writerStats() {
        return writes.stats();
    }

    /**
     * Hands the duration of every group's {@code fdatasync}, in nanoseconds, to {@code each}, on the
     * thread that synced (an event loop or the writer): keep it quick. The ingress records them into
     * the {@code olbot.inbox.journal.sync} timer.
     */
    public void onSync(java.util.function.LongConsumer each) {
        writes.onSync(each);
    }

    /** Writes what is queued, syncs, and closes the journal; deliveries not handled stay in it for the next start. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.stop(10_000);
    }

    // ---- start: read what the last run left

    private Recovered read(long windowMillis) throws IOException {
        JournalContents found = JournalContents.read(file, clock.millis() - windowMillis);
        found.pending().forEach(e -> pending.put(e.id(), e));
        ids.set(found.maxId());
        writes.open(found);
        if (found.legacy()) {
            log.info("converted the inbox journal {} to the binary format ({} pending, {} dedupe keys)", file,
                    found.pending().size(), found.keys().size());
        }
        return new Recovered(List.copyOf(found.pending()), Map.copyOf(found.keys()));
    }
}
