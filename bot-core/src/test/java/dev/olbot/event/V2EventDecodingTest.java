package dev.olbot.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Chatbots 2.0 events: webhook bodies (all scalars strings) and imbot.v2.Event.get items. */
class V2EventDecodingTest {

    private final EventDecoder decoder = EventDecoder.create();

    private BotEvent webhook(String name) {
        return decoder.decodeForm(Payloads.wireForm(Payloads.v2Webhook(name)));
    }

    @Nested
    class Webhook {

        @Test
        void decodesMessageAddWithChatMessageAndUser() {
            MessageAdded e = (MessageAdded) webhook("V2-ONIMBOTV2MESSAGEADD-1.txt");

            assertThat(e.meta().version()).isEqualTo(ApiVersion.V2);
            assertThat(e.meta().ts()).contains(Instant.ofEpochSecond(1772093963));
            assertThat(e.dialog().dialogId()).isEqualTo("chat5");
            assertThat(e.dialog().chatId()).contains(5L);
            assertThat(e.dialog().type()).isEqualTo(ChatType.GROUP);
            assertThat(e.dialog().title()).contains("Support Chat");
            assertThat(e.dialog().isOpenLine()).isFalse();
            assertThat(e.message().id()).isEqualTo(789);
            assertThat(e.message().text()).isEqualTo("Hello bot!");
            assertThat(e.message().authorId()).isEqualTo(1);
            assertThat(e.message().system()).isFalse();
            assertThat(e.message().language()).contains("en");
            assertThat(e.user().name()).isEqualTo("John Smith");
            assertThat(e.user().workPosition()).contains("Developer");
            assertThat(e.user().bot()).isFalse();
        }

        @Test
        void keepsTopLevelAuthApartFromTheBotAuth() {
            MessageAdded e = (MessageAdded) webhook("V2-ONIMBOTV2MESSAGEADD-1.txt");

            assertThat(e.bot()).isEqualTo(new BotRef(456, "support_bot", e.bot().auth()));
            assertThat(e.bot().auth().accessToken()).contains("bot-access");
            assertThat(e.meta().auth().hasTokens()).isFalse();
            assertThat(e.meta().auth().applicationToken()).contains("app-token-1");
            assertThat(e.meta().portal().domain()).isEqualTo("your-account.bitrix24.com");
            assertThat(e.meta().portal().memberId()).isEqualTo("m-1");
        }

        @Test
        void decodesCommandWithoutTheLeadingSlash() {
            CommandInvoked e = (CommandInvoked) webhook("V2-ONIMBOTV2COMMANDADD-1.txt");

            assertThat(e.command()).isEqualTo(new Command(78, "help", "topic", Command.Context.TEXTAREA));
            assertThat(e.message().id()).isEqualTo(790);
            assertThat(e.message().commandContext()).contains("TEXTAREA");
        }

        @Test
        void decodesJoinContextReactionAndDelete() {
            assertThat(((BotJoined) webhook("V2-ONIMBOTV2JOINCHAT-1.txt")).dialog().dialogId()).isEqualTo("chat5");

            ContextRequested context = (ContextRequested) webhook("V2-ONIMBOTV2CONTEXTGET-1.txt");
            assertThat(context.dialog().dialogId()).isEqualTo("1");
            assertThat(context.dialog().type()).isEqualTo(ChatType.PRIVATE);
            assertThat(context.dialog().chatId()).contains(5L);

            ReactionChanged reaction = (ReactionChanged) webhook("V2-ONIMBOTV2REACTIONCHANGE-1.txt");
            assertThat(reaction.messageId()).isEqualTo(789);
            assertThat(reaction.reaction()).isEqualTo("like");
            assertThat(reaction.added()).isTrue();

            BotDeleted deleted = (BotDeleted) webhook("V2-ONIMBOTV2DELETE-1.txt");
            assertThat(deleted.botId()).isEqualTo(456);
            assertThat(deleted.botCode()).isEqualTo("support_bot");
        }

        @Test
        void decodesMessageDeleteFromItsMessageIdField() {
            Map<String, Object> p = Payloads.v2Webhook("V2-ONIMBOTV2MESSAGEADD-1.txt");
            p.put("event", "ONIMBOTV2MESSAGEDELETE");
            Map<String, Object> data = Values.map(p, "data");
            data.remove("message");
            data.put("messageId", 789);

            MessageDeleted e = (MessageDeleted) decoder.decodeForm(Payloads.wireForm(p));

            assertThat(e.message().id()).isEqualTo(789);
            assertThat(e.dialog().chatId()).contains(5L);
        }

