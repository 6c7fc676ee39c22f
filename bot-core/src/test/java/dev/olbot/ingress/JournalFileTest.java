package dev.olbot.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalFileTest {

    /** {@code O_DSYNC} in the octal {@code flags:} line of {@code /proc/self/fdinfo} (x86-64, arm64). */
    private static final int O_DSYNC = 010000;

    private static Inbox.Entry entry(long id) {
        return new Inbox.Entry(id, 1_000L * id,
                new Inbox.Delivery("m1/ONIMBOTMESSAGEADD/" + id, "application/x-www-form-urlencoded", "event=X&n=" + id, Map.of()));
    }

    private static ByteBuffer group(long... ids) {
        JournalFormat.Records records = new JournalFormat.Records();
        for (long id : ids) {
            records.delivery(entry(id));
        }
        return records.bytes();
    }

    private static ByteBuffer header() {
        JournalFormat.Records records = new JournalFormat.Records();
        records.magic();
        return records.bytes();
    }

    private static List<String> pendingBodies(Path file) throws IOException {
        return JournalContents.read(file, 0).pending().stream().map(e -> e.delivery().body()).toList();
    }

    /** The open descriptors of this process on {@code file}, each with its open flags. */
    private static List<Integer> openFlags(Path file) throws IOException {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds) && Files.isDirectory(Path.of("/proc/self/fdinfo")), "needs Linux's /proc");
        Path real = file.toRealPath();
        try (Stream<Path> all = Files.list(fds)) {
            return all.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException gone) {
                    return false;
                }
            }).map(fd -> flags(Path.of("/proc/self/fdinfo", fd.getFileName().toString()))).toList();
        }
    }

    private static int flags(Path fdinfo) {
        try {
            String line = Files.readAllLines(fdinfo).stream().filter(l -> l.startsWith("flags:")).findFirst().orElseThrow();
            return Integer.parseInt(line.substring("flags:".length()).trim(), 8);
        } catch (IOException gone) {
            return 0;
        }
    }

    @Nested
    class GroupsWrittenOnAnODsyncChannel {

        @Test
        void goThroughADescriptorOpenedWithODsync(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("inbox.journal");
            JournalFile journal = JournalFile.replacing(file, header());
            try {
                journal.append(group(1), 1, true);

                assertThat(openFlags(file)).anyMatch(f -> (f & O_DSYNC) != 0);
            } finally {
                journal.close();
            }
        }

        @Test
        void replayFromAJournalThatWasNeverClosedAsAfterAKill(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("inbox.journal");
            JournalFile journal = JournalFile.replacing(file, header());
            journal.reserveAhead();
            journal.append(group(1, 2), 2, true);
            journal.append(group(3), 1, false); // a group nobody waited for is on disk all the same
            journal.append(group(4), 1, true);

            // not closed: what a kill -9 leaves
            assertThat(pendingBodies(file)).containsExactly("event=X&n=1", "event=X&n=2", "event=X&n=3", "event=X&n=4");
            assertThat(journal.stats().groups()).isEqualTo(2);
            assertThat(journal.stats().unsyncedGroups()).isEqualTo(1);
            journal.close();
        }

        @Test
        void keepGoingThroughODsyncAfterTheJournalIsReplacedByACompaction(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("inbox.journal");
            JournalFile journal = JournalFile.replacing(file, header());
            try {
                journal.append(group(1), 1, true);
                ByteBuffer compacted = ByteBuffer.allocate(64 * 1024);
                compacted.put(header()).put(group(5)).flip();
                journal.replace(compacted);
                journal.append(group(6), 1, true);

                assertThat(openFlags(file)).anyMatch(f -> (f & O_DSYNC) != 0);
                assertThat(pendingBodies(file)).containsExactly("event=X&n=5", "event=X&n=6");
            } finally {
                journal.close();
            }
        }

        @Test
        void continueAJournalWrittenByThePreviousCodeWithWriteAndFdatasync(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("inbox.journal");
            try (FileChannel previous = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                previous.write(header());
                previous.write(group(1, 2));
                previous.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 40, 4, 1})); // a torn record
                previous.write(ByteBuffer.allocate(1 << 20)); // zeros it had reserved ahead
                previous.force(false);
            }

            try (FileInbox inbox = FileInbox.open(file, Duration.ofHours(1))) {
                assertThat(inbox.recover().pending()).extracting(e -> e.delivery().body())
                        .containsExactly("event=X&n=1", "event=X&n=2");
                inbox.append(new Inbox.Delivery("m1/ONIMBOTMESSAGEADD/3", "application/x-www-form-urlencoded", "event=X&n=3", Map.of()))
                        .get(10, TimeUnit.SECONDS);
            }
            assertThat(pendingBodies(file)).containsExactly("event=X&n=1", "event=X&n=2", "event=X&n=3");
        }
    }
}
