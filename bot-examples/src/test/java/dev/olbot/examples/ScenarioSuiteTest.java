package dev.olbot.examples;

import static dev.olbot.testkit.scenario.TextMatch.contains;

import dev.olbot.testkit.scenario.BotTestKit;
import dev.olbot.testkit.scenario.Scenario;
import dev.olbot.testkit.scenario.ScenarioTests;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The example bots' scenario suites: every file under {@code src/test/scenarios/<bot>} runs as a
 * test on the embedded fake account, and a few of the same conversations are written in the Java DSL.
 */
class ScenarioSuiteTest {

    @TestFactory
    Stream<DynamicTest> faqScenarioFiles() {
        return ScenarioTests.from(Path.of("src/test/scenarios/faq"), () -> BotTestKit.start(ExampleBots.FAQ.embedded(null)));
    }

    @TestFactory
    Stream<DynamicTest> triageScenarioFiles() {
        return ScenarioTests.from(Path.of("src/test/scenarios/triage"),
                () -> BotTestKit.start(ExampleBots.TRIAGE.embedded(null)));
    }

    @Nested
    class InTheJavaDsl {

        @Test
        void faqAnswersThenClosesTheChatOnThanks() {
            try (BotTestKit kit = BotTestKit.start(ExampleBots.FAQ.embedded(null))) {
                kit.run(Scenario.named("faq: answer, thanks, close")
                        .clientSays("привет").expectReply(contains("Задайте вопрос"))
                        .expectKeyboard("Сколько идёт доставка?", "Где мой заказ?", "Какие способы оплаты?", "Как вернуть товар?")
                        .clientSays("сколько стоит доставка").expectReply(contains("390 ₽"))
                        .clientSays("спасибо").expectReply(contains("Можно закрыть чат?"))
                        .clientPresses(1).expectReply(contains("Спасибо за обращение"))
                        .expectFinished()
                        .build()).assertPassed();
            }
        }

        @Test
        void triageSalesGetsALeadAndTheSalesLineThenTheOperatorFinishes() {
            try (BotTestKit kit = BotTestKit.start(ExampleBots.TRIAGE.embedded(null))) {
                kit.run(Scenario.named("triage: sales to line 3, operator finishes")
                        .clientSays("добрый день").expectReply(contains("Здравствуйте, Client!"))
                        .expectReply(contains("Выберите тему обращения"))
                        .clientPresses(1).expectReply(contains("Вас зовут"))
                        .clientSays("Анна").expectReply(contains("Ваш номер телефона"))
                        .clientSays("+7 (999) 123-45-67").expectReply(contains("Передаю вас в отдел продаж"))
                        .expectReply(contains("phone: +79991234567"))
                        .expectLeadCreated().expectDialogWithLine(3)
                        .operatorAccepts().operatorSays("Анна, добрый день!")
                        .timePasses(Duration.ofMinutes(10)).expectNoReply()
                        .operatorFinishes().expectFinished()
                        .build()).assertPassed();
            }
        }
    }
}
