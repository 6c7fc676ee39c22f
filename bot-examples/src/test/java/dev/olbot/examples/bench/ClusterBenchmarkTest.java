package dev.olbot.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code olbot bench cluster} at a small size: real {@code olbot serve} child processes, a real redis-server, the
 * fake account over HTTP with its rate limit; one instance is killed with SIGKILL. Checks what must hold (nothing
 * accepted is lost, one refresh per expiry, no limit error reaches a turn), never durations.
 */
@Timeout(300)
class ClusterBenchmarkTest {

    @Nested
    class ASmallRun {

        @Test
        void twoInstancesOnRedisAndOneOnTheJournalLoseNoReplyThroughAKillDashNine(@TempDir Path dir) throws Exception {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            ClusterBenchmark.Result r = new ClusterBenchmark(new ClusterBenchmark.Options(20, 3, 2, 1, 1, 1,
                    List.of("cluster", "journal"), dir)).run(new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(r.tallies()).hasSize(2).allSatisfy(t -> {
                assertThat(t.expected()).isEqualTo(60);
                assertThat(t.delivered()).as("%s: replies delivered", t.label()).isEqualTo(60);
                assertThat(t.lost()).isZero();
                assertThat(t.deliveriesNotAccepted()).as("%s: deliveries not answered 200", t.label()).isZero();
                assertThat(t.limitErrorsLogged()).as("%s: QUERY_LIMIT_EXCEEDED surfaced in a log", t.label()).isZero();
                assertThat(t.expiries()).isEqualTo(1);
                assertThat(t.refreshes()).as("%s: refreshes for one expiry", t.label()).isEqualTo(1);
            });
            assertThat(r.tallies()).extracting(ClusterBenchmark.Tally::label, ClusterBenchmark.Tally::instances)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("cluster", 2), org.assertj.core.groups.Tuple.tuple("journal", 1));
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains(
                    "cluster: 2 instance(s), replies expected 60, delivered 60, lost 0, duplicates ",
                    "journal: 1 instance(s), replies expected 60, delivered 60, lost 0, duplicates ");
        }
    }

    @Nested
    class AnOutage {

        @Test
        void threeInstancesAcceptEveryDeliveryWhileRedisDoesNotAnswerAndAnswerEveryMessageOnceInOrder() throws Exception {
            Path dir = java.nio.file.Files.createTempDirectory(java.nio.file.Files.createDirectories(Path.of("target", "bench-outage")), "run");
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            ClusterBenchmark.Result r = new ClusterBenchmark(new ClusterBenchmark.Options(40, 5, 3, 1, 1, 1,
                    List.of("outage"), dir)).run(new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(r.tallies()).singleElement().satisfies(t -> {
                assertThat(t.deliveriesNotAccepted()).as("deliveries not answered 200").isZero();
                assertThat(t.delivered()).as("replies delivered").isEqualTo(200);
                assertThat(t.duplicates()).as("duplicates; %s", printed).isZero();
                assertThat(t.outOfOrder()).as("dialogs out of order; %s", printed).isZero();
            });
        }
    }

    @Nested
    class Options {

        @Test
        void refusesAnUnknownPhase(@TempDir Path dir) {
            assertThatThrownBy(() -> new ClusterBenchmark.Options(20, 3, 2, 1, 1, 1, List.of("clustre"), dir))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown phase 'clustre': cluster, journal, outage or throughput");
        }

        @Test
        void needsAMessageBeforeAndAfterTheKill(@TempDir Path dir) {
            assertThatThrownBy(() -> new ClusterBenchmark.Options(20, 1, 2, 1, 1, 1, List.of("cluster"), dir))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--messages >= 2");
        }
    }
}
