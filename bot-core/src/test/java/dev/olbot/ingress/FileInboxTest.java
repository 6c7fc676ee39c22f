package dev.olbot.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olbot.testsupport.LogCapture;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileInboxTest {

    private static Inbox.Delivery delivery(int n) {
        return new Inbox.Delivery("m1/ONIMBOTMESSAGEADD/" + n, "application/x-www-form-urlencoded", "event=X&n=" + n, Map.of("q", "1"));
    }

    private static void keep(Path file, int... ns) throws Exception {
        try (FileInbox inbox = FileInbox.open(file, Duration.ofHours(1))) {
            for (int n : ns) {
                inbox.append(delivery(n)).get(10, TimeUnit.SECONDS);
            }
        }
    }

    private static java.util.List<String> pendingBodies(Path file) {
        try (FileInbox inbox = FileInbox.open(file, Duration.ofHours(1))) {
            return inbox.recover().pending().stream().map(e -> e.delivery().body()).toList();
        }
    }

    /** The file's length without the zeros reserved after the last record. */
    private static int dataLength(Path file) throws java.io.IOException {
        byte[] all = Files.readAllBytes(file);
        int n = all.length;
        while (n > 0 && all[n - 1] == 0) {
            n--;
        }
        return n;
    }

    @Test
    void spaceIsReservedAheadAndItsZerosAreNoDamageAtTheNextStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inbox.journal");
        keep(file, 1);
        assertThat(Files.size(file)).isGreaterThan(8L << 20);

        try (LogCapture log = LogCapture.of(FileInbox.class.getName())) {
            assertThat(pendingBodies(file)).containsExactly("event=X&n=1");
            assertThat(log.lines()).noneMatch(l -> l.contains("torn") || l.contains("damaged"));
        }
    }

    @Test
    void whatWasKeptAndNotHandledIsThereAfterARestartInArrivalOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inbox.journal");
        try (FileInbox inbox = FileInbox.open(file, Duration.ofHours(1))) {
            long first = inbox.append(delivery(1)).get(10, TimeUnit.SECONDS);
            inbox.append(delivery(2)).get(10, TimeUnit.SECONDS);
            inbox.append(new Inbox.Delivery("m1/ONIMBOTMESSAGEADD/3", "application/json", "{\"текст\":\"привет\"}",
                    Map.of("q", "1", "CLIENT_ID", "abc"))).get(10, TimeUnit.SECONDS);
            inbox.handled(first);
        }

        try (FileInbox again = FileInbox.open(file, Duration.ofHours(1))) {
            Inbox.Recovered r = again.recover();
            assertThat(r.pending()).extracting(e -> e.delivery().body()).containsExactly("event=X&n=2", "{\"текст\":\"привет\"}");
            assertThat(r.pending().get(0).delivery().query()).containsEntry("q", "1");
            assertThat(r.pending().get(1).delivery().query()).containsOnly(Map.entry("q", "1"), Map.entry("CLIENT_ID", "abc"));
            assertThat(r.pending().get(1).delivery().contentType()).isEqualTo("application/json");
            assertThat(r.recentKeys()).containsKeys("m1/ONIMBOTMESSAGEADD/1", "m1/ONIMBOTMESSAGEADD/2", "m1/ONIMBOTMESSAGEADD/3");
            long next = again.append(delivery(4)).get(10, TimeUnit.SECONDS);
            assertThat(next).isGreaterThan(r.pending().get(1).id());
        }
    }

    /** A v1 form event's body as it arrives: ~80 fields, the same long keys in every delivery. */
    private static String formBody(int n) {
        StringBuilder b = new StringBuilder("event=ONIMBOTMESSAGEADD&event_handler_id=" + n);
        for (int i = 0; i < 80; i++) {
            b.append("&data%5BPARAMS%5D%5BFIELD_").append(i).append("%5D=").append("value+").append(i * n).append("+текст");
        }
        return b.toString();
    }

    @Nested
    class LongBodies {

        @Test
        void areKeptCompressedAndComeBackWhole(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("inbox.journal");
            String first = formBody(1);
            String second = formBody(2);
            try (FileInbox inbox = FileInbox.open(file, Duration.ofHours(1))) {
                inbox.append(new Inbox.Delivery("m1/ONIMBOTMESSAGEADD/1", "application/x-www-form-urlencoded", first, Map.of()))
                        .get(10, TimeUnit.SECONDS);
                inbox.append(new Inbox.Delivery("m1/ONIMBOTMESSAGEADD/2", "application/x-www-form-urlencoded", second, Map.of()))
                        .get(10, TimeUnit.SECONDS);
            }

            assertThat(first.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(4_000);
            assertThat(dataLength(file)).as("two records of a third of their bodies' size or less")
                    .isLessThan(first.getBytes(StandardCharsets.UTF_8).length * 2 / 3);
            assertThat(pendingBodies(file)).containsExactly(first, second);
        }

        @Test
        void aBodyThatDoesNotShrinkIsKeptAsItIs(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("inbox.journal");
            java.util.Random random = new java.util.Random(7);
            StringBuilder noise = new StringBuilder();
            while (noise.length() < 4_000) {
                noise.append(Integer.toString(random.nextInt(Integer.MAX_VALUE), 36));
            }
            String body = "event=X&text=" + noise;
            try (FileInbox inbox = FileInbox.open(file, Duration.ofHours(1))) {
                inbox.append(new Inbox.Delivery("m1/ONIMBOTMESSAGEADD/1", "application/x-www-form-urlencoded", body, Map.of()))
                        .get(10, TimeUnit.SECONDS);
            }

            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).contains(body);
            assertThat(pendingBodies(file)).containsExactly(body);
        }
    }

    @Test
    void anAppendCompletesOnlyOnceItIsInTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inbox.journal");
        try (FileInbox inbox = FileInbox.open(file, Duration.ofHours(1))) {
            inbox.append(delivery(7)).get(10, TimeUnit.SECONDS);

            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).startsWith("OLBINBX1").contains("event=X&n=7");
        }
    }

    @Test
    void tellsHowLongEachSyncBeforeA200TookAndKeepsTheirMedianAndTail(@TempDir Path dir) throws Exception {
        java.util.List<Long> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (FileInbox inbox = FileInbox.open(dir.resolve("inbox.journal"), Duration.ofHours(1))) {
            inbox.onSync(heard::add);
            for (int n = 1; n <= 3; n++) {
                inbox.append(delivery(n)).get(10, TimeUnit.SECONDS); // one at a time: a group, and a sync, each
            }

            FileInbox.WriterStats stats = inbox.writerStats();
            assertThat(heard).hasSize((int) stats.groups()).hasSizeGreaterThanOrEqualTo(3).allMatch(nanos -> nanos > 0);
            long longest = heard.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(stats.longestSyncNanos()).isEqualTo(longest);
            assertThat(stats.syncP50Nanos()).isPositive().isLessThanOrEqualTo(stats.syncP99Nanos());
            assertThat(stats.syncP99Nanos()).isBetween(longest - longest / 8 - 1_000, longest + longest / 8 + 1_000);
        }
    }

    @Test
    void aHandledMarkWithNoDeliveryAfterItIsWrittenSoonWithoutASyncAndAKilledProcessStillLeavesIt(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("inbox.journal");
        FileInbox running = FileInbox.open(file, Duration.ofHours(1));
        long kept = running.append(delivery(1)).get(10, TimeUnit.SECONDS);
        running.append(delivery(2)).get(10, TimeUnit.SECONDS);

        running.handled(kept);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (running.writerStats().groups() + running.writerStats().unsyncedGroups() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // a group is counted once it is written (its records a moment earlier)
        }

        assertThat(running.writerStats().unsyncedGroups()).isEqualTo(1); // the mark's group: written, not synced
        assertThat(running.writerStats().groups()).isEqualTo(2); // each delivery's group was synced before its 200
        // never closed, as after a kill -9: the next start reads what the kernel holds
        assertThat(pendingBodies(file)).containsExactly("event=X&n=2");
        running.close();
    }

    @Test
    void theJournalIsCompactedToWhatIsStillNeeded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inbox.journal");
        try (FileInbox inbox = FileInbox.open(file, Duration.ZERO, java.time.Clock.systemUTC(), 500)) {
            for (int i = 0; i < 1_500; i++) {
                inbox.handled(inbox.append(delivery(i)).get(10, TimeUnit.SECONDS));
            }
            inbox.append(delivery(99_999)).get(10, TimeUnit.SECONDS);
        }

        assertThat(dataLength(file)).isLessThan(600 * 60);
        try (FileInbox again = FileInbox.open(file, Duration.ZERO)) {
            assertThat(again.recover().pending()).extracting(e -> e.delivery().body()).containsExactly("event=X&n=99999");
        }
    }

    @Nested
    class Damage {

        @Test
        void aRecordTornByACrashIsCutOffAndTheRestIsKept(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("inbox.journal");
            keep(file, 1, 2);
            byte[] whole = Arrays.copyOf(Files.readAllBytes(file), dataLength(file));
            Files.write(file, Arrays.copyOf(whole, whole.length - 5)); // the second record lost its last bytes

            try (LogCapture log = LogCapture.of(FileInbox.class.getName()); FileInbox again = FileInbox.open(file, Duration.ofHours(1))) {
                assertThat(again.recover().pending()).extracting(e -> e.delivery().body()).containsExactly("event=X&n=1");
                again.append(delivery(3)).get(10, TimeUnit.SECONDS);
                assertThat(log.lines()).anyMatch(l -> l.startsWith("cut a torn record of ") && l.contains(" bytes off the end of the inbox journal"));
            }
            assertThat(pendingBodies(file)).containsExactly("event=X&n=1", "event=X&n=3");
        }

        @Test
        void aRecordTornInsideTheReservedSpaceIsCutOff(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("inbox.journal");
            keep(file, 1, 2);
            byte[] bytes = Files.readAllBytes(file);
            int second = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("event=X&n=2");
            Arrays.fill(bytes, second, second + 4, (byte) 0); // the page with the body's start never reached the disk
            Files.write(file, bytes);

            assertThat(pendingBodies(file)).containsExactly("event=X&n=1");
            keep(file, 3);
            assertThat(pendingBodies(file)).containsExactly("event=X&n=1", "event=X&n=3");
        }

        @Test
        void aHeaderTornByACrashIsCutOffToo(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("inbox.journal");
            keep(file, 1);
            byte[] whole = Arrays.copyOf(Files.readAllBytes(file), dataLength(file));
            Files.write(file, whole);
            Files.write(file, new byte[] {0, 0, 1}, StandardOpenOption.APPEND);

            assertThat(pendingBodies(file)).containsExactly("event=X&n=1");
        }

        @Test
        void aLastRecordWhoseCrcDoesNotMatchIsATornWriteAndIsCutOff(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("inbox.journal");
            keep(file, 1, 2);
            byte[] bytes = Arrays.copyOf(Files.readAllBytes(file), dataLength(file));
            bytes[bytes.length - 1] ^= 0x55; // the length was written, the end of the payload was not
            Files.write(file, bytes);

            assertThat(pendingBodies(file)).containsExactly("event=X&n=1");
            keep(file, 4);
            assertThat(pendingBodies(file)).containsExactly("event=X&n=1", "event=X&n=4");
        }

        @Test
        void aDamagedRecordInTheMiddleIsSkippedWithAWarningAndTheLaterOnesAreKept(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("inbox.journal");
            keep(file, 1, 2, 3);
            byte[] bytes = Files.readAllBytes(file);
            int second = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("event=X&n=2");
            bytes[second + 8] ^= 0x01; // one flipped bit in the second record's body
            Files.write(file, bytes);

            try (LogCapture log = LogCapture.of(FileInbox.class.getName())) {
                assertThat(pendingBodies(file)).containsExactly("event=X&n=1", "event=X&n=3");
                assertThat(log.lines()).anyMatch(l -> l.startsWith("1 damaged record(s) in the inbox journal "));
            }
        }

        @Test
        void aFileThatIsNoJournalStopsTheStartNamingIt(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("inbox.journal");
            Files.writeString(file, "hello, this is not a journal\n");

            assertThatThrownBy(() -> FileInbox.open(file, Duration.ofHours(1)))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot open the inbox journal " + file)
                    .hasRootCauseMessage("not an OLBot inbox journal (it starts neither with OLBINBX1 nor with a JSON line); "
                            + "move it away to start with an empty one");
        }
    }

    @Nested
    class AJournalOfTheJsonLinesFormat {

        private static final String OLD = """
                {"id":1,"at":%1$d,"key":"m1/ONIMBOTMESSAGEADD/1","ct":"application/x-www-form-urlencoded","q":{"q":"1"},"body":"event=X&n=1"}
                {"id":2,"at":%1$d,"key":"m1/ONIMBOTMESSAGEADD/2","ct":"application/x-www-form-urlencoded","q":{},"body":"event=X&n=2"}
                {"done":1}
                {"seen":"m1/ONIMBOTMESSAGEADD/0","at":%1$d}
                """;

        @Test
        void isReadOnStartAndRewrittenInTheBinaryFormat(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("inbox.journal");
            Files.writeString(file, OLD.formatted(System.currentTimeMillis()));

            try (FileInbox inbox = FileInbox.open(file, Duration.ofHours(1))) {
                Inbox.Recovered r = inbox.recover();
                assertThat(r.pending()).extracting(e -> e.delivery().body()).containsExactly("event=X&n=2");
                assertThat(r.recentKeys()).containsKeys("m1/ONIMBOTMESSAGEADD/0", "m1/ONIMBOTMESSAGEADD/1", "m1/ONIMBOTMESSAGEADD/2");
                assertThat(inbox.append(delivery(3)).get(10, TimeUnit.SECONDS)).isEqualTo(3);
            }
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).startsWith("OLBINBX1");
            assertThat(pendingBodies(file)).containsExactly("event=X&n=2", "event=X&n=3");
        }

        @Test
        void itsTornLastLineIsCutOff(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("inbox.journal");
            Files.writeString(file, OLD.formatted(System.currentTimeMillis()) + "{\"id\":3,\"at\":1,\"key\":\"k\",\"ct\":\"\",\"q\":{},\"bo");

            assertThat(pendingBodies(file)).containsExactly("event=X&n=2");
        }

        @Test
        void keptUnderItsOldNameIsAdoptedByTheNewName(@TempDir Path dir) throws Exception {
            Path legacy = dir.resolve("inbox.jsonl");
            Files.writeString(legacy, OLD.formatted(System.currentTimeMillis()));

            Path file = FileInbox.adopt(legacy, dir.resolve("inbox.journal"));

            assertThat(legacy).doesNotExist();
            assertThat(pendingBodies(file)).containsExactly("event=X&n=2");
        }
    }
}
