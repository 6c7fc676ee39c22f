package dev.olbot.bot.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.bot.Bot;
import dev.olbot.bot.flow.FlowRunner;
import dev.olbot.bot.turn.TurnContext;
import dev.olbot.bot.turn.TurnServices;
import dev.olbot.bot.turn.TurnVars;
import dev.olbot.event.EventDecoder;
import dev.olbot.event.MessageAdded;
import dev.olbot.metrics.OlbotMetrics;
import dev.olbot.metrics.OlbotMetrics.HandoffReason;
import dev.olbot.state.DialogKey;
import dev.olbot.state.DialogState;
import dev.olbot.state.InMemoryDialogStore;
import dev.olbot.testsupport.WireEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The router's decision is a value: deciding changes nothing, running the route does the work. */
class IntentRouterTest {

    private final List<String> ran = new ArrayList<>();
    private final IntentRouter router = new IntentRouter(new FlowRunner());

    private final Bot bot = Bot.builder("olbot_test")
            .on(Intent.keywords("price"), ctx -> ran.add("price"))
            .menu(NumberedMenu.named("main").header("Topic?")
                    .item(1, "Delivery", ctx -> ran.add("delivery"))
                    .item(2, "Payment", ctx -> ran.add("payment"))
                    .build())
            .fallback(ctx -> ran.add("fallback"))
            .build();

    private TurnContext turn(Bot bot, String text, DialogState state) {
        MessageAdded m = (MessageAdded) EventDecoder.create().decode(WireEvents.openLineMessage(6, 100, text, "app-token"));
        TurnServices services = new TurnServices((portal, method, params) -> {
            throw new AssertionError("no call expected, was " + method);
        }, new InMemoryDialogStore(), Clock.systemUTC(), 1_000, Duration.ofSeconds(60), OlbotMetrics.noop(), new FlowRunner());
        return new TurnContext(services, bot, m, m.dialog(), m.user(), Utterance.of(text), state.key().portal(), 1, state);
    }

    private DialogState fresh() {
        return DialogState.fresh(new DialogKey("portal", 1, "chat6"));
    }

    @Nested
    class Deciding {
        @Test
        void aMessageNothingMatchesIsARouteToTheFallbackNotAnAbsence() {
            TurnContext ctx = turn(bot, "something else entirely", fresh());

            Route route = router.route(ctx);

            assertThat(route.why()).isEqualTo("fallback (no intent matched)");
            assertThat(route.reason()).isEqualTo(HandoffReason.MISSES);
            assertThat(ran).isEmpty();
        }

        @Test
        void aBotWithoutAFallbackGetsAnUnhandledRouteThatRunsNoHandler() throws Exception {
            Bot bare = Bot.builder("olbot_test").on(Intent.keywords("price"), ctx -> ran.add("price")).build();
            TurnContext ctx = turn(bare, "hello there", fresh());

            Route route = router.route(ctx);
            route.run(ctx);

            assertThat(route.why()).startsWith("unhandled");
            assertThat(ran).isEmpty();
        }

        @Test
        void pickingAMenuItemLeavesTheMenuShownUntilTheRouteRuns() throws Exception {
            TurnContext ctx = turn(bot, "2", fresh().withVar(TurnVars.MENU, "main"));

            Route route = router.route(ctx);

            assertThat(route.why()).startsWith("menu menu main item 2");
            assertThat(ctx.var(TurnVars.MENU)).contains("main");
            route.run(ctx);
            assertThat(ctx.var(TurnVars.MENU)).isEmpty();
            assertThat(ran).containsExactly("payment");
        }
    }

    @Nested
    class Running {
        @Test
        void runningAnIntentRouteSetsTheMatchAndNotesTheRouteOnTheTurn() throws Exception {
            TurnContext ctx = turn(bot, "what is the price?", fresh());

            router.route(ctx).run(ctx);

            assertThat(ran).containsExactly("price");
            assertThat(ctx.match().matched()).isNotEmpty();
            assertThat(ctx.route()).startsWith("keyword ");
        }
    }
}
