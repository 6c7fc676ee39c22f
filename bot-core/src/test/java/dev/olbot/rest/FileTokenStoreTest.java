package dev.olbot.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTokenStoreTest {

    @TempDir
    Path dir;

    private static PortalCredentials creds(String member, String access, String refresh) {
        return new PortalCredentials(member, "p.example", "https://p.example/rest/", "https://oauth.bitrix.info/rest/",
                access, refresh, Instant.parse("2026-11-21T13:00:00Z"), "apptok");
    }

    @Nested
    class Persistence {

        @Test
        void keepsEveryFieldAcrossReopening() {
            Path file = dir.resolve("tokens.json");
            try (FileTokenStore store = FileTokenStore.open(file)) {
                store.save(creds("m1", "a1", "r1"));
                store.save(creds("m2", "a2", "r2"));
                store.save(creds("m1", "a3", "r3"));
            }

            try (FileTokenStore store = FileTokenStore.open(file)) {
                assertThat(store.load("m1")).contains(creds("m1", "a3", "r3"));
                assertThat(store.load("m2")).contains(creds("m2", "a2", "r2"));
                assertThat(store.load("m3")).isEmpty();
            }
        }

        @Test
        void forgetsARemovedPortal() {
            Path file = dir.resolve("tokens.json");
            try (FileTokenStore store = FileTokenStore.open(file)) {
                store.save(creds("m1", "a1", "r1"));
                store.remove("m1");
            }
            try (FileTokenStore store = FileTokenStore.open(file)) {
                assertThat(store.load("m1")).isEmpty();
            }
        }

        @Test
        void leavesNoTemporaryFilesBehind() throws Exception {
            try (FileTokenStore store = FileTokenStore.open(dir.resolve("tokens.json"))) {
                for (int i = 0; i < 5; i++) {
                    store.save(creds("m" + i, "a", "r"));
                }
            }
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("tokens.json", "tokens.json.lock");
            }
        }
    }

    @Nested
    class SingleInstance {

        @Test
        void refusesASecondOpenOfTheSameFileUntilTheFirstIsClosed() {
            Path file = dir.resolve("tokens.json");
            FileTokenStore first = FileTokenStore.open(file);

            assertThatThrownBy(() -> FileTokenStore.open(file)).isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");

            first.close();
            FileTokenStore.open(file).close();
        }
    }

    @Test
    void neverPrintsTokens() {
        assertThat(creds("m1", "secret-access", "secret-refresh").toString()).doesNotContain("secret-").contains("m1");
    }
}
