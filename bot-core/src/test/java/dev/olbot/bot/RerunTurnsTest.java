package dev.olbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.event.BotEvent;
import dev.olbot.event.EventDecoder;
import dev.olbot.outbound.SentCalls;
import dev.olbot.state.DialogKey;
import dev.olbot.state.DialogState;
import dev.olbot.state.InMemoryDialogStore;
import dev.olbot.state.StoreUnavailableException;
import dev.olbot.testsupport.CountingRest;
import dev.olbot.testsupport.WireEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Outbound idempotency keys: a turn that runs again sends none of the calls the platform already confirmed. */
class RerunTurnsTest {

    static BotEvent message(long messageId, String text) {
        return EventDecoder.create().decode("application/x-www-form-urlencoded", WireEvents.openLineMessageBody(6, messageId, text));
    }

    final CountingRest rest = new CountingRest();
    final AtomicInteger failSaves = new AtomicInteger();
    /** A store whose next saves fail as if Redis did not answer (the turn then waits and runs again). */
    final InMemoryDialogStore store = new InMemoryDialogStore() {
        @Override
        public Optional<DialogState> save(DialogState next) {
            if (failSaves.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new StoreUnavailableException("Redis did not answer", null);
            }
            return super.save(next);
        }
    };

    BotEngine engine(SentCalls sentCalls, Handler fallback) {
        return BotEngine.create(o -> o.bot(Bot.builder("olbot_test").fallback(fallback).build()).rest(rest).store(store)
                .sentCalls(sentCalls));
    }

    static SentCalls remembering() {
        return SentCalls.inMemory(Duration.ofHours(1), 1000, Clock.systemUTC());
    }

    static void twoReplies(BotContext ctx) {
        ctx.reply("one");
        ctx.reply("two");
    }

    @Nested
    class WithRecordedCalls {

        @Test
        void aTurnRunAgainAfterItsSaveFailedSendsNothingTwice() {
            BotEngine engine = engine(remembering(), RerunTurnsTest::twoReplies);
            failSaves.set(1);

            engine.handle(message(900, "hello"));

            assertThat(rest.sent).containsExactly("imbot.message.add one", "imbot.message.add two");
            assertThat(store.get(new DialogKey(WireEvents.MEMBER_ID, 10, "chat6"))).isPresent();
        }

        @Test
        void anEventHandledAgainAfterItsTurnSavedTheDialogIsNotHandledAgain() {
            BotEngine engine = engine(remembering(), RerunTurnsTest::twoReplies);

            engine.handle(message(900, "hello"));
            engine.handle(message(900, "hello")); // re-claimed from the inbox: handled, not yet acknowledged
            engine.handle(message(901, "again"));

            assertThat(rest.sent).containsExactly("imbot.message.add one", "imbot.message.add two", "imbot.message.add one",
                    "imbot.message.add two");
        }

        @Test
        void aRerunThatMakesADifferentCallThanTheRecordedOneSendsIt() {
            AtomicInteger runs = new AtomicInteger();
            BotEngine engine = engine(remembering(), ctx -> ctx.reply("run " + runs.incrementAndGet()));
            failSaves.set(1);

            engine.handle(message(900, "hello"));

            assertThat(rest.sent).containsExactly("imbot.message.add run 1", "imbot.message.add run 2");
        }
    }

    @Nested
    class WithoutRecordedCalls {

        @Test
        void theSameRerunSendsItsRepliesAgain() {
            BotEngine engine = engine(SentCalls.none(), RerunTurnsTest::twoReplies);
            failSaves.set(1);

            engine.handle(message(900, "hello"));

            assertThat(rest.sent).hasSize(4);
        }
    }
}
