package dev.olbot.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Classic bot and application events, decoded from their exact wire bodies. */
class V1EventDecodingTest {

    private static final String PORTAL = "bac1cd5c8940947a75e0d71b1a84e348";

    private final EventDecoder decoder = EventDecoder.create();

    private BotEvent wire(String name) {
        return decoder.decode("application/x-www-form-urlencoded", Payloads.wireForm(Payloads.map(name)));
    }

    @Nested
    class MessageAdd {

        @Test
        void decodesPersonalMessageWithTypedFields() {
            MessageAdded e = (MessageAdded) wire("ONIMBOTMESSAGEADD-1.txt");

            assertThat(e.meta().type()).isEqualTo("ONIMBOTMESSAGEADD");
            assertThat(e.meta().version()).isEqualTo(ApiVersion.V1);
            assertThat(e.meta().handlerId()).contains("403");
            assertThat(e.meta().ts()).contains(Instant.ofEpochSecond(1771928985));
            assertThat(e.meta().portal()).isEqualTo(new Portal("some-domain.bitrix24.com", PORTAL,
                    "https://some-domain.bitrix24.com/rest/", "https://oauth.bitrix.info/rest/"));
            assertThat(e.bot().id()).isEqualTo(567);
            assertThat(e.bot().code()).isEqualTo("BOT1");
            assertThat(e.dialog().dialogId()).isEqualTo("27");
            assertThat(e.dialog().chatId()).contains(1407L);
            assertThat(e.dialog().type()).isEqualTo(ChatType.PRIVATE);
            assertThat(e.dialog().isOpenLine()).isFalse();
            assertThat(e.message()).isEqualTo(new Message(84331, "Hello", Optional.empty(), 27, false,
                    Optional.of("en"), Optional.of("TEXTAREA")));
            assertThat(e.user().id()).isEqualTo(27);
            assertThat(e.user().name()).isEqualTo("Svetlana Ivanova");
            assertThat(e.user().firstName()).contains("Svetlana");
            assertThat(e.user().connector()).isFalse();
            assertThat(e.dedupeKey()).contains(PORTAL + "/ONIMBOTMESSAGEADD/567/84331");
            assertThat(e.laneKey()).isEqualTo(PORTAL + "/27");
        }

        @Test
        void keepsAuthorCredentialsApartFromTheBotCredentials() {
            MessageAdded e = (MessageAdded) wire("ONIMBOTMESSAGEADD-1.txt");

            assertThat(e.meta().auth().userId()).contains(27L);
            assertThat(e.meta().auth().accessToken()).contains("a98b9d690000071b000008440000001b0000071d8a2");
            assertThat(e.meta().auth().refreshToken()).isPresent();
            assertThat(e.meta().auth().expiresIn()).contains(3600);
            assertThat(e.bot().auth().userId()).contains(567L);
            assertThat(e.bot().auth().accessToken()).contains("a98b9d690000071b0000084400000237f0f107589d1e");
            assertThat(e.bot().auth().clientId()).contains("a7eff906dd1d950269258a599214f69e");
            assertThat(e.bot().auth().expires()).contains(Instant.ofEpochSecond(1771932585));
        }

        @Test
        void credentialsNeverPrintTokenValues() {
            MessageAdded e = (MessageAdded) wire("ONIMBOTMESSAGEADD-1.txt");

            assertThat(e.toString()).doesNotContain("a98b9d690000071b", "990ac569", "831c76b092f9f135");
            assertThat(e.bot().auth().toString()).contains("accessToken=***");
        }

        @Test
        void decodesGroupMessageWithChatIdTitleAndMention() {
            MessageAdded e = (MessageAdded) wire("ONIMBOTMESSAGEADD-2.txt");

            assertThat(e.dialog().dialogId()).isEqualTo("chat1157");
            assertThat(e.dialog().chatId()).contains(1157L);
            assertThat(e.dialog().type()).isEqualTo(ChatType.GROUP);
            assertThat(e.dialog().title()).contains("Brown Chat #18");
            assertThat(e.dialog().entityType()).contains("THREAD");
            assertThat(e.dialog().entityId()).isEmpty();
            assertThat(e.dialog().openLine()).isEmpty();
            assertThat(e.message().id()).isEqualTo(84351);
            assertThat(e.message().text()).isEqualTo(", how to set up the left menu");
            assertThat(e.message().originalText()).contains("[USER=567]NewBot[/USER] , how to set up the left menu");
            assertThat(e.laneKey()).isEqualTo(PORTAL + "/chat1157");
        }

