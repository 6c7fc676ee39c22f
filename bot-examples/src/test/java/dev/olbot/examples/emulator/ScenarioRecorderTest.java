package dev.olbot.examples.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScenarioRecorderTest {

    @Nested
    class Fragments {

        @Test
        void takesTheFirstNonBlankLine() {
            assertThat(ScenarioRecorder.fragment("\n  Hello there\nsecond")).isEqualTo("Hello there");
        }

        @Test
        void dropsWhatTheScenarioSyntaxWouldReadAsAnOperator() {
            assertThat(ScenarioRecorder.fragment("= exactly")).isEqualTo("exactly");
            assertThat(ScenarioRecorder.fragment("~ about")).isEqualTo("about");
            assertThat(ScenarioRecorder.fragment("/path/")).isEqualTo("path");
            assertThat(ScenarioRecorder.fragment("yes || no")).isEqualTo("yes");
            assertThat(ScenarioRecorder.fragment("order ${id} ships")).isEqualTo("order");
        }

        @Test
        void cutsLongLines() {
            assertThat(ScenarioRecorder.fragment("x".repeat(200))).hasSize(80);
        }
    }

    @Nested
    class Durations {

        @Test
        void areWrittenInTheScenarioUnits() {
            assertThat(ScenarioRecorder.formatDuration(Duration.ofMinutes(10))).isEqualTo("10m");
            assertThat(ScenarioRecorder.formatDuration(Duration.ofSeconds(3600 * 26 + 61))).isEqualTo("1d2h1m1s");
            assertThat(ScenarioRecorder.formatDuration(Duration.ZERO)).isEqualTo("0s");
        }
    }
}
