package dev.olbot.outbound;

import dev.olbot.testsupport.BotHarness.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSentCallsTest {

    static final SentCalls.Sent REPLY = new SentCalls.Sent("imbot.message.add", "0a1b2c3d4e5f6a7b", "1001");

    @Nested
    class AfterARestart {

        @Test
        void aConfirmedCallIsStillKnown(@TempDir Path dir) {
            try (FileSentCalls calls = FileSentCalls.open(dir.resolve("sent-calls.jsonl"), Duration.ofHours(1))) {
                calls.record("m1/ONIMBOTMESSAGEADD/9#10#1", REPLY);
                calls.record("m1/ONIMBOTMESSAGEADD/9#10#2", new SentCalls.Sent("imbot.chat.sendTyping", "ff", null));
            }

            try (FileSentCalls again = FileSentCalls.open(dir.resolve("sent-calls.jsonl"), Duration.ofHours(1))) {
                assertThat(again.find("m1/ONIMBOTMESSAGEADD/9#10#1")).contains(REPLY);
                assertThat(again.find("m1/ONIMBOTMESSAGEADD/9#10#2")).contains(new SentCalls.Sent("imbot.chat.sendTyping", "ff", null));
                assertThat(again.find("m1/ONIMBOTMESSAGEADD/9#10#3")).isEmpty();
            }
        }

        @Test
        void aLineTornByACrashIsCutOffAndTheNextRecordIsKept(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("sent-calls.jsonl");
            try (FileSentCalls calls = FileSentCalls.open(file, Duration.ofHours(1))) {
                calls.record("k1", REPLY);
            }
            Files.writeString(file, "{\"k\":\"k2\",\"at\":1", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

            try (FileSentCalls again = FileSentCalls.open(file, Duration.ofHours(1))) {
                again.record("k3", REPLY);
            }
            try (FileSentCalls third = FileSentCalls.open(file, Duration.ofHours(1))) {
                assertThat(third.find("k1")).isPresent();
                assertThat(third.find("k3")).isPresent();
            }
        }

        @Test
        void keysOlderThanTheirTimeAreForgottenAndTheFileIsRewrittenToTheLiveOnes(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("sent-calls.jsonl");
            MutableClock clock = new MutableClock();
            try (FileSentCalls calls = FileSentCalls.open(file, Duration.ofSeconds(1), clock)) {
                for (int i = 0; i < 25_000; i++) {
                    clock.advance(Duration.ofMillis(1));
                    calls.record("k" + i, REPLY);
                }
                assertThat(calls.find("k0")).as("older than 1 s").isEmpty();
                assertThat(calls.find("k24999")).isPresent();
            }
            assertThat(Files.readAllLines(file)).hasSizeLessThanOrEqualTo(10_000);
        }
    }
}
