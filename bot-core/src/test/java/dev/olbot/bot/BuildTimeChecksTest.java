package dev.olbot.bot;

import dev.olbot.bot.flow.Flow;
import dev.olbot.bot.flow.Validation;
import dev.olbot.bot.routing.Intent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Mistakes in a bot's definition fail when it is built, with a message that says which and where. */
class BuildTimeChecksTest {

    @Nested
    class Flows {
        @Test
        void refusesStartingAFlowThatIsNotRegistered() {
            assertThatThrownBy(() -> Bot.builder("b")
                    .flow(Flow.named("lead").ask("name", "Name?", Validation.name("Name, please")).onComplete(ctx -> {}).build())
                    .on(Intent.keywords("buy"), Handler.startFlow("leed"))
                    .build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("startFlow('leed') in keyword 'buy' at BuildTimeChecksTest.java:")
                    .hasMessageEndingWith("no flow named 'leed' is registered; registered flows: [lead]");
        }

        @Test
        void acceptsStartingARegisteredFlow() {
            Bot bot = Bot.builder("b")
                    .flow(Flow.named("lead").ask("name", "Name?", Validation.name("Name, please")).onComplete(ctx -> {}).build())
                    .on(Intent.keywords("buy"), Handler.startFlow("lead"))
                    .build();

            assertThat(bot.intents()).hasSize(1);
        }
    }

    @Nested
    class Intents {
        @Test
        void refusesABadRegexNamingTheIntentAndWhereItIs() {
            assertThatThrownBy(() -> Intent.regex("order (\\d+"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("regex intent 'order (\\d+' at BuildTimeChecksTest.java:")
                    .hasMessageContaining("does not compile: Unclosed group");
        }

        @Test
        void refusesACommandIntentThatIsNoWordNamingWhereItIs() {
            // before: Intent.command("") made an intent no command could match, and null failed inside with a bare NPE
            assertThatThrownBy(() -> Intent.command(""))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("command intent at BuildTimeChecksTest.java:")
                    .hasMessageEndingWith(": a command is one word, like 'help' or '/help'; got ''");
            assertThatThrownBy(() -> Intent.command("/order status")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Intent.command(null)).isInstanceOf(NullPointerException.class).hasMessage("command intent: name");
            assertThatThrownBy(() -> Intent.regex(null)).isInstanceOf(NullPointerException.class).hasMessage("regex intent: pattern");
        }

        @Test
        void refusesAFuzzyThresholdOutsideZeroToOne() {
            assertThatThrownBy(() -> Intent.fuzzy(85, "when are you open"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("fuzzy [when are you open]: threshold must be in 0..1, got 85.0");
            assertThatThrownBy(() -> Intent.fuzzy(-0.1, "when are you open"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesABotWithNoHandlers() {
        assertThatThrownBy(() -> Bot.builder("empty_bot").name("Empty").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("bot 'empty_bot' has no handlers: add on(intent, handler), fallback(handler) or onWelcome(handler)");
    }
}
