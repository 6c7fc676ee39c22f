package dev.olbot.ingress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox journal's writer thread: takes every delivery handed to it and waiting at that moment
 * (at most 1,024) with the handled marks waiting, writes them as one group through
 * {@link JournalWrites} and syncs once, then completes their futures; writes handled marks that
 * waited {@link #MARKS_WAIT_MS} alone (unsynced); compacts when a write made it due, and has space
 * reserved ahead by a thread of its own; closes the journal last.
 */
final class JournalWriter {

    private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);
    private static final int MAX_GROUP = 1024;
    /** How long the writer lets handled marks wait for a group of deliveries to go with. */
    static final long MARKS_WAIT_MS = 10;
    /** How long an idle writer sleeps before it looks for handled marks that came while it fell asleep. */
    static final long IDLE_WAIT_MS = 100;

    private sealed interface Op permits Deliver, Round, Stop, Tend {}

    private record Deliver(FileInbox.Append append) implements Op {}

    /** An event loop's round of deliveries, handed over at once: one queue operation, one wake-up. */
    private record Round(List<FileInbox.Append> appends) implements Op {}

    private record Stop() implements Op {}

    /** Wakes the writer to compact or reserve space ahead after an event loop's write made it due. */
    private record Tend() implements Op {}

    private final Path file;
    private final JournalWrites writes;
    private final Queue<Long> marks;
    private final BiConsumer<FileInbox.Append, Exception> failed;
    private final LinkedBlockingQueue<Op> ops = new LinkedBlockingQueue<>();
    /** Deliveries handed over and not completed yet. */
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicBoolean tendQueued = new AtomicBoolean();
    private final AtomicBoolean reserveQueued = new AtomicBoolean();
    private final Thread thread;
    /** Writes zeros ahead, so the writer thread never stops syncing groups for them (a reservation took up to 150 ms on a busy disk). */
    private final java.util.concurrent.ExecutorService reserver = java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "olbot-inbox-reserve");
        t.setDaemon(true);
        return t;
    });

    JournalWriter(Path file, JournalWrites writes, Queue<Long> marks, BiConsumer<FileInbox.Append, Exception> failed) {
        this.file = file;
        this.writes = writes;
        this.marks = marks;
        this.failed = failed;
        this.thread = new Thread(this::loop, "olbot-inbox-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands a delivery over: it is written with the next group and its future completed after the sync. */
    void append(FileInbox.Append append) {
        held.incrementAndGet();
        ops.add(new Deliver(append));
    }

    /** Hands an event loop's round over as one piece: written with the next group, completed in order after the sync. */
    void appendRound(List<FileInbox.Append> round) {
        held.addAndGet(round.size());
        ops.add(new Round(round));
    }

    /**
     * True while deliveries handed over are not completed yet: an event loop then hands its own over
     * too, so that its deliveries complete in the order they came.
     */
    boolean holdsDeliveries() {
        return held.get() > 0;
    }

    /** Asks for a compaction check and space ahead soon (once, however often it is asked meanwhile). */
    void tendSoon() {
        if (tendQueued.compareAndSet(false, true)) {
            ops.add(new Tend());
        }
    }

    /** Writes what is queued, syncs, closes the journal, and waits for that up to {@code waitMillis}. */
    void stop(long waitMillis) {
        ops.add(new Stop());
        try {
            thread.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        List<Op> group = new ArrayList<>();
        List<Inbox.Entry> entries = new ArrayList<>();
        while (true) {
            group.clear();
            entries.clear();
            try {
                Op first = ops.poll(marks.isEmpty() ? IDLE_WAIT_MS : MARKS_WAIT_MS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    group.add(first);
                } else if (marks.isEmpty() && !writes.needsTending()) {
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            }
            ops.drainTo(group, MAX_GROUP - 1);
            boolean stop = false;
            for (Op op : group) {
                if (op instanceof Deliver d) {
                    entries.add(d.append().entry());
                } else if (op instanceof Round r) {
                    r.appends().forEach(a -> entries.add(a.entry()));
                } else if (op instanceof Stop) {
                    stop = true;
                } else {
                    tendQueued.set(false);
                }
            }
            IOException failure = null;
            try {
                // handled marks alone are written, not synced: a kill keeps them (the kernel has them), the next
                // group's sync makes them durable, and a power cut before that replays those turns (at least once)
                writes.write(entries, marks, !entries.isEmpty() || stop);
            } catch (IOException e) {
                failure = e;
                log.error("cannot write the inbox journal {}: {}", file, e.getMessage());
            }
            for (Op op : group) {
                if (op instanceof Deliver d) {
                    complete(d.append(), failure);
                } else if (op instanceof Round r) {
                    for (FileInbox.Append a : r.appends()) {
                        complete(a, failure);
                    }
                }
            }
            if (stop) {
                reserver.shutdown();
                try {
                    reserver.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                writes.close();
                return;
            }
            if (writes.needsTending()) {
                writes.compactIfDue();
                if (reserveQueued.compareAndSet(false, true)) {
                    reserver.execute(() -> {
                        reserveQueued.set(false);
                        writes.reserveAhead();
                    });
                }
            }
        }
    }

    private void complete(FileInbox.Append append, IOException failure) {
        if (failure == null) {
            append.done().complete(append.entry().id());
        } else {
            failed.accept(append, failure);
        }
        held.decrementAndGet(); // after completing: an event loop's next round queues behind this one's completion
    }
}
