package dev.olbot.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.testkit.Faults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A small run of the fault harness: the numbers it prints add up and meet the targets. */
@Timeout(300)
class FaultsBenchmarkTest {

    @Test
    void repliesWhoseAnswersWereDroppedArriveOnceWithoutApologies() throws Exception {
        FaultsBenchmark.Result r = new FaultsBenchmark(5, 4, 0.5, 7, 20).run(Faults.Kind.DROP_AFTER_EXECUTING);

        assertThat(r.faults()).isPositive();
        assertThat(r.deliveredOnce() + r.lostTold() + r.lostSilently() + r.duplicated() + r.mutedAfterHandoff())
                .isEqualTo(r.turns());
        assertThat(r.targetsMet()).as(r.line()).isTrue();
        assertThat(r.deliveredOnce()).as(r.line()).isEqualTo(r.turns());
    }
}
