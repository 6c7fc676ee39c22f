package dev.olbot.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code olbot portal} and {@code olbot serve} as two processes, wired only by what the portal prints. */
class PortalAndServeTest {

    /**
     * The shipped triage config, open around the clock: {@code olbot serve} reads the wall clock, and the
     * shipped hours (Moscow, 9–20 on weekdays) would make these walks fail every evening.
     */
    static Path triageOpenAllDay(Path dir) throws Exception {
        String shipped;
        try (var in = PortalAndServeTest.class.getResourceAsStream("/triage/triage.yaml")) {
            shipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String allDay = shipped.replaceAll("\"\\d\\d:\\d\\d-\\d\\d:\\d\\d\"|closed", "\"00:00-24:00\"");
        assertThat(allDay).doesNotContain("09:00-20:00");
        return java.nio.file.Files.writeString(dir.resolve("triage-all-day.yaml"), allDay);
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Nested
    class EndToEnd {

        @Test
        void serveInstallsRegistersAndAnswersAClientOfThePortal(@TempDir Path data) throws Exception {
            walk(data, "v1", "bot TechMarket \\(#\\d+, triage_bot, TYPE=O, OPENLINE=Y\\) registered");
        }

        @Test
        void aChatbots2BotDoesTheSame(@TempDir Path data) throws Exception {
            walk(data, "v2", "bot TechMarket \\(#\\d+, triage_bot, .*\\) registered");
        }

        private void walk(Path data, String api, String registered) throws Exception {
            try (OlbotProcess portal = new OlbotProcess(Map.of("OLBOT_LOG", "WARN"), "portal", "--port", "0")) {
                String base = portal.await("a local Bitrix24 portal at (http://127\\.0\\.0\\.1:\\d+)");
                String clientId = portal.await("OLBOT_CLIENT_ID=(\\S+)");
                String secret = portal.await("OLBOT_CLIENT_SECRET=(\\S+)");
                String oauth = portal.await("OLBOT_OAUTH_SERVER=(\\S+)");
                assertThat(oauth).isEqualTo(base + "/");
                int port = freePort();
                String url = "http://127.0.0.1:" + port + "/bitrix/events";
                try (OlbotProcess serve = new OlbotProcess(Map.of("OLBOT_CLIENT_ID", clientId, "OLBOT_CLIENT_SECRET", secret,
                        "OLBOT_OAUTH_SERVER", oauth, "OLBOT_PUBLIC_URL", url, "OLBOT_HOST", "127.0.0.1", "OLBOT_API", api,
                        "OLBOT_PORT", Integer.toString(port), "OLBOT_DATA_DIR", data.toString()), "serve", "triage",
                        "--bot-config", triageOpenAllDay(data).toString())) {
                    serve.await("events at " + url);

                    portal.type("install " + url);
                    portal.await(registered);
                    portal.await("\\* app installed; bot (\\d+) is the chatbot of line 1");
                    portal.type("say здравствуйте");
                    portal.await("bot [^:]*: (Здравствуйте, Anna!)");
                    portal.await("bot [^:]*: (Выберите тему обращения)");
                    portal.type("say 0");
                    portal.await("(chat\\d+ moved to the queue of line 1)");
                    portal.type("accept");
                    portal.await("(operator Olga Operator \\(#\\d+\\) accepted chat\\d+)");

                    assertThat(portal.output()).containsOnlyOnce(secret); // in the banner only
                    portal.type("quit");
                    assertThat(portal.waitFor()).isZero();
                }
            }
        }
    }

    @Nested
    class SavedState {

        @Test
        void aPortalStartedAgainFromItsFileLetsServeContinueTheDialog(@TempDir Path data) throws Exception {
            Path file = data.resolve("portal.json");
            int port = freePort();
            String url = "http://127.0.0.1:" + port + "/bitrix/events";
            String base;
            String clientId;
            String secret;
            OlbotProcess serve = null;
            try (OlbotProcess portal = new OlbotProcess(Map.of("OLBOT_LOG", "WARN"), "portal", "--port", "0", "--state", file.toString())) {
                base = portal.await("a local Bitrix24 portal at (http://127\\.0\\.0\\.1:\\d+)");
                portal.await("state +(.*portal\\.json  \\(new; saved on 'save' and on quit\\))");
                clientId = portal.await("OLBOT_CLIENT_ID=(\\S+)");
                secret = portal.await("OLBOT_CLIENT_SECRET=(\\S+)");
                serve = new OlbotProcess(Map.of("OLBOT_CLIENT_ID", clientId, "OLBOT_CLIENT_SECRET", secret,
                        "OLBOT_OAUTH_SERVER", base + "/", "OLBOT_PUBLIC_URL", url, "OLBOT_HOST", "127.0.0.1",
                        "OLBOT_PORT", Integer.toString(port), "OLBOT_DATA_DIR", data.resolve("bot").toString()), "serve", "triage",
                        "--bot-config", triageOpenAllDay(data).toString());
                serve.await("events at " + url);
                portal.type("install " + url);
                portal.await("\\* app installed; bot (\\d+) is the chatbot of line 1");
                portal.type("say здравствуйте");
                portal.await("bot [^:]*: (Выберите тему обращения)");
                portal.type("quit");
                portal.await("\\* state saved to .*portal\\.json \\((1 bot, 1 chat, app installed)\\)");
                assertThat(portal.waitFor()).isZero();
            }
            try (OlbotProcess bot = serve;
                 OlbotProcess again = new OlbotProcess(Map.of("OLBOT_LOG", "WARN"), "portal", "--state", file.toString())) {
                assertThat(again.await("a local Bitrix24 portal at (http://127\\.0\\.0\\.1:\\d+)")).isEqualTo(base);
                again.await("state +.*portal\\.json  \\(loaded: (1 bot, 1 chat, app installed)\\)");
                assertThat(again.await("OLBOT_CLIENT_ID=(\\S+)")).isEqualTo(clientId);

                again.type("say 1");

                again.await("bot [^:]*: (Вас зовут Anna, верно\\?)");
                assertThat(again.output()).doesNotContain("session 1001").doesNotContain("Здравствуйте, Anna!");
                again.type("quit");
                assertThat(again.waitFor()).isZero();
            }
        }
    }

    @Nested
    class Saving {

        @Test
        void saveWritesTheFileAtOnceAndSigtermSavesWhatCameAfter(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("portal.json");
            OlbotProcess portal = new OlbotProcess(Map.of("OLBOT_LOG", "WARN"), "portal", "--port", "0", "--state", file.toString());
            try (portal) {
                portal.await("(Then type here)");
                portal.type("client Boris Bystrov");
                portal.type("save");
                portal.await("(\\* state saved to .*portal\\.json \\(0 bots, 0 chats, app not installed\\))");
                assertThat(file).content().contains("\"format\" : 1").contains("Boris Bystrov").doesNotContain("Vera Volkova");
                portal.type("client Vera Volkova");
                portal.await("(\\* new client Vera Volkova)");
            }
            assertThat(file).content().contains("Vera Volkova");
        }
    }

    @Nested
    class Mistakes {

        @Test
        void aBrokenStateFileIsOneLineNamingTheFieldAndExitCodeTwo(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("portal.json");
            java.nio.file.Files.writeString(file, "{\"format\": 2}");
            try (OlbotProcess portal = new OlbotProcess(Map.of(), "portal", "--port", "0", "--state", file.toString())) {
                assertThat(portal.waitFor()).isEqualTo(2);
                assertThat(portal.output().strip())
                        .isEqualTo("olbot portal: " + file + ": format: 2 is not supported (this OLBot reads format 1)");
            }
        }

        @Test
        void aTakenPortIsOneLineAndExitCodeThree() throws Exception {
            try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                 OlbotProcess portal = new OlbotProcess(Map.of(), "portal", "--port", Integer.toString(taken.getLocalPort()))) {
                assertThat(portal.waitFor()).isEqualTo(3);
                assertThat(portal.output().strip()).startsWith("olbot portal: port " + taken.getLocalPort() + " on 127.0.0.1 is not free")
                        .doesNotContain("\n\tat ");
            }
        }

        @Test
        void anUnknownRatePlanIsAUsageError() throws Exception {
            try (OlbotProcess portal = new OlbotProcess(Map.of(), "portal", "--port", "0", "--rate", "fast")) {
                assertThat(portal.waitFor()).isEqualTo(2);
                assertThat(portal.output()).contains("--rate takes standard, enterprise or off, not 'fast'");
            }
        }
    }
}
