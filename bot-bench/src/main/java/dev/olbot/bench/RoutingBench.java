package dev.olbot.bench;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.olbot.bot.Bot;
import dev.olbot.bot.BotEngine;
import dev.olbot.bot.routing.Intent;
import dev.olbot.event.BotEvent;
import dev.olbot.event.EventDecoder;
import dev.olbot.rest.RestResponse;
import dev.olbot.testsupport.WireEvents;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole turn of a bot with 100 intents (40 keyword, 30 regex, 20 phrase, 10 fuzzy), from a
 * decoded event to the reply handed to the REST client (answered at once, in process): load the
 * state, route, run, flush, save. {@code text} picks where the match is found.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RoutingBench {

    @Param({"keyword7", "a fuzzy question about refunds", "nothing matches this"})
    public String text;

    private BotEngine engine;
    private final AtomicLong messageIds = new AtomicLong(1000);
    private BotEvent[] events;
    private int next;

    @Setup
    public void setUp() {
        Bot.Builder b = Bot.builder("routing_bench").name("Routing bench");
        for (int i = 0; i < 40; i++) {
            b.on(Intent.keywords("keyword" + i), ctx -> ctx.reply("k"));
        }
        for (int i = 0; i < 30; i++) {
            b.on(Intent.regex("^order-" + i + "-(\\d+)$"), ctx -> ctx.reply("r"));
        }
        for (int i = 0; i < 20; i++) {
            b.on(Intent.phrases("where is my parcel number " + i), ctx -> ctx.reply("p"));
        }
        String[] topics = {"refunds", "delivery", "prices", "opening hours", "payment", "warranty", "returns", "contacts", "jobs", "discounts"};
        for (String topic : topics) {
            b.on(Intent.fuzzy("a question about " + topic), ctx -> ctx.reply("f"));
        }
        Bot bot = b.fallback(ctx -> ctx.reply("fallback")).build();
        engine = BotEngine.create(o -> o.bot(bot).handlerUrl("https://bench.example/bitrix/events")
                .rest((portal, method, params) -> Future.succeededFuture(
                        new RestResponse(method, IntNode.valueOf((int) messageIds.incrementAndGet()), Optional.empty(),
                                Optional.empty(), Optional.empty()))));
        EventDecoder decoder = EventDecoder.create();
        events = new BotEvent[1024];
        for (int i = 0; i < events.length; i++) { // 1,024 dialogs in turn, so state is loaded and saved as in a busy line
            events[i] = decoder.decode("application/x-www-form-urlencoded", WireEvents.openLineMessageBody(100 + i, 10 + i, text));
        }
    }

    @Benchmark
    public void turn() {
        engine.accept(events[next++ & 1023]);
    }
}
