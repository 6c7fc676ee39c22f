package dev.olbot.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileInboxTest {

    private static Inbox.Delivery delivery(int n) {
        return new Inbox.Delivery("m1/ONIMBOTMESSAGEADD/" + n, "application/x-www-form-urlencoded", "event=X&n=" + n, Map.of("q", "1"));
    }

    @Test
    void whatWasKeptAndNotHandledIsThereAfterARestartInArrivalOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inbox.jsonl");
        try (FileInbox inbox = FileInbox.open(file, Duration.ofHours(1))) {
            long first = inbox.append(delivery(1)).get(10, TimeUnit.SECONDS);
            inbox.append(delivery(2)).get(10, TimeUnit.SECONDS);
            inbox.append(delivery(3)).get(10, TimeUnit.SECONDS);
            inbox.handled(first);
        }

        try (FileInbox again = FileInbox.open(file, Duration.ofHours(1))) {
            Inbox.Recovered r = again.recover();
            assertThat(r.pending()).extracting(e -> e.delivery().body()).containsExactly("event=X&n=2", "event=X&n=3");
            assertThat(r.pending().get(0).delivery().query()).containsEntry("q", "1");
            assertThat(r.recentKeys()).containsKeys("m1/ONIMBOTMESSAGEADD/1", "m1/ONIMBOTMESSAGEADD/2", "m1/ONIMBOTMESSAGEADD/3");
            long next = again.append(delivery(4)).get(10, TimeUnit.SECONDS);
            assertThat(next).isGreaterThan(r.pending().get(1).id());
        }
    }

    @Test
    void anAppendCompletesOnlyOnceItIsInTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inbox.jsonl");
        try (FileInbox inbox = FileInbox.open(file, Duration.ofHours(1))) {
            inbox.append(delivery(7)).get(10, TimeUnit.SECONDS);

            assertThat(Files.readString(file)).contains("event=X&n=7");
        }
    }

    @Test
    void aLineTornByACrashIsCutOffAndTheRestIsKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inbox.jsonl");
        try (FileInbox inbox = FileInbox.open(file, Duration.ofHours(1))) {
            inbox.append(delivery(1)).get(10, TimeUnit.SECONDS);
        }
        Files.writeString(file, "{\"id\":2,\"at\":1,\"key\":\"k\",\"ct\":\"\",\"q\":{},\"bo", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (FileInbox again = FileInbox.open(file, Duration.ofHours(1))) {
            assertThat(again.recover().pending()).extracting(e -> e.delivery().body()).containsExactly("event=X&n=1");
            again.append(delivery(3)).get(10, TimeUnit.SECONDS);
        }
        try (FileInbox third = FileInbox.open(file, Duration.ofHours(1))) {
            assertThat(third.recover().pending()).extracting(e -> e.delivery().body()).containsExactly("event=X&n=1", "event=X&n=3");
        }
    }

    @Test
    void theJournalIsCompactedToWhatIsStillNeeded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("inbox.jsonl");
        try (FileInbox inbox = FileInbox.open(file, Duration.ZERO, java.time.Clock.systemUTC(), 500)) {
            for (int i = 0; i < 1_500; i++) {
                inbox.handled(inbox.append(delivery(i)).get(10, TimeUnit.SECONDS));
            }
            inbox.append(delivery(99_999)).get(10, TimeUnit.SECONDS);
        }

        assertThat(Files.readAllLines(file)).hasSizeLessThan(600);
        try (FileInbox again = FileInbox.open(file, Duration.ZERO)) {
            assertThat(again.recover().pending()).extracting(e -> e.delivery().body()).containsExactly("event=X&n=99999");
        }
    }
}