        @Test
        void takesChatIdFromDialogIdWhenNoChatIdFieldIsSent() {
            Map<String, Object> p = Payloads.map("ONIMBOTMESSAGEADD-2.txt");
            Map<String, Object> params = Values.map(Values.map(p, "data"), "PARAMS");
            params.remove("CHAT_ID");
            params.remove("TO_CHAT_ID");
            params.put("DIALOG_ID", "chat42");

            MessageAdded e = (MessageAdded) decoder.decodeForm(Payloads.wireForm(p));

            assertThat(e.dialog().chatId()).contains(42L);
        }

        @Test
        void ignoresUnknownExtraFields() {
            Map<String, Object> p = Payloads.map("ONIMBOTMESSAGEADD-1.txt");
            Values.map(Values.map(p, "data"), "PARAMS").put("SOME_FLAG_ADDED_IN_2027", Map.of("x", "y"));
            p.put("extra", "1");

            assertThat(decoder.decodeForm(Payloads.wireForm(p))).isInstanceOf(MessageAdded.class);
        }
    }

    @Nested
    class JoinChat {

        @Test
        void decodesPersonalJoinWithTheUserWhoOpenedTheDialog() {
            BotJoined e = (BotJoined) wire("ONIMBOTJOINCHAT-1.txt");

            assertThat(e.bot().id()).isEqualTo(571);
            assertThat(e.bot().code()).isEqualTo("BOT");
            assertThat(e.dialog().dialogId()).isEqualTo("27");
            assertThat(e.dialog().chatId()).isEmpty();
            assertThat(e.user().id()).isEqualTo(27);
            assertThat(e.meta().auth().refreshToken()).isEmpty();
            assertThat(e.dedupeKey()).contains(PORTAL + "/ONIMBOTJOINCHAT/571/27/-/27/1772090839");
        }

        @Test
        void decodesGroupJoin() {
            BotJoined e = (BotJoined) wire("ONIMBOTJOINCHAT-2.txt");

            assertThat(e.dialog().dialogId()).isEqualTo("chat1157");
            assertThat(e.dialog().chatId()).contains(1157L);
            assertThat(e.dialog().type()).isEqualTo(ChatType.GROUP);
        }

        @Test
        void takesTheAddingUserFromParamsWhenTheUserBlockIsMissing() {
            Map<String, Object> p = Payloads.map("ONIMBOTJOINCHAT-2.txt");
            Values.map(p, "data").remove("USER");

            BotJoined e = (BotJoined) decoder.decodeForm(Payloads.wireForm(p));

            assertThat(e.user().id()).isEqualTo(27);
            assertThat(e.user().name()).isEmpty();
        }
    }

    @Nested
    class Commands {

        @Test
        void readsCommandKeyedByCommandIdWithBotInsideTheEntry() {
            CommandInvoked e = (CommandInvoked) wire("ONIMCOMMANDADD-1.txt");

            assertThat(e.command()).isEqualTo(new Command(103, "echo", "test", Command.Context.TEXTAREA));
            assertThat(e.bot().id()).isEqualTo(1291);
            assertThat(e.bot().code()).isEqualTo("BOT_GM");
            assertThat(e.bot().auth().userId()).contains(1291L);
            assertThat(e.meta().auth().userId()).contains(1269L);
            assertThat(e.message().id()).isEqualTo(33899);
            assertThat(e.message().text()).isEqualTo("/echo test");
            assertThat(e.dialog().dialogId()).isEqualTo("1269");
            assertThat(e.dialog().chatId()).contains(2737L);
            assertThat(e.user().name()).isEqualTo("John Smith");
            assertThat(e.dedupeKey()).contains("d897063e1ce7c5eb9f04b9751eef5915/ONIMCOMMANDADD/103/33899");
        }

