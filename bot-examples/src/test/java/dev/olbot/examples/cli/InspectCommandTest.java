package dev.olbot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InspectCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int olbot(String... args) {
        CommandLine cmd = Olbot.commandLine(System.in);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** An open-line message of a webhook-registered bot, exactly as on the wire (REFERENCE §5.1 [CAP-2], shortened). */
    private static final String OPEN_LINE_FORM = "# captured 2024-03\n"
            + "event=ONIMBOTMESSAGEADD&data%5BBOT%5D%5B10%5D%5BBOT_ID%5D=10"
            + "&data%5BBOT%5D%5B10%5D%5BBOT_CODE%5D=Avatarex+AI+Assistant"
            + "&data%5BPARAMS%5D%5BMESSAGE%5D=sdfdsf&data%5BPARAMS%5D%5BCHAT_ID%5D=6"
            + "&data%5BPARAMS%5D%5BMESSAGE_TYPE%5D=L&data%5BPARAMS%5D%5BCHAT_ENTITY_TYPE%5D=LINES"
            + "&data%5BPARAMS%5D%5BCHAT_ENTITY_ID%5D=telegrambot%7C2%7C1398715343%7C12"
            + "&data%5BPARAMS%5D%5BCHAT_ENTITY_DATA_1%5D=Y%7CDEAL%7C2%7CN%7CN%7C2%7C1710321390%7C0%7C0%7C0"
            + "&data%5BPARAMS%5D%5BCHAT_ENTITY_DATA_2%5D=LEAD%7C0%7CCOMPANY%7C0%7CCONTACT%7C2%7CDEAL%7C2"
            + "&data%5BPARAMS%5D%5BDIALOG_ID%5D=chat6&data%5BPARAMS%5D%5BMESSAGE_ID%5D=34&data%5BPARAMS%5D%5BAUTHOR_ID%5D=12"
            + "&data%5BUSER%5D%5BID%5D=12&data%5BUSER%5D%5BNAME%5D=%5BDev%5D+Oleg+Pashchenko&data%5BUSER%5D%5BIS_CONNECTOR%5D=Y"
            + "&ts=1710322800&auth%5Bdomain%5D=b24-diyu7k.bitrix24.ru&auth%5Bmember_id%5D=d03787b18442c698df6be629654747c0"
            + "&auth%5Bapplication_token%5D=952734\n";

    @Nested
    class Decodable {

        @Test
        void printsOpenLineIdentityOfAWireFormBody() throws IOException {
            int code = olbot("inspect", file("capture.txt", OPEN_LINE_FORM).toString());

            assertThat(code).isZero();
            assertThat(err.toString()).isEmpty();
            assertThat(out.toString()).contains(
                    "kind: MessageAdded\n", "event: ONIMBOTMESSAGEADD\n", "api version: V1\n",
                    "portal domain: b24-diyu7k.bitrix24.ru\n", "portal member id: d03787b18442c698df6be629654747c0\n",
                    "bot id: 10\n", "bot code: Avatarex AI Assistant\n", "dialog id: chat6\n", "chat id: 6\n",
                    "message id: 34\n", "author id: 12\n", "author name: [Dev] Oleg Pashchenko\n",
                    "author is: client (open-line connector user)\n", "text: sdfdsf\n", "open line: yes\n",
                    "connector: telegrambot\n", "line id: 2\n", "connector chat id: 1398715343\n",
                    "connector user id: 12\n", "session id: 2\n", "crm: DEAL 2 (saved); LEAD=0, COMPANY=0, CONTACT=2, DEAL=2\n",
                    "author auth tokens: no\n", "bot auth tokens: no\n", "application token: present\n");
        }

        @Test
        void printsAJsonRenderingWithoutTokenValues() throws IOException {
            String json = "# SOURCE: docs\n{\"event\":\"ONIMCOMMANDADD\",\"data\":{\"COMMAND\":{\"103\":{"
                    + "\"access_token\":\"SECRET-BOT-TOKEN\",\"BOT_ID\":\"1291\",\"BOT_CODE\":\"BOT_GM\",\"COMMAND\":\"echo\","
                    + "\"COMMAND_ID\":\"103\",\"COMMAND_PARAMS\":\"test\",\"COMMAND_CONTEXT\":\"KEYBOARD\",\"MESSAGE_ID\":\"33899\"}},"
                    + "\"PARAMS\":{\"MESSAGE\":\"/echo test\",\"DIALOG_ID\":\"1269\",\"TO_CHAT_ID\":\"2737\",\"MESSAGE_ID\":\"33899\"},"
                    + "\"USER\":{\"ID\":\"1269\",\"NAME\":\"John Smith\"}},"
                    + "\"auth\":{\"access_token\":\"SECRET-USER-TOKEN\",\"refresh_token\":\"SECRET-REFRESH\",\"domain\":\"d.bitrix24.com\"}}";

            int code = olbot("inspect", file("command.json", json).toString());

            assertThat(code).isZero();
            assertThat(out.toString()).contains("kind: CommandInvoked\n", "command: echo test [KEYBOARD]\n",
                    "chat id: 2737\n", "author is: employee\n", "author auth tokens: yes (access + refresh)\n",
                    "bot auth tokens: yes (access)\n", "application token: absent\n");
            assertThat(out.toString()).doesNotContain("SECRET");
        }

        @Test
        void showsHelp() {
            assertThat(olbot("inspect", "--help")).isZero();
            assertThat(out.toString()).contains("Usage: olbot inspect", "FILE");
        }
    }

    @Nested
    class Undecodable {

        @Test
        void failsWithOneLineReasonOnAMalformedBody() throws IOException {
            int code = olbot("inspect", file("broken.txt", "event=ONIMBOTMESSAGEADD&data[PARAMS][MESSAGE]=%zz").toString());

            assertThat(code).isEqualTo(1);
            assertThat(out.toString()).isEmpty();
            assertThat(err.toString()).startsWith("olbot inspect: " + dir.resolve("broken.txt") + " is not a Bitrix24 event:"
                    + " neither JSON nor a form body (event=...&data[...]=...&auth[...]=...): ")
                    .doesNotContain("URLDecoder", "Exception").hasLineCount(1);
        }

        @Test
        void failsWithOneLineReasonOnAGarbageMessageId() throws IOException {
            int code = olbot("inspect", file("garbage.json",
                    "{\"event\":\"ONIMBOTMESSAGEADD\",\"data\":{\"BOT\":{\"7\":{\"BOT_ID\":\"7\"}},"
                            + "\"PARAMS\":{\"DIALOG_ID\":\"5\",\"MESSAGE_ID\":\"x\"}}}").toString());

            assertThat(code).isNotZero();
            assertThat(err.toString()).contains("data[PARAMS][MESSAGE_ID] is not a number: 'x'").hasLineCount(1);
        }

        @Test
        void failsOnAMissingFile() {
            int code = olbot("inspect", dir.resolve("nope.txt").toString());

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("olbot inspect: file " + dir.resolve("nope.txt") + " does not exist\n");
        }

        @Test
        void pointsToEventWhenTheFileHoldsOnlyTheData() throws IOException {
            int code = olbot("inspect", file("data.json", V2_MESSAGE_DATA).toString());

            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("olbot inspect: " + dir.resolve("data.json") + " is not a Bitrix24 event:"
                    + " it has no 'event' field; if it holds only the event's data, name the event with --event,"
                    + " e.g. --event ONIMBOTV2MESSAGEADD\n");
        }

        @Test
        void refusesEventForAWholeEvent() throws IOException {
            int code = olbot("inspect", "--event", "ONIMBOTMESSAGEADD", file("capture.txt", "{\"event\":\"ONIMBOTMESSAGEADD\",\"data\":{}}").toString());

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).endsWith("is a whole event (it has 'event' and 'data'): drop --event\n");
        }
    }

    /** The "data" of ONIMBOTV2MESSAGEADD as the Chatbots 2.0 docs show it (bitrix24/b24restdocs, imbot.v2 events, shortened). */
    private static final String V2_MESSAGE_DATA = "{\"bot\": {\"id\": 456, \"code\": \"support_bot\", \"type\": \"bot\"},"
            + " \"message\": {\"id\": 789, \"chatId\": 5, \"authorId\": 1, \"text\": \"Hello bot!\"},"
            + " \"chat\": {\"id\": 5, \"dialogId\": \"chat5\", \"type\": \"chat\"},"
            + " \"user\": {\"id\": 1, \"name\": \"John Smith\", \"bot\": false, \"connector\": false},"
            + " \"language\": \"en\"}";

    @Nested
    class BareData {

        @Test
        void decodesTheDataOfAChatbots2EventNamedWithEvent() throws IOException {
            int code = olbot("inspect", "--event", "ONIMBOTV2MESSAGEADD", file("data.json", V2_MESSAGE_DATA).toString());

            assertThat(err.toString()).isEmpty();
            assertThat(code).isZero();
            assertThat(out.toString()).contains("kind: MessageAdded\n", "event: ONIMBOTV2MESSAGEADD\n", "api version: V2\n",
                    "bot id: 456\n", "dialog id: chat5\n", "message id: 789\n", "author name: John Smith\n", "text: Hello bot!\n");
        }
    }
}
