package dev.olbot.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TurnTraceTest {

    private static TurnTrace.Turn turn(String text) {
        return new TurnTrace.Turn(Instant.EPOCH, "ONIMBOTMESSAGEADD", text, "fallback (no intent matched)",
                List.of("imbot.message.add ok"), "BOT", 3);
    }

    @Nested
    class Bounds {

        @Test
        void keepsTheLastTurnsOfADialog() {
            TurnTrace trace = TurnTrace.create(10, 3);
            IntStream.range(0, 5).forEach(i -> trace.record("p1", "chat5", turn("message " + i)));

            assertThat(trace.dialog("chat5").get("p1")).extracting(TurnTrace.Turn::text)
                    .containsExactly("message 2", "message 3", "message 4");
        }

        @Test
        void forgetsTheLeastRecentlyActiveDialogFirst() {
            TurnTrace trace = TurnTrace.create(2, 5);
            trace.record("p1", "chat1", turn("a"));
            trace.record("p1", "chat2", turn("b"));
            trace.record("p1", "chat1", turn("c"));
            trace.record("p1", "chat3", turn("d"));

            assertThat(trace.size()).isEqualTo(2);
            assertThat(trace.dialog("chat2")).isEmpty();
            assertThat(trace.dialog("chat1").get("p1")).hasSize(2);
        }

        @Test
        void cutsLongTextsEscapesLineBreaksAndKeepsAtMostTwentyCalls() {
            TurnTrace.Turn t = new TurnTrace.Turn(Instant.EPOCH, "E", "line one\nline two" + "x".repeat(500), "r",
                    IntStream.range(0, 30).mapToObj(i -> "call " + i).toList(), "BOT", 1);

            assertThat(t.text()).startsWith("line one\\nline two").doesNotContain("\n");
            assertThat(t.text().length()).isLessThanOrEqualTo(TurnTrace.MAX_TEXT + 10);
            assertThat(t.calls()).hasSize(TurnTrace.MAX_CALLS);
        }

        @Test
        void refusesASizeBelowOne() {
            assertThatThrownBy(() -> TurnTrace.create(0, 5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxDialogs");
        }
    }

    @Nested
    class Off {

        @Test
        void keepsNothing() {
            TurnTrace.off().record("p1", "chat5", turn("hi"));

            assertThat(TurnTrace.off().dialog("chat5")).isEmpty();
            assertThat(TurnTrace.off().enabled()).isFalse();
        }
    }
}
