package dev.olbot.ingress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that touches the inbox journal's file, under one lock: a group of deliveries and
 * handled marks encoded, written and synced; the dedupe keys a compaction keeps; the compaction
 * itself; space reserved ahead. {@link FileInbox}'s writer thread and an event loop that syncs its
 * own deliveries both write through it — one at a time, so records reach the file in the order
 * they were written.
 */
final class JournalWrites {

    private static final Logger log = LoggerFactory.getLogger(JournalWrites.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Path file;
    private final Clock clock;
    private final long windowMillis;
    private final long compactAtRecords;
    /** Deliveries appended and not handled yet (the inbox's map: read here when compacting). */
    private final Map<Long, Inbox.Entry> pending;
    private final JournalFormat.Records records = new JournalFormat.Records();
    /** Dedupe keys written in the window, oldest first, for compaction. */
    private final LinkedHashMap<String, Long> recent = new LinkedHashMap<>();
    private JournalFile journal;
    /** Records in the file, for the compaction decision. */
    private long written;
    private boolean closed;
    /** Set when a write leaves little space ahead or makes a compaction due: the writer thread should tend the journal. */
    private volatile boolean tendingDue;

    JournalWrites(Path file, Clock clock, long windowMillis, long compactAtRecords, Map<Long, Inbox.Entry> pending) {
        this.file = file;
        this.clock = clock;
        this.windowMillis = windowMillis;
        this.compactAtRecords = compactAtRecords;
        this.pending = pending;
    }

    /** Takes what an earlier run left ({@link JournalContents}): its keys, and the file to continue or rewrite. */
    void open(JournalContents found) throws IOException {
        lock.lock();
        try {
            recent.putAll(found.keys());
            if (found.legacy() || found.end() <= JournalFormat.MAGIC.length) {
                rewrite(); // a new journal gets its header; an old-format one is converted once
            } else {
                journal = JournalFile.continuing(file, found.end()); // a torn tail, and the zeros reserved ahead, are cut
                written = found.records();
            }
            journal.reserveAhead(); // the first groups need not wait for zeros either
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes a group now, waiting for the lock: the deliveries, then the handled marks taken from
     * {@code marks}; synced when {@code sync}. Reserves space ahead when it must.
     */
    void write(List<Inbox.Entry> deliveries, Queue<Long> marks, boolean sync) throws IOException {
        lock.lock();
        try {
            ensureOpen();
            encode(deliveries, marks);
            if (!records.isEmpty()) {
                journal.append(records.bytes(), records.count(), sync);
                kept(deliveries);
            } else if (sync) {
                journal.sync();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes and syncs a group only if that can be done soon: the lock free within {@code waitNanos}
     * (the writer thread's own group, a few handled marks) and the space reserved (no zeros to write
     * first). An event loop calls it, and hands the group to the writer thread when it was not written.
     *
     * @return how long the group's {@code fdatasync} took, in nanoseconds; -1 when nothing was written
     */
    long tryWrite(List<Inbox.Entry> deliveries, Queue<Long> marks, long waitNanos) throws IOException {
        try {
            if (!lock.tryLock(waitNanos, java.util.concurrent.TimeUnit.NANOSECONDS)) {
                return -1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        try {
            ensureOpen();
            List<Long> taken = new ArrayList<>();
            encode(deliveries, taken, marks);
            if (!journal.fits(records.bytes().remaining())) {
                marks.addAll(taken); // they go with the writer's next group
                return -1;
            }
            long syncNanos = journal.append(records.bytes(), records.count(), true);
            kept(deliveries);
            return syncNanos;
        } finally {
            lock.unlock();
        }
    }

    /** Compacts when the journal holds far more than it needs ({@link #reserveAhead} comes after); writer thread only. */
    void compactIfDue() {
        tendingDue = false;
        lock.lock();
        try {
            if (!closed) {
                maybeCompact();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reserves space ahead when little is left — outside the lock, so groups keep being written and
     * synced meanwhile ({@link JournalFile#reserveAhead}); the journal's reserving thread only.
     */
    void reserveAhead() {
        JournalFile file;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            file = journal;
        } finally {
            lock.unlock();
        }
        try {
            file.reserveAhead();
        } catch (IOException e) {
            log.error("cannot reserve space for the inbox journal {}: {}", this.file, e.getMessage());
        }
    }

    /** True when the writer thread should tend the journal: little space left ahead, or a compaction due. */
    boolean needsTending() {
        return tendingDue;
    }

    void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                journal.close();
            }
        } catch (IOException e) {
            log.warn("closing the inbox journal {}: {}", file, e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    FileInbox.WriterStats stats() {
        return journal.stats();
    }

    void onSync(java.util.function.LongConsumer each) {
        journal.syncTimes.onEach(each);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the inbox journal is closed");
        }
    }

    private void encode(List<Inbox.Entry> deliveries, Queue<Long> marks) {
        encode(deliveries, null, marks);
    }

    private void encode(List<Inbox.Entry> deliveries, List<Long> taken, Queue<Long> marks) {
        records.clear();
        for (Long id = marks.poll(); id != null; id = marks.poll()) {
            records.handled(id);
            if (taken != null) {
                taken.add(id);
            }
        }
        deliveries.forEach(records::delivery);
    }

    private void kept(List<Inbox.Entry> deliveries) {
        written += records.count();
        deliveries.forEach(e -> recent.put(e.delivery().dedupeKey(), e.receivedAtMillis()));
        forgetExpiredKeys();
        if (journal.roomAhead() < JournalFile.RESERVE / 2
                || written >= compactAtRecords && written >= 4L * (pending.size() + recent.size())) {
            tendingDue = true;
        }
    }

    private void forgetExpiredKeys() {
        long now = clock.millis();
        // oldest first: stop at the first key still in its window (no walk over the whole window per group)
        for (Iterator<Long> it = recent.values().iterator(); it.hasNext() && now - it.next() > windowMillis; ) {
            it.remove();
        }
    }

    private void maybeCompact() {
        forgetExpiredKeys();
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
        List<Inbox.Entry> live = new ArrayList<>(pending.values());
        live.sort(Comparator.comparingLong(Inbox.Entry::id));
        live.forEach(out::delivery);
        if (journal == null) {
            journal = JournalFile.replacing(file, out.bytes());
        } else {
            journal.replace(out.bytes());
        }
        written = out.count();
    }
}
