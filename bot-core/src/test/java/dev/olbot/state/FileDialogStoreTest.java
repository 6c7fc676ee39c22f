package dev.olbot.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDialogStoreTest {

    private static DialogState saved(FileDialogStore store, DialogKey key, String var) {
        return store.save(DialogState.fresh(key).withVar("x", var)).orElseThrow();
    }

    @Test
    void keysRoundTripWhateverCharactersTheyHold(@TempDir Path dir) {
        Path file = dir.resolve("dialogs.jsonl");
        DialogKey odd = new DialogKey("ev/il", 7, "chat1/../x\n");
        try (FileDialogStore store = FileDialogStore.open(file)) {
            saved(store, odd, "kept");
        }

        try (FileDialogStore reopened = FileDialogStore.open(file)) {
            assertThat(reopened.get(odd)).hasValueSatisfying(s -> assertThat(s.vars()).containsEntry("x", "kept"));
        }
    }

    @Test
    void anUnreadableRecordIsSetAsideAndEveryOtherDialogStillLoads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dialogs.jsonl");
        DialogKey good = new DialogKey("m1", 7, "chat1");
        try (FileDialogStore store = FileDialogStore.open(file)) {
            saved(store, good, "kept");
        }
        String bad = "{\"key\":\"ev/il/7/chat1\",\"version\":1,\"owner\":\"BOT\"}"; // what a '/' in member_id once wrote
        Files.writeString(file, bad + "\n" + Files.readString(file), StandardCharsets.UTF_8);

        try (FileDialogStore reopened = FileDialogStore.open(file)) {
            assertThat(reopened.get(good)).isPresent();
        }
        assertThat(dir.resolve("dialogs.jsonl.quarantine")).content().contains(bad);
    }

    @Test
    void aRecordTornByACrashDoesNotSwallowTheNextSave(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dialogs.jsonl");
        DialogKey first = new DialogKey("m1", 7, "chat1");
        DialogKey second = new DialogKey("m1", 7, "chat2");
        try (FileDialogStore store = FileDialogStore.open(file)) {
            saved(store, first, "one");
        }
        Files.writeString(file, "{\"portal\":\"m1\",\"bot\":7,\"dia", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        try (FileDialogStore store = FileDialogStore.open(file)) {
            saved(store, second, "two");
        }

        try (FileDialogStore reopened = FileDialogStore.open(file)) {
            assertThat(reopened.get(first)).isPresent();
            assertThat(reopened.get(second)).hasValueSatisfying(s -> assertThat(s.vars()).containsEntry("x", "two"));
        }
    }
}
