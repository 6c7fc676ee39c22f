package dev.olbot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InMemoryDialogStoreTest {

    private static final String PORTAL = "bac1cd5c8940947a75e0d71b1a84e348";

    private static DialogState dialog(String id) {
        return DialogState.fresh(new DialogKey(PORTAL, 567, id));
    }

    @Nested
    class PendingTimeouts {

        @Test
        void fireInDueOrderAndOnlyOnceTheirTimeHasCome() {
            InMemoryDialogStore store = new InMemoryDialogStore();
            store.save(dialog("chat3").withTimeout(3_000, "flow:lead"));
            store.save(dialog("chat1").withTimeout(1_000, "flow:lead"));
            store.save(dialog("chat2").withTimeout(1_000, "idle"));
            store.save(dialog("chat9"));

            assertThat(store.dueTimeouts(999)).isEmpty();
            assertThat(store.dueTimeouts(1_000)).extracting(s -> s.key().dialogId()).containsExactly("chat1", "chat2");
            assertThat(store.dueTimeouts(5_000)).extracting(s -> s.key().dialogId()).containsExactly("chat1", "chat2", "chat3");
        }

        @Test
        void aMovedTimeoutFiresAtItsNewTimeOnlyAndACancelledOneNever() {
            InMemoryDialogStore store = new InMemoryDialogStore();
            DialogState moved = store.save(dialog("chat1").withTimeout(1_000, "idle")).orElseThrow();
            DialogState cancelled = store.save(dialog("chat2").withTimeout(1_000, "idle")).orElseThrow();
            store.save(moved.withTimeout(4_000, "idle"));
            store.save(cancelled.withoutTimeout());

            assertThat(store.dueTimeouts(2_000)).isEmpty();
            assertThat(store.dueTimeouts(4_000)).singleElement().satisfies(s -> {
                assertThat(s.key().dialogId()).isEqualTo("chat1");
                assertThat(s.version()).isEqualTo(2);
            });
        }

        @Test
        void aDeletedDialogsTimeoutIsGone() {
            InMemoryDialogStore store = new InMemoryDialogStore();
            store.save(dialog("chat1").withTimeout(1_000, "idle"));
            store.delete(new DialogKey(PORTAL, 567, "chat1"));

            assertThat(store.dueTimeouts(5_000)).isEmpty();
        }
    }

    @Nested
    class VariablesAndAnswers {

        @Test
        void behaveAsAnImmutableMapInTheOrderTheyWereSet() {
            Map<String, String> given = new LinkedHashMap<>();
            given.put("name", "Анна");
            given.put("phone", "+79991234567");
            DialogState s = dialog("chat1").withVars(given).withVar("branch", "sales").withVar("name", "Anna");

            assertThat(s.vars()).containsExactly(Map.entry("name", "Anna"), Map.entry("phone", "+79991234567"),
                    Map.entry("branch", "sales"));
            assertThat(s.vars().keySet()).containsExactly("name", "phone", "branch");
            assertThat(s.vars().values()).containsExactly("Anna", "+79991234567", "sales");
            assertThat(s.vars()).isEqualTo(new HashMap<>(s.vars())).hasSameHashCodeAs(new HashMap<>(s.vars()));
            assertThat(s.vars().toString()).isEqualTo("{name=Anna, phone=+79991234567, branch=sales}");
            assertThat(s.vars().containsValue("sales")).isTrue();
            assertThatThrownBy(() -> s.vars().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
