package dev.olbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.rest.CallOptions;
import dev.olbot.rest.CallOutcomeUnknownException;
import dev.olbot.rest.RestException;
import dev.olbot.state.InMemoryDialogStore;
import dev.olbot.testsupport.BotHarness;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the client sees when a reply's answer is lost or refused (issue 10). */
class DeliveryOutcomeTest {

    static final String SORRY = "Sorry, something went wrong on our side. Please try again.";

    private BotHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    private BotHarness answering(String text) {
        harness = new BotHarness(Bot.builder("olbot_test").fallback(ctx -> ctx.reply(text)).build(), new InMemoryDialogStore());
        return harness;
    }

    private static CallOutcomeUnknownException lostAnswer(boolean mayStillRun) {
        return new CallOutcomeUnknownException("imbot.message.add", "the connection was dropped after sending", null, mayStillRun);
    }

    @Nested
    class UnknownOutcomes {

        @Test
        void aReplyThatArrivedAlthoughItsAnswerWasLostIsNotApologisedFor() {
            var h = answering("answer");
            h.failNext("imbot.message.add", lostAnswer(false), true);

            h.clientSays(6, "hi");

            assertThat(h.chatTexts()).containsExactly("answer");
            assertThat(h.methods()).containsExactly("imbot.message.add", "im.dialog.messages.get");
            assertThat(h.state(6).failures()).isZero();
        }

        @Test
        void aReplyFoundMissingAfterTheRequestEndedIsSentAgainOnce() {
            var h = answering("answer");
            h.failNext("imbot.message.add", lostAnswer(false), false);

            h.clientSays(6, "hi");

            assertThat(h.chatTexts()).containsExactly("answer");
            assertThat(h.methods()).containsExactly("imbot.message.add", "im.dialog.messages.get", "imbot.message.add");
        }

        @Test
        void aReplyWhoseRequestMayStillRunIsNeitherResentNorApologisedFor() {
            var h = answering("answer");
            h.failNext("imbot.message.add", lostAnswer(true), false);

            h.clientSays(6, "hi");

            assertThat(h.callsTo("imbot.message.add")).hasSize(1);
            assertThat(h.chatTexts()).isEmpty();
            assertThat(h.state(6).failures()).isZero();
        }

        @Test
        void whenTheDialogCannotBeReadTheOutcomeStaysUnknownAndNothingIsSaid() {
            var h = answering("answer");
            h.failNext("imbot.message.add", lostAnswer(false), false);
            h.failNext("im.dialog.messages.get", 400, "ACCESS_ERROR", "You do not have access to the specified dialog");

            h.clientSays(6, "hi");

            assertThat(h.callsTo("imbot.message.add")).hasSize(1);
            assertThat(h.replies()).containsExactly("answer");
            assertThat(h.state(6).failures()).isZero();
        }

        @Test
        void aReadOfTheDialogWhoseAnswerWasLostIsMadeAgain() {
            var h = answering("answer");
            h.failNext("imbot.message.add", lostAnswer(false), true);
            h.failNext("im.dialog.messages.get", new CallOutcomeUnknownException("im.dialog.messages.get", "dropped", null), false);

            h.clientSays(6, "hi");

            assertThat(h.methods()).containsExactly("imbot.message.add", "im.dialog.messages.get", "im.dialog.messages.get");
            assertThat(h.chatTexts()).containsExactly("answer");
        }

        @Test
        void unknownOutcomesNeverCountTowardAHandoff() {
            var h = answering("answer");
            h.failNext("imbot.message.add", lostAnswer(false), true);
            h.clientSays(6, "one");
            h.failNext("imbot.message.add", lostAnswer(false), true);
            h.clientSays(6, "two");

            assertThat(h.methods()).doesNotContain("imopenlines.bot.session.operator");
            assertThat(h.chatTexts()).containsExactly("answer", "answer");
        }

        @Test
        void anIdenticalTextAlreadyDeliveredInTheTurnIsNotMistakenForTheLostOne() {
            harness = new BotHarness(Bot.builder("olbot_test").fallback(ctx -> {
                ctx.reply("same");
                ctx.flush();
                harness.failNext("imbot.message.add", lostAnswer(false), false);
                ctx.reply("same");
            }).build(), new InMemoryDialogStore());

            harness.clientSays(6, "hi");

            assertThat(harness.chatTexts()).containsExactly("same", "same");
        }
    }

    @Nested
    class RefusedCalls {

        @Test
        void anApologyComesWhenThePlatformRefusedTheReply() {
            var h = answering("answer");
            h.failNext("imbot.message.add", 400, "WRONG_REQUEST", "Message isn't added");

            h.clientSays(6, "hi");

            assertThat(h.chatTexts()).containsExactly(SORRY);
            assertThat(h.state(6).failures()).isEqualTo(1);
        }
    }

    @Nested
    class WhatTheHandlerSees {

        @Test
        void theHandlerCanSeeEachCallsOutcome() {
            List<CallOutcome.Kind> seen = new CopyOnWriteArrayList<>();
            harness = new BotHarness(Bot.builder("olbot_test").fallback(ctx -> {
                ctx.reply("first");
                ctx.typing();
                ctx.flush();
                ctx.outcomes().forEach(o -> seen.add(o.kind()));
            }).build(), new InMemoryDialogStore());
            harness.failNext("imbot.chat.sendTyping", new CallOutcomeUnknownException("imbot.chat.sendTyping", "lost", null, true),
                    false);
            harness.failNext("imbot.chat.sendTyping", new CallOutcomeUnknownException("imbot.chat.sendTyping", "lost", null, true),
                    false);

            harness.clientSays(6, "hi");

            assertThat(seen).containsExactly(CallOutcome.Kind.DELIVERED, CallOutcome.Kind.DELIVERED);
            assertThat(harness.callsTo("imbot.chat.sendTyping")).hasSize(2);
        }

        @Test
        void aRefusedCallIsSeenAsRefusedByThePolicy() {
            List<CallOutcome> seen = new CopyOnWriteArrayList<>();
            harness = new BotHarness(Bot.builder("olbot_test").fallback(ctx -> ctx.reply("answer"))
                    .errorPolicy((ctx, e, n) -> seen.addAll(ctx.outcomes())).build(), new InMemoryDialogStore());
            harness.failNext("imbot.message.add", 400, "WRONG_REQUEST", "Message isn't added");

            harness.clientSays(6, "hi");

            assertThat(seen).singleElement().satisfies(o -> {
                assertThat(o.kind()).isEqualTo(CallOutcome.Kind.REFUSED);
                assertThat(o.error()).get().extracting(RestException::error).isEqualTo("WRONG_REQUEST");
            });
        }
    }

    @Nested
    class DeadlinesAndOrder {

        @Test
        void everyCallCarriesTheTurnsDeadlineAndTheDialogAsItsOrderKey() {
            var h = answering("answer");
            java.time.Instant start = h.clock.instant();

            h.clientSays(6, "hi");

            CallOptions reply = h.options.get(h.options.size() - 1);
            assertThat(reply.orderKey()).contains("chat6");
            assertThat(reply.deadline()).contains(start.plus(Duration.ofSeconds(60)));
        }
    }
}
