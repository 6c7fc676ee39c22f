package com.acme;

import static dev.olbot.testkit.scenario.TextMatch.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.olbot.testkit.scenario.BotTestKit;
import dev.olbot.testkit.scenario.Scenario;
import org.junit.jupiter.api.Test;

class ShopBotTest {

    @Test
    void answersDeliveryAndHandsOverToAnOperator() {
        try (BotTestKit kit = BotTestKit.start(ShopBot.create())) {
            kit.run(Scenario.named("acme")
                    .clientSays("hello").expectReply(contains("Welcome to ACME"))
                    .expectReply("Write 'delivery' or 'operator'.")
                    .clientSays("delivery?").expectReply("ACME delivers tomorrow.")
                    .clientSays("operator").expectReply(contains("a person will answer"))
                    .expectDialogWithQueue()
                    .build()).assertPassed();
        }
    }

    @Test
    void runsOnOneJacksonVersion() {
        String core = com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString();
        String databind = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString();
        assertEquals(databind, core, "jackson-core and jackson-databind on the test classpath");
    }
}
