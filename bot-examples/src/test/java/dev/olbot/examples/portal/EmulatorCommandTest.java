package dev.olbot.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code olbot emulator} as a process: it prints its URL, serves the page from the jar's resources, and stops on quit. */
class EmulatorCommandTest {

    @Test
    void servesThePageOfTheChosenBotAndStopsOnQuit() throws Exception {
        try (OlbotProcess emulator = new OlbotProcess(Map.of(), "emulator", "faq", "--port", "0")) {
            String url = emulator.await("olbot emulator: faq bot at (http://127\\.0\\.0\\.1:\\d+/)");
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("<title>OLBot emulator</title>");
            emulator.type("quit");
            assertThat(emulator.waitFor()).isZero();
        }
    }
}
