package dev.olbot.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A short run of {@code olbot bench hostile} inside the build: counts only, never timings. */
class HostileBenchmarkTest {

    @Test
    @Timeout(300)
    void aThousandHostileRequestsGetNo5xxNoHangAndEveryGenuineEventIsHandled() throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        HostileBenchmark.Result r = new HostileBenchmark(1_000, 32, 7).run(new PrintStream(report, true, StandardCharsets.UTF_8));

        assertThat(r.serverErrors()).as(report.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(r.hangs()).isZero();
        assertThat(r.validSent()).isPositive();
        assertThat(r.validHandled()).isEqualTo(r.validSent());
        assertThat(r.statusByKind().get("slow headers")).containsOnlyKeys("closed");
        assertThat(r.statusByKind().get("slow partial body")).containsOnlyKeys("408");
        assertThat(r.statusByKind().get("a[] flood")).containsOnlyKeys("400");
        assertThat(r.statusByKind().get("forged token")).containsOnlyKeys("401");
        assertThat(r.logLines()).isLessThan(r.badRequests() / 10);
    }
}
