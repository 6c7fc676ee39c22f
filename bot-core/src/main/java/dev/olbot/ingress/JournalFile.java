package dev.olbot.ingress;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The inbox journal's file: groups of records written at the end of the intact records, each
 * followed by one {@code fdatasync}, into space reserved ahead in zeros; and a whole new content
 * swapped in atomically (compaction, conversion). Groups are written under the journal's writes
 * lock; zeros are reserved ahead on a thread of their own.
 */
final class JournalFile {

    /** Space reserved ahead in zeros, so a group's sync flushes data only, not the file's growing size. */
    static final long RESERVE = 8L << 20;
    private static final long PIECE = 256L << 10;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(1 << 20).asReadOnlyBuffer();

    private final Path file;
    /** Held while zeros are written ahead or the file is swapped or closed: the reserving thread and the writers take turns. */
    private final Object zeros = new Object();
    private FileChannel channel;
    /** Where the next group goes; the file's size (zeros from {@code end} up to it). */
    private volatile long end;
    /** Moved only while {@code zeros} is held ({@link #reserveAhead} runs outside the writes' lock). */
    private volatile long reserved;
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong syncNanos = new AtomicLong();
    private final AtomicLong unsynced = new AtomicLong();
    private final AtomicLong reserveNanos = new AtomicLong();
    private final AtomicLong longestReserveNanos = new AtomicLong();
    /** Every group's {@code fdatasync}, for its percentiles (and the metrics' timer). */
    final SyncTimes syncTimes = new SyncTimes();

    private JournalFile(Path file) {
        this.file = file;
    }

    /** The journal at {@code file} whose intact records end at {@code end}: what follows (a torn tail, reserved zeros) is cut. */
    static JournalFile continuing(Path file, long end) throws IOException {
        JournalFile j = new JournalFile(file);
        j.channel = FileChannel.open(file, StandardOpenOption.WRITE);
        if (j.channel.size() > end) {
            j.channel.truncate(end);
            j.channel.force(true);
        }
        j.end = end;
        j.reserved = end;
        return j;
    }

    /** A journal at {@code file} holding exactly {@code content} (it replaces what was there). */
    static JournalFile replacing(Path file, ByteBuffer content) throws IOException {
        JournalFile j = new JournalFile(file);
        j.replace(content);
        return j;
    }


    /**
     * Writes one group at the end; with {@code sync}, also {@code fdatasync}s it (and whatever was
     * written before it) and returns when it is on disk. Without, it is in the kernel's page cache.
     *
     * @return how long the sync took, in nanoseconds (0 without)
     */
    long append(ByteBuffer group, int recordCount, boolean sync) throws IOException {
        int size = group.remaining();
        reserve(end + size);
        writeFully(channel, group, end);
        end += size;
        records.addAndGet(recordCount);
        if (sync) {
            return sync();
        }
        unsynced.incrementAndGet();
        return 0;
    }

    /** True when {@code size} bytes fit in the space reserved ahead: written there, a sync flushes data only. */
    boolean fits(int size) {
        return end + size <= reserved;
    }

    /** Bytes reserved ahead and not written yet. */
    long roomAhead() {
        return reserved - end;
    }

    /**
     * Reserves a full {@link #RESERVE} ahead when less than half of it is left, so groups never wait
     * for zeros. Runs on a thread of its own, beside groups written at the same time (they go before
     * the reserved end, the zeros after it): the zeros go 256 KiB at a time, each piece synced before
     * the next, so a group's {@code fdatasync} meanwhile flushes at most one piece of them, and a
     * group that finds no room waits for one piece at most.
     */
    void reserveAhead() throws IOException {
        if (roomAhead() < RESERVE / 2) {
            long start = System.nanoTime();
            long target = end + RESERVE;
            while (reserved < target) {
                extendTo(Math.min(target, reserved + PIECE));
            }
            long took = System.nanoTime() - start;
            reserveNanos.addAndGet(took);
            longestReserveNanos.accumulateAndGet(took, Math::max);
        }
    }

    /** Syncs what was written unsynced before ({@code fdatasync}); returns how long it took, in nanoseconds. */
    long sync() throws IOException {
        long start = System.nanoTime();
        channel.force(false);
        long took = System.nanoTime() - start;
        syncNanos.addAndGet(took);
        groups.incrementAndGet();
        syncTimes.record(took);
        return took;
    }

    /** Writes {@code content} to a new file, syncs it, and moves it over the journal (atomically). */
    void replace(ByteBuffer content) throws IOException {
        synchronized (zeros) {
            replaceNow(content);
        }
    }

    private void replaceNow(ByteBuffer content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".compact");
        long size = content.remaining();
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(ch, content, 0);
            ch.force(true);
        }
        if (channel != null) {
            channel.close();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
        end = size;
        reserved = size;
    }

    /** After a failed {@link #replace}: the journal open again, as it was. */
    void reopenIfClosed() throws IOException {
        synchronized (zeros) {
            if (!channel.isOpen()) {
                channel = FileChannel.open(file, StandardOpenOption.WRITE);
            }
        }
    }

    void close() throws IOException {
        synchronized (zeros) {
            channel.force(false);
            channel.close();
        }
    }

    FileInbox.WriterStats stats() {
        return new FileInbox.WriterStats(groups.get(), records.get(), syncNanos.get(), unsynced.get(), reserveNanos.get(),
                longestReserveNanos.get(), syncTimes.quantileNanos(0.5), syncTimes.quantileNanos(0.99), syncTimes.longestNanos());
    }

    /**
     * Makes the file at least {@code needed} bytes long by writing zeros ahead (8 MiB at a time) and
     * syncing its size once: an {@code fdatasync} after an append that grows the file also commits
     * the new size, one after an overwrite inside the file flushes only the data — about half the
     * time on ext4 here (median 1.5–4.1 ms → 0.7–1.7 ms in one measurement on this machine).
     */
    private void reserve(long needed) throws IOException {
        if (needed > reserved) {
            extendTo(needed + RESERVE);
        }
    }

    /** Writes zeros from the reserved end up to {@code target} and syncs the file's new size. */
    private void extendTo(long target) throws IOException {
        synchronized (zeros) {
            if (target <= reserved) {
                return; // another thread reserved it meanwhile
            }
            for (long at = reserved; at < target; ) {
                ByteBuffer piece = ZEROS.duplicate();
                piece.limit((int) Math.min(piece.capacity(), target - at));
                at += writeFully(channel, piece, at);
            }
            channel.force(true);
            reserved = target;
        }
    }

    private static int writeFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        int n = 0;
        while (buf.hasRemaining()) {
            n += ch.write(buf, position + n);
        }
        return n;
    }
}