        @Test
        void decodesKeyboardButtonContext() {
            Map<String, Object> p = Payloads.map("ONIMCOMMANDADD-1.txt");
            Values.map(Values.map(Values.map(p, "data"), "COMMAND"), "103").put("COMMAND_CONTEXT", "KEYBOARD");

            CommandInvoked e = (CommandInvoked) decoder.decodeForm(Payloads.wireForm(p));

            assertThat(e.command().context()).isEqualTo(Command.Context.KEYBOARD);
            assertThat(e.message().commandContext()).contains("KEYBOARD");
        }

        @Test
        void decodesGroupCommand() {
            CommandInvoked e = (CommandInvoked) wire("ONIMCOMMANDADD-2.txt");

            assertThat(e.command().id()).isEqualTo(99);
            assertThat(e.dialog().dialogId()).isEqualTo("chat2725");
            assertThat(e.message().id()).isEqualTo(33871);
        }
    }

    @Nested
    class UpdatesAndDeletes {

        @Test
        void decodesMessageUpdateWithNewText() {
            MessageUpdated e = (MessageUpdated) wire("ONIMBOTMESSAGEUPDATE-1.txt");

            assertThat(e.message().id()).isEqualTo(84531);
            assertThat(e.message().text()).isEqualTo("How to add an observer to the task?");
            assertThat(e.dialog().chatId()).contains(1453L);
        }

        @Test
        void decodesGroupMessageDeleteWithThePlatformNotice() {
            MessageDeleted e = (MessageDeleted) wire("ONIMBOTMESSAGEDELETE-2.txt");

            assertThat(e.message().id()).isEqualTo(84537);
            assertThat(e.dialog().dialogId()).isEqualTo("chat1157");
        }

        @Test
        void decodesPersonalMessageDelete() {
            MessageDeleted e = (MessageDeleted) wire("ONIMBOTMESSAGEDELETE-1.txt");

            assertThat(e.message().text()).isEqualTo("Message from 02/26/2026 09:27:30 has been deleted");
            assertThat(e.bot().id()).isEqualTo(571);
        }

        @Test
        void decodesBotDeleteFromFlatDataFields() {
            BotDeleted e = (BotDeleted) wire("ONIMBOTDELETE-1.txt");

            assertThat(e.botId()).isEqualTo(567);
            assertThat(e.botCode()).isEqualTo("BOT");
            assertThat(e.dialogId()).isEmpty();
            assertThat(e.laneKey()).isEqualTo(PORTAL);
        }
    }

    @Nested
    class AppLifecycle {

        @Test
        void decodesInstallWithInstallerTokensAndApplicationToken() {
            AppInstalled e = (AppInstalled) wire("ONAPPINSTALL-1.txt");

            assertThat(e.version()).isEqualTo("1.0.0");
            assertThat(e.active()).isTrue();
            assertThat(e.installed()).isTrue();
            assertThat(e.languageId()).isEqualTo("de");
            assertThat(e.meta().auth().hasTokens()).isTrue();
            assertThat(e.meta().auth().applicationToken()).contains("51856fefc120afa4b628cc82d3935cce");
            assertThat(e.meta().auth().status()).contains("F");
        }

        @Test
        void decodesUninstallWithCleanFlagAndNoTokens() {
            AppUninstalled e = (AppUninstalled) wire("ONAPPUNINSTALL-1.txt");

            assertThat(e.clean()).isTrue();
            assertThat(e.languageId()).isEqualTo("de");
            assertThat(e.meta().auth().hasTokens()).isFalse();
            assertThat(e.meta().auth().applicationToken()).contains("51856fefc120afa4b628cc82d3935cce");
        }

        @Test
        void decodesUpdateWithBothVersions() {
            AppUpdated e = (AppUpdated) wire("ONAPPUPDATE-1.txt");

            assertThat(e.version()).isEqualTo("2.1.0");
            assertThat(e.previousVersion()).isEqualTo("2.0.3");
        }

        @Test
        void keepsForeignEventsAsOtherEventWithTheRawPayload() {
            OtherEvent e = (OtherEvent) wire("GENERIC-EVENT-ONCRMDEALADD-2.txt");

            assertThat(e.meta().type()).isEqualTo("ONCRMDEALADD");
            assertThat(Values.map(Values.map(e.meta().raw(), "data"), "FIELDS")).containsEntry("ID", "7405");
        }
    }
}
