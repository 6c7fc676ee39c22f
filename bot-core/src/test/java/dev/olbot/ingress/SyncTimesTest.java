package dev.olbot.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyncTimesTest {

    @Test
    void readsTheMedianAndTheTailOfTheDisksFlushesToWithinNinePercent() {
        SyncTimes times = new SyncTimes();
        for (int i = 0; i < 980; i++) {
            times.record(400_000); // 0.4 ms: a good disk's flush
        }
        for (int i = 0; i < 20; i++) {
            times.record(7_000_000); // 7 ms: the tail of a busy one
        }

        assertThat(times.quantileNanos(0.5)).isBetween(400_000L, 436_000L);
        assertThat(times.quantileNanos(0.98)).isBetween(400_000L, 436_000L);
        assertThat(times.quantileNanos(0.99)).isBetween(7_000_000L, 7_630_000L);
        assertThat(times.quantileNanos(1.0)).isBetween(7_000_000L, 7_630_000L);
    }

    @Test
    void agreesWithTheSortedDurationsOnRandomFlushTimes() {
        Random random = new Random(7);
        SyncTimes times = new SyncTimes();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            long nanos = (long) Math.exp(random.nextGaussian() * 1.5 + Math.log(600_000)); // log-normal around 0.6 ms
            times.record(nanos);
            all.add(nanos);
        }
        all.sort(null);

        for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
            long exactMicros = all.get((int) Math.ceil(q * all.size()) - 1) / 1_000;
            assertThat(times.quantileNanos(q) / 1_000).as("q=%s", q).isBetween(exactMicros, exactMicros + exactMicros / 8 + 1);
        }
    }

    @Test
    void everyDurationFallsIntoTheBucketWhoseUpperEdgeIsAtLeastIt() {
        for (long micros = 0; micros < 2_000_000; micros += 1 + micros / 97) {
            int bucket = SyncTimes.bucket(micros);
            assertThat(SyncTimes.upperMicros(bucket)).as("%d µs", micros).isGreaterThanOrEqualTo(micros);
            assertThat(bucket == 0 || SyncTimes.upperMicros(bucket - 1) < micros).as("%d µs", micros).isTrue();
        }
        assertThat(SyncTimes.bucket(Long.MAX_VALUE / 1_000)).isEqualTo(SyncTimes.bucket(Long.MAX_VALUE / 2_000)); // the last bucket holds the rest
    }

    @Test
    void saysZeroBeforeAnySyncAndRefusesAQuantileOutsideZeroToOne() {
        SyncTimes times = new SyncTimes();

        assertThat(times.quantileNanos(0.99)).isZero();
        assertThatThrownBy(() -> times.quantileNanos(1.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..1");
    }
}
