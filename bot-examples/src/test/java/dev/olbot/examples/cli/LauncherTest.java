package dev.olbot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LauncherTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int olbot(String input, String... args) {
        CommandLine cmd = Olbot.commandLine(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static final String PING_SCENARIO = "#scenario ping answers pong\n#me hello\n#bot Ping bot here.\n#bot Say ping.\n"
            + "#me ping\n#bot pong\n";

    @Nested
    class YourOwnBot {

        @Test
        void chatRunsABotGivenByItsProviderClass() {
            int code = olbot("ping\n", "chat", "--bot", PingBot.class.getName());

            assertThat(err.toString()).isEmpty();
            assertThat(code).isZero();
            assertThat(out.toString()).contains("* pingbot bot on the embedded Bitrix24 account", "you: ping", "bot: Ping bot here.",
                    "bot: pong");
        }

        @Test
        void chatGivesTheBotItsOwnConfigFile() throws IOException {
            Path config = file("ping.txt", "PONG!");

            int code = olbot("ping\n", "chat", "--bot", PingBot.class.getName(), "--bot-config", config.toString());

            assertThat(code).isZero();
            assertThat(out.toString()).contains("bot: PONG!");
        }

        @Test
        void scenarioRunsFilesAgainstABotGivenByItsProviderClass() throws IOException {
            Path convo = file("ping.convo", PING_SCENARIO);

            int code = olbot("", "scenario", "--bot", PingBot.class.getName(), convo.toString());

            assertThat(err.toString()).isEmpty();
            assertThat(out.toString()).contains("PASS ping answers pong", "1 passed, 0 failed");
            assertThat(code).isZero();
        }

        @Test
        void scenarioReportsAFailureOfYourBotWithExitCodeOne() throws IOException {
            Path convo = file("ping.convo", PING_SCENARIO.replace("#bot pong", "#bot pang"));

            int code = olbot("", "scenario", "--bot", PingBot.class.getName(), convo.toString());

            assertThat(out.toString()).contains("FAIL ping answers pong", "0 passed, 1 failed");
            assertThat(code).isEqualTo(1);
        }

        @Test
        void aTeamsOwnMainKnowsItsBotByName() {
            CommandLine cmd = Olbot.commandLine(new ByteArrayInputStream("ping\n".getBytes(StandardCharsets.UTF_8)), new PingBot() {
                @Override
                public String name() {
                    return "ping";
                }
            });
            cmd.setOut(new PrintWriter(out, true));

            assertThat(cmd.execute("chat", "ping")).isZero();
            assertThat(out.toString()).contains("* ping bot on", "bot: pong");
        }

        @Test
        void aJarListingOneProviderNeedsNoBotName() throws IOException {
            Path jar = dir.resolve("ping-bot.jar");
            try (OutputStream f = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(f)) {
                j.putNextEntry(new JarEntry("META-INF/services/dev.olbot.bot.BotProvider"));
                j.write(("# the team's bot\n" + PingBot.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }

            int code = olbot("ping\n", "chat", "--jar", jar.toString());

            assertThat(err.toString()).isEmpty();
            assertThat(code).isZero();
            assertThat(out.toString()).contains("bot: pong");
        }

        @Test
        void chatLetsTheOperatorTransferTheDialogToAnotherLine() {
            int code = olbot("привет\n4\nИван\n/operator accept\n/operator transfer line 3\n", "chat", "triage");

            assertThat(code).isZero();
            assertThat(out.toString()).contains("transferred chat100 to the queue of line 3");
        }

        @Test
        void chatNamesWhatTheOperatorCanDoWhenTheActionIsUnknown() {
            int code = olbot("привет\n/operator transfer line zero\n/operator dance\n", "chat", "triage");

            assertThat(code).isZero();
            assertThat(out.toString())
                    .contains("! /operator transfer line needs a number, got 'zero'")
                    .contains("! /operator takes accept, say TEXT, transfer bot, transfer user N, transfer line N or finish");
        }

        @Test
        void chatNamesWhatItsOwnCommandsNeedInsteadOfSendingThemToTheBot() {
            int code = olbot("привет\n/press\n/press abc\n/press 99999999999\n/wait\n/operator\n", "chat", "triage");

            assertThat(code).isZero();
            assertThat(out.toString())
                    .contains("! /press needs a button number, e.g. /press 1")
                    .contains("! /press needs a button number, got 'abc'")
                    .contains("! /press needs a button number, got '99999999999'")
                    .contains("! /wait needs a duration, e.g. /wait 10m (s, m, h, d)")
                    .contains("! /operator takes accept, say TEXT, transfer bot, transfer user N, transfer line N or finish")
                    .doesNotContain("For input string")
                    .doesNotContain("Connecting you to an operator"); // "/operator" alone was the client's message
        }

        @Test
        void theShippedBotsAreFoundTheSameWay() {
            int code = olbot("delivery\n", "chat", "--bot", "quickstart");

            assertThat(code).isZero();
            assertThat(out.toString()).contains("bot: We deliver in 1–3 days.");
        }
    }

    @Nested
    class Mistakes {

        @org.junit.jupiter.params.ParameterizedTest(name = "olbot {0}")
        @org.junit.jupiter.params.provider.CsvSource(delimiterString = " => ", value = {
            "bench ingress --seconds 0 => olbot bench ingress: seconds must be > 0, connections, rate and rounds >= 1",
            "bench journal --rounds 0 => olbot bench journal: seconds must be > 0, connections, rate and rounds >= 1",
            "bench journal --seconds -1 => olbot bench journal: seconds must be > 0, connections, rate and rounds >= 1",
            "bench state --dialogs -1 => olbot bench state: dialogs must be >= 1",
            "bench redis --threads 0 => olbot bench redis: dialogs and threads must be >= 1",
            "bench hostile --connections 0 => olbot bench hostile: requests and connections must be >= 1",
            "bench sustained --rates 0 => olbot bench sustained: --rates: every rate must be >= 1",
            "portal --port -1 => olbot portal: --port: expected 0..65535 (0 = any free port), was -1",
            "portal --port 99999 => olbot portal: --port: expected 0..65535 (0 = any free port), was 99999",
            "emulator triage --port 70000 => olbot emulator: --port: expected 0..65535 (0 = any free port), was 70000",
            "webchat triage --port -2 => olbot webchat: --port: expected 0..65535 (0 = any free port), was -2",
            "inspect / => olbot inspect: file / is a folder, not a file",
            "chat faq --bot-config / => olbot chat: bot config file / is a folder, not a file",
        })
        void aSizePortOrFileThatCannotBeIsOneLineNamingIt(String args, String message) {
            // before: NegativeArraySizeException, a run of 0 rounds that printed nothing, "(no message)", 4.8 billion requests/s;
            // port -1 and -2 listened on a random port, 99999 was "not free: port p must be < 65535" (exit 3), 70000 "port p must
            // be < 65535"; a folder "does not exist"
            int code = olbot("", args.split(" "));

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).isEqualTo(message + "\n");
        }

        @Test
        void anUnknownBotNameIsOneLineListingTheKnownBots() {
            int code = olbot("", "chat", "pizza");

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("olbot chat: unknown bot 'pizza': known bots are faq, triage, quickstart;"
                    + " or give a class with --bot com.acme.YourBotProvider\n");
            assertThat(out.toString()).isEmpty();
        }

        @Test
        void aMisspelledBotNameGetsTheNearestOne() {
            int code = olbot("", "chat", "fqa");

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).startsWith("olbot chat: unknown bot 'fqa': did you mean 'faq'? known bots are faq, triage,");
        }

        @Test
        void aClassThatIsNotABotProviderIsNamed() {
            int code = olbot("", "scenario", "--bot", "java.lang.String", "x.convo");

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("olbot scenario: bot class java.lang.String does not implement dev.olbot.bot.BotProvider\n");
        }

        @Test
        void aMissingBotConfigFileIsOneLine() {
            int code = olbot("", "chat", "faq", "--bot-config", "missing.yaml");

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("olbot chat: bot config file missing.yaml does not exist\n");
        }

        @Test
        void aBrokenBotConfigIsOneLineNamingTheBot() throws IOException {
            Path empty = file("ping.txt", " ");

            int code = olbot("", "chat", "--bot", PingBot.class.getName(), "--bot-config", empty.toString());

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("olbot chat: bot 'pingbot' cannot start: " + empty + ": the answer is empty\n");
        }

        @Test
        void theStackTraceComesOnlyWithVerbose() throws IOException {
            Path empty = file("ping.txt", " ");

            olbot("", "chat", "--bot", PingBot.class.getName(), "--bot-config", empty.toString(), "--verbose");

            assertThat(err.toString().lines().count()).isGreaterThan(5);
            assertThat(err.toString()).contains("at dev.olbot.examples.cli.PingBot.create");
        }

        @Test
        void theOldConfigFlagPointsToTheTwoNewOnes() {
            int code = olbot("", "chat", "faq", "--config", "kb.yaml");

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("olbot chat: --config is gone: use --bot-config FILE for the bot's own config"
                    + " (serve: --properties FILE for OLBOT_* settings)\n");
        }

        @Test
        void anUnknownOptionIsOneLinePointingToHelp() {
            int code = olbot("", "chat", "--bog", "faq");

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("olbot chat: Unknown option: '--bog' (see 'olbot chat --help')\n");
        }

        @Test
        void aMissingScenarioFileIsAUsageError() {
            int code = olbot("", "scenario", "--bot", "faq", dir.resolve("nothing.convo").toString());

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("olbot scenario: scenario file " + dir.resolve("nothing.convo") + " does not exist\n");
        }

        @Test
        void serveNamesTheNearestKeyForATypoInTheProperties() throws IOException {
            Path props = file("olbot.properties", "olbot.publc.url=https://bot.example.com/events\n");

            int code = olbot("", "serve", "faq", "--properties", props.toString());

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("olbot serve: unknown key 'olbot.publc.url' in " + props
                    + ": did you mean 'olbot.public.url'?\n");
        }

        @Test
        void serveNamesOlbotPortWhenThePortIsTakenAndExitsWithThree() throws IOException {
            try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Path props = file("olbot.properties", "olbot.public.url=https://bot.example.com/events\nolbot.client.id=app\n"
                        + "olbot.client.secret=secret\nolbot.host=127.0.0.1\nolbot.port=" + taken.getLocalPort()
                        + "\nolbot.data.dir=" + dir.resolve("data") + "\n");

                int code = olbot("", "serve", "faq", "--properties", props.toString());

                assertThat(code).isEqualTo(3);
                assertThat(err.toString()).isEqualTo("olbot serve: port " + taken.getLocalPort() + " on 127.0.0.1 is already in use:"
                        + " set OLBOT_PORT to a free port (0 picks any)\n");
            }
        }

        @Test
        void serveStopsOnABrokenBotConfigInsteadOfStartingTheShippedOne() throws IOException {
            Path props = file("olbot.properties", "olbot.public.url=https://bot.example.com/events\nolbot.client.id=app\n"
                    + "olbot.client.secret=secret\nolbot.port=0\nolbot.data.dir=" + dir.resolve("data") + "\n");
            Path kb = file("kb.yaml", "entries: [ {id: x");

            int code = olbot("", "serve", "faq", "--properties", props.toString(), "--bot-config", kb.toString());

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).startsWith("olbot serve: bot 'faq' cannot start: " + kb + ":1:18: not valid YAML: expected ',' or '}', but got <stream end>");
            assertThat(err.toString().lines().count()).isOne();
        }
    }
}
