package dev.olbot.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olbot.testsupport.LogCapture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BacklogAlarmTest {

    private static final String LOGGER = "dev.olbot.ingress.BacklogAlarmTest.alarm";

    @Nested
    class WhenEventsPileUp {

        @Test
        void warnsOnceWhenTheThresholdIsReachedHoweverLongItLasts() {
            try (LogCapture log = LogCapture.of(LOGGER)) {
                BacklogAlarm alarm = new BacklogAlarm(LoggerFactory.getLogger(LOGGER), 10);
                for (int depth = 1; depth <= 40; depth++) {
                    alarm.depth(depth);
                }
                alarm.depth(30);
                assertThat(log.lines()).hasSize(1);
                assertThat(log.lines().get(0)).startsWith("backlog: 10 events accepted and waiting for their turn (threshold 10)");
                assertThat(alarm.raised()).isTrue();
            }
        }

        @Test
        void saysWhenTheBacklogIsBackAtHalfWithItsPeak() {
            try (LogCapture log = LogCapture.of(LOGGER)) {
                BacklogAlarm alarm = new BacklogAlarm(LoggerFactory.getLogger(LOGGER), 10);
                alarm.depth(12);
                alarm.depth(17);
                alarm.depth(6);
                alarm.depth(5);
                alarm.depth(0);
                assertThat(log.lines()).hasSize(2);
                assertThat(log.lines().get(1)).isEqualTo("backlog drained: 5 event(s) waiting for their turn (peak 17)");
                assertThat(alarm.raised()).isFalse();
            }
        }

        @Test
        void warnsAgainWhenASecondBacklogBuilds() {
            try (LogCapture log = LogCapture.of(LOGGER)) {
                BacklogAlarm alarm = new BacklogAlarm(LoggerFactory.getLogger(LOGGER), 4);
                alarm.depth(4);
                alarm.depth(1);
                alarm.depth(4);
                assertThat(log.lines()).hasSize(3);
                assertThat(log.lines().get(2)).startsWith("backlog: 4 events");
            }
        }
    }

    @Test
    void refusesAThresholdBelowTwo() {
        assertThatThrownBy(() -> new BacklogAlarm(LoggerFactory.getLogger(LOGGER), 1))
                .hasMessage("backlog threshold must be >= 2, was 1");
    }
}
