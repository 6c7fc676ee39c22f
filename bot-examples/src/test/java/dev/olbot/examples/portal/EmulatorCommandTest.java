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

    @Test
    void runsATeamsOwnBotGivenByClass() throws Exception {
        try (OlbotProcess emulator = new OlbotProcess(Map.of(), "emulator", "--bot", "dev.olbot.examples.server.SlowEchoBot",
                "--port", "0")) {
            String url = emulator.await("olbot emulator: \\S+ bot at (http://127\\.0\\.0\\.1:\\d+/)");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> said = http.send(HttpRequest.newBuilder(URI.create(url + "api/say"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"dialog\":0,\"text\":\"ping\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(said.statusCode()).isEqualTo(200);
            String state = http.send(HttpRequest.newBuilder(URI.create(url + "api/state")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(state).contains("\"text\":\"echo: ping\"");
            emulator.type("quit");
            assertThat(emulator.waitFor()).isZero();
        }
    }
}
