package dev.olbot.examples.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.examples.cli.Olbot;
import dev.olbot.examples.triage.TriageBotProvider;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The emulator page in Debian's headless Chromium, with the triage bot: the client's side, the operator's side, the
 * timeline, the clock, and "save as scenario". Run with {@code -Dolbot.screenshots=DIR} to save the README's screenshots.
 */
class EmulatorBrowserTest {

    private Vertx vertx;
    private Emulator emulator;
    private EmulatorServer server;
    private Browser browser;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        TriageBotProvider triage = new TriageBotProvider();
        emulator = Emulator.start(triage.create(Optional.empty()), triage);
        server = EmulatorServer.start(vertx, emulator, "127.0.0.1", 0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        browser = new Browser();
        browser.driver.get("http://127.0.0.1:" + server.port() + "/");
        browser.awaitText("bot", "triage");
    }

    @AfterEach
    void stop() throws Exception {
        try {
            browser.close();
        } finally {
            server.close();
            emulator.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private void clientWrites(String text) {
        browser.byId("client-input").sendKeys(text);
        browser.byId("client-send").click();
    }

    private void screenshot(String name) throws Exception {
        String dir = System.getProperty("olbot.screenshots");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
        }
    }

    /** The triage walk to a handoff: greeting, "4. Другое", a name; the bot hands the dialog to the line's queue. */
    private void walkToHandoff() {
        clientWrites("здравствуйте");
        browser.awaitText("client-chat", "Выберите тему обращения");
        List<WebElement> buttons = browser.driver.findElements(By.cssSelector("#client-chat .kb-button"));
        assertThat(buttons).extracting(WebElement::getText)
                .containsExactly("1. Купить / подобрать товар", "2. Заказ, доставка, возврат", "3. Оплата и документы", "4. Другое");
        browser.click(By.cssSelector("#client-chat .kb-button[data-button='4']"));
        browser.awaitText("client-chat", "как к вам обращаться");
        clientWrites("Иван");
        browser.awaitText("client-chat", "Соединяю с оператором");
        browser.awaitText("queue", "Client 1");
    }

    @Nested
    class TheClientAndTheOperator {

        @Test
        void aTriageDialogIsHandedOffAcceptedAndFinishedAndTheSavedScenarioPasses(@TempDir Path dir) throws Exception {
            walkToHandoff();
            assertThat(browser.byId("client-chat").getText()).doesNotContain("name: Иван");
            assertThat(browser.byId("operator-chat").getText()).contains("note for the operator").contains("name: Иван");
            assertThat(browser.byId("client-chat").findElements(By.tagName("b"))).isEmpty(); // [b] rendered only in notes
            assertThat(browser.byId("operator-chat").findElement(By.cssSelector(".note b")).getText()).isEqualTo("Другое");
            screenshot("emulator-handoff");

            browser.byId("op-accept").click();
            browser.awaitText("operator-chat", "accepted chat");
            browser.byId("operator-input").sendKeys("Здравствуйте, Иван!");
            browser.byId("operator-send").click();
            browser.awaitText("client-chat", "Здравствуйте, Иван!");
            browser.byId("op-finish").click();
            browser.awaitText("client-chat", "finished session");
            browser.awaitText("state", "\"owner\": \"CLOSED\"");

            browser.byId("filter").sendKeys("imopenlines.");
            String timeline = browser.byId("timeline").getText();
            assertThat(timeline).contains("call imopenlines.bot.session.operator → HTTP 200")
                    .contains("call [operator] imopenlines.operator.answer → HTTP 200")
                    .contains("call [operator] imopenlines.operator.finish → HTTP 200")
                    .contains("call imopenlines.crm.lead.create → HTTP 200")
                    .doesNotContain("imbot.message.add");
            browser.byId("filter").clear();
            browser.byId("filter").sendKeys("x"); // an input event after clear()
            browser.byId("filter").clear();
            browser.byId("show-calls").click();
            assertThat(browser.byId("timeline").getText()).contains("event ONIMBOTJOINCHAT").contains("event ONIMBOTMESSAGEADD")
                    .doesNotContain("call ");
            browser.byId("show-calls").click();
            screenshot("emulator-finished");

            String href = browser.byId("save-scenario").getAttribute("href");
            HttpResponse<String> saved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(saved.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains(".convo"));
            assertThat(saved.body()).contains("#press 4", "#me Иван", "#dialog queue", "#operator accept", "#finished");
            Path file = dir.resolve("saved.convo");
            Files.writeString(file, saved.body());
            assertThat(Olbot.run(new String[] {"scenario", "--bot", "triage", file.toString()})).isZero();
        }

        @Test
        void theOperatorHandsTheDialogBackToTheBot() throws Exception {
            walkToHandoff();
            browser.byId("op-accept").click();
            browser.awaitText("operator-chat", "accepted chat");
            browser.byId("op-handback").click();
            browser.awaitText("operator-chat", "back to bot");
            browser.awaitText("state", "\"owner\": \"BOT\"");
        }

        @Test
        void aRefusedActionShowsThePlatformsErrorInOneLine() {
            walkToHandoff();
            browser.byId("op-line").sendKeys("99");
            browser.byId("op-transfer-line").click();
            browser.waitUpTo(20).until(d -> !browser.byId("error").getText().isEmpty());
            assertThat(browser.byId("error").getText()).startsWith("imopenlines.operator.transfer: ").doesNotContain("\n");
        }
    }

    @Nested
    class SeveralDialogsAndTheClock {

        @Test
        void aSecondClientHasItsOwnDialogAndTheClockMovesOnRequest() throws Exception {
            clientWrites("здравствуйте");
            browser.awaitText("client-chat", "Выберите тему обращения");
            String before = browser.byId("clock").getText();
            browser.byId("new-client").click();
            browser.awaitText("tabs", "Client 2");
            clientWrites("добрый день");
            browser.awaitText("client-chat", "Здравствуйте, Client!");
            assertThat(browser.byId("client-chat").getText()).contains("добрый день").doesNotContain("здравствуйте");
            browser.byId("wait-10m").click();
            browser.waitUpTo(20).until(d -> !browser.byId("clock").getText().equals(before));
            assertThat(browser.byId("clock").getText()).contains("09:10");
            screenshot("emulator-two-dialogs");
        }
    }
}
