package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final List<String> fired = new ArrayList<>();

    @Nested
    class Time {
        @Test
        void standsStillUntilAdvanced() {
            Instant before = clock.instant();
            assertThat(clock.instant()).isEqualTo(before);
            clock.advance(Duration.ofMinutes(5));
            assertThat(clock.instant()).isEqualTo(before.plus(Duration.ofMinutes(5)));
            assertThat(clock.millis()).isEqualTo(before.plus(Duration.ofMinutes(5)).toEpochMilli());
        }

        @Test
        void refusesToRunBackwards() {
            assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Timers {
        @Test
        void fireInDueOrderAtTheirDueTime() {
            clock.schedule(Duration.ofSeconds(30), () -> fired.add("b@" + clock.instant()));
            clock.schedule(Duration.ofSeconds(10), () -> fired.add("a@" + clock.instant()));
            clock.schedule(Duration.ofSeconds(90), () -> fired.add("c@" + clock.instant()));
            clock.advance(Duration.ofMinutes(1));
            assertThat(fired).containsExactly("a@2026-03-01T10:00:10Z", "b@2026-03-01T10:00:30Z");
            assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-01T10:01:00Z"));
        }

        @Test
        void fireTiesInSchedulingOrder() {
            clock.schedule(Duration.ofSeconds(5), () -> fired.add("first"));
            clock.schedule(Duration.ofSeconds(5), () -> fired.add("second"));
            clock.advance(Duration.ofSeconds(5));
            assertThat(fired).containsExactly("first", "second");
        }

        @Test
        void aCancelledTimerNeverFires() {
            VirtualClock.Timer t = clock.schedule(Duration.ofSeconds(5), () -> fired.add("x"));
            assertThat(t.cancel()).isTrue();
            clock.advance(Duration.ofSeconds(10));
            assertThat(fired).isEmpty();
            assertThat(t.cancel()).isFalse();
        }

        @Test
        void aTimerScheduledByATimerFiresInTheSameAdvanceWhenDue() {
            clock.schedule(Duration.ofSeconds(5), () -> clock.schedule(Duration.ofSeconds(5), () -> fired.add("chained@" + clock.instant())));
            clock.advance(Duration.ofSeconds(10));
            assertThat(fired).containsExactly("chained@2026-03-01T10:00:10Z");
        }

        @Test
        void pendingTimersListsOnlyLiveOnes() {
            clock.schedule(Duration.ofSeconds(5), () -> {});
            clock.schedule(Duration.ofSeconds(7), () -> {}).cancel();
            assertThat(clock.pendingTimers()).containsExactly(Instant.parse("2026-03-01T10:00:05Z"));
        }
    }
}
