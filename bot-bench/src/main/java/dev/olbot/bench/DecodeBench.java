package dev.olbot.bench;

import dev.olbot.event.BotEvent;
import dev.olbot.event.EventDecoder;
import dev.olbot.testsupport.WireEvents;
import dev.olbot.wire.PhpForm;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The ingress's per-event work: parsing the PHP-bracket form body, and decoding it into a typed event. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class DecodeBench {

    /** A client's open-line message as Bitrix24 posts it (both credential sets, about 2 KB). */
    private final String body = WireEvents.openLineMessageBody(6, 36, "Здравствуйте! Где мой заказ 48213?");
    private final EventDecoder decoder = EventDecoder.create();

    @Benchmark
    public Map<String, Object> formDecode() {
        return PhpForm.parse(body);
    }

    @Benchmark
    public BotEvent eventDecode() {
        return decoder.decode("application/x-www-form-urlencoded", body);
    }
}
