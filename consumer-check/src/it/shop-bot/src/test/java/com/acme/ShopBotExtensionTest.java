package com.acme;

import static dev.olbot.testkit.scenario.TextMatch.contains;

import dev.olbot.testkit.junit.BotTestKitExtension;
import dev.olbot.testkit.junit.WithBot;
import dev.olbot.testkit.scenario.BotTestKit;
import dev.olbot.testkit.scenario.Scenario;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

class ShopBotExtensionTest {

    @Nested
    @ExtendWith(BotTestKitExtension.class)
    @WithBot(ShopBot.class)
    class Injected {

        @Test
        void answersDelivery(BotTestKit kit) {
            kit.run(Scenario.named("delivery")
                    .clientSays("delivery").expectReply(contains("Welcome to ACME"))
                    .expectReply("ACME delivers tomorrow.")
                    .build()).assertPassed();
        }
    }

    @Nested
    class Files {

        @RegisterExtension
        final BotTestKitExtension kit = BotTestKitExtension.perTest(o -> o.bot(ShopBot.create()));

        @TestFactory
        Stream<DynamicTest> scenarios() {
            return kit.scenarios(Path.of("src/test/scenarios"));
        }
    }
}