        @Test
        void decodesOpenLineChatFromEntityFields() {
            Map<String, Object> p = Payloads.v2Webhook("V2-ONIMBOTV2MESSAGEADD-1.txt");
            Map<String, Object> data = Values.map(p, "data");
            Map<String, Object> chat = new LinkedHashMap<>(Values.map(data, "chat"));
            chat.put("type", "lines");
            chat.put("entityType", "LINES");
            chat.put("entityId", "telegrambot|3|555|77");
            chat.put("entityData1", "Y|LEAD|12|N|N|99|1773682918|0|0|0");
            chat.put("entityData2", "LEAD|12|COMPANY|0|CONTACT|0|DEAL|0");
            data.put("chat", chat);
            Values.map(data, "user").put("connector", true);

            MessageAdded e = (MessageAdded) decoder.decodeForm(Payloads.wireForm(p));

            assertThat(e.dialog().type()).isEqualTo(ChatType.OPEN_LINE);
            OpenLine line = e.dialog().openLine().orElseThrow();
            assertThat(line.userCode()).isEqualTo("telegrambot|3|555|77");
            assertThat(line.sessionId()).contains(99L);
            assertThat(line.crm().id("LEAD")).contains(12L);
            assertThat(e.user().connector()).isTrue();
        }
    }

    @Nested
    class Fetch {

        private final Portal portal = new Portal("p.bitrix24.com", "member-9", "https://p.bitrix24.com/rest/", "");

        private Map<String, Object> item(String name, String type) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("eventId", 1001);
            item.put("type", type);
            item.put("date", "2025-01-15T10:30:00+01:00");
            item.put("data", Payloads.map(name));
            return item;
        }

        @Test
        void decodesFetchedItemLikeTheWebhookBody() {
            MessageAdded fetched = (MessageAdded) decoder.decodeFetched(
                    item("V2-ONIMBOTV2MESSAGEADD-1.txt", "ONIMBOTV2MESSAGEADD"), portal);
            MessageAdded pushed = (MessageAdded) webhook("V2-ONIMBOTV2MESSAGEADD-1.txt");

            assertThat(fetched.dialog()).isEqualTo(pushed.dialog());
            assertThat(fetched.message()).isEqualTo(pushed.message());
            assertThat(fetched.user()).isEqualTo(pushed.user());
            assertThat(fetched.bot().id()).isEqualTo(456);
            assertThat(fetched.bot().auth()).isEqualTo(Credentials.NONE);
            assertThat(fetched.meta().portal()).isEqualTo(portal);
            assertThat(fetched.meta().ts()).contains(Instant.parse("2025-01-15T09:30:00Z"));
        }

        @Test
        void dedupesFetchedEventsByEventId() {
            BotEvent join = decoder.decodeFetched(item("V2-ONIMBOTV2JOINCHAT-1.txt", "ONIMBOTV2JOINCHAT"), portal);
            BotEvent message = decoder.decodeFetched(item("V2-ONIMBOTV2MESSAGEADD-1.txt", "ONIMBOTV2MESSAGEADD"), portal);

            assertThat(join.meta().deliveryId()).contains("1001");
            assertThat(join.dedupeKey()).contains("member-9/ONIMBOTV2JOINCHAT/1001");
            assertThat(message.dedupeKey()).contains("member-9/ONIMBOTV2MESSAGEADD/1001");
        }

        @Test
        void decodesUserEventsOfACombinedFetchAsOtherEvent() {
            BotEvent e = decoder.decodeFetched(item("V2-ONIMBOTV2MESSAGEADD-1.txt", "ONIMV2MESSAGEADD"), portal);

            assertThat(e).isInstanceOf(OtherEvent.class);
        }

        @Test
        void failsOnAnItemWithoutEventId() {
            Map<String, Object> item = item("V2-ONIMBOTV2MESSAGEADD-1.txt", "ONIMBOTV2MESSAGEADD");
            item.remove("eventId");

            assertThatThrownBy(() -> decoder.decodeFetched(item, portal))
                    .isInstanceOf(EventDecodeException.class).hasMessage("missing event[eventId]");
        }
    }
}
