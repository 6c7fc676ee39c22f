package dev.olbot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotEngine;
import dev.olbot.event.BotEvent;
import dev.olbot.event.EventDecoder;
import dev.olbot.outbound.SentCalls;
import dev.olbot.state.DialogKey;
import dev.olbot.state.DialogState;
import dev.olbot.state.InMemoryDialogStore;
import dev.olbot.testsupport.CountingRest;
import dev.olbot.testsupport.WireEvents;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Confirmed calls recorded in Redis by one instance and found by another that runs the same turn again. */
@Timeout(60)
class RedisSentCallsTest extends TwoInstancesOnRedis {

    @Test
    void aCallRecordedByOneInstanceIsFoundByAnotherUntilItExpires() throws Exception {
        RedisSentCalls.create(first, Duration.ofMillis(300)).record("m1/ONIMBOTMESSAGEADD/9#10#1",
                new SentCalls.Sent("imbot.message.add", "ab12", "1001"));

        Optional<SentCalls.Sent> found = RedisSentCalls.create(second).find("m1/ONIMBOTMESSAGEADD/9#10#1");

        assertThat(found).contains(new SentCalls.Sent("imbot.message.add", "ab12", "1001"));
        Thread.sleep(400);
        assertThat(RedisSentCalls.create(second).find("m1/ONIMBOTMESSAGEADD/9#10#1")).isEmpty();
    }

    @Test
    void aCallConfirmedWhileRedisDoesNotAnswerIsStillFoundHereAndReachesRedisWhenItAnswers() throws Exception {
        LocalRedis own = new LocalRedis();
        own.start();
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try (RedisLink link = RedisLink.create(vertx, own.url(), "t:", Duration.ofMillis(500))) {
            RedisSentCalls calls = RedisSentCalls.create(link);
            SentCalls.Sent sent = new SentCalls.Sent("imbot.message.add", "ab12", "1001");
            link.ping();

            own.pause();
            calls.record("m1/ONIMBOTMESSAGEADD/9#10#1", sent); // the turn's save fails next: it runs again here
            Optional<SentCalls.Sent> foundDuringTheOutage = calls.find("m1/ONIMBOTMESSAGEADD/9#10#1");
            own.resume();
            calls.record("m1/ONIMBOTMESSAGEADD/10#10#1", sent);

            assertThat(foundDuringTheOutage).contains(sent);
            assertThat(RedisSentCalls.create(link).find("m1/ONIMBOTMESSAGEADD/9#10#1")).as("in Redis now").contains(sent);
        } finally {
            own.resume();
            own.stop();
            vertx.close();
        }
    }

    @Test
    void aTurnCutShortByACrashAndRunAgainOnAnotherInstanceSendsNothingTwice() {
        BotEvent event = EventDecoder.create().decode("application/x-www-form-urlencoded",
                WireEvents.openLineMessageBody(6, 900, "hello"));
        AtomicBoolean crashAtSave = new AtomicBoolean(true);
        InMemoryDialogStore shared = new InMemoryDialogStore() {
            @Override
            public Optional<DialogState> save(DialogState next) {
                if (crashAtSave.getAndSet(false)) {
                    throw new IllegalStateException("the process died here: replies sent, state not saved, event not acknowledged");
                }
                return super.save(next);
            }
        };
        CountingRest rest = new CountingRest();
        Bot bot = Bot.builder("olbot_test").fallback(ctx -> {
            ctx.reply("one");
            ctx.reply("two");
        }).build();
        BotEngine a = BotEngine.create(o -> o.bot(bot).rest(rest).store(shared).sentCalls(RedisSentCalls.create(first)));
        BotEngine b = BotEngine.create(o -> o.bot(bot).rest(rest).store(shared).sentCalls(RedisSentCalls.create(second)));

        assertThatThrownBy(() -> a.handle(event)).hasMessageContaining("the process died here");
        b.handle(event); // b took over the partition and handles the pending event again
        b.handle(event); // and once more: its turn had saved the dialog, so nothing happens

        assertThat(rest.sent).containsExactly("imbot.message.add one", "imbot.message.add two");
        assertThat(shared.get(new DialogKey(WireEvents.MEMBER_ID, 10, "chat6"))).isPresent();
    }
}
