package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code saveState} / {@code loadState}: a portal stopped and started again from its file goes on where it was. */
class SavedStateTest extends FakeAccountTest {

    @TempDir
    Path dir;
    Path file;
    String token;
    int botId;
    int olga;
    OpenLine line;
    Client anna;

    @BeforeEach
    void aBotInADialogWithAnna() {
        file = dir.resolve("portal.json");
        token = install();
        botId = registerOpenLineBot(token, "helper");
        olga = portal().addUser("Olga Operator");
        line = lineWithBot(botId, 0, olga);
        anna = portal().client(line.id(), "Anna Petrova");
        anna.says("hello").await();
        bot.take("ONIMBOTJOINCHAT");
        bot.take("ONIMBOTMESSAGEADD");
    }

    /** Saves, stops this fake and starts a new one from the file on the same port. */
    FakeBitrix24 restart() {
        fake.saveState(file);
        int port = Integer.parseInt(fake.baseUrl().substring(fake.baseUrl().lastIndexOf(':') + 1));
        fake.close();
        Http.forgetConnections();
        fake = FakeBitrix24.create().loadState(file);
        assertThat(fake.savedPort()).isEqualTo(port);
        return fake.start(fake.savedPort());
    }

    @Nested
    class AfterARestart {

        @Test
        void theClientsNextMessageReachesTheBotAndItsReplyLandsInTheSameChat() {
            int chatId = anna.chat().id();
            Http.oauth(fake, token, "imbot.message.add", map("BOT_ID", botId, "DIALOG_ID", "chat" + chatId, "MESSAGE", "Hi Anna"));

            restart();
            OpenLineChat chat = fake.portal().chat(chatId).orElseThrow();
            fake.portal().clientOf(chat).says("where is my order?").await();

            BotServer.Received event = bot.take("ONIMBOTMESSAGEADD");
            assertThat(event.map("data", "PARAMS")).containsEntry("DIALOG_ID", "chat" + chatId)
                    .containsEntry("MESSAGE", "where is my order?");
            assertThat(event.map("auth")).containsEntry("application_token", fake.portal().applicationToken());
            Http.Reply reply = Http.oauth(fake, token, "imbot.message.add", map("BOT_ID", botId, "DIALOG_ID", "chat" + chatId,
                    "MESSAGE", "It ships today"));
            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
            assertThat(fake.portal().chat(chatId).orElseThrow().messages()).extracting(ChatMessage::text)
                    .containsExactly("hello", "Hi Anna", "where is my order?", "It ships today");
        }

        @Test
        void theInstallTokensAndIdentityAreTheSame() {
            String memberId = portal().memberId();
            String appToken = portal().applicationToken();
            String clientId = fake.clientId();
            String secret = fake.clientSecret();

            restart();

            assertThat(fake.portal().memberId()).isEqualTo(memberId);
            assertThat(fake.portal().applicationToken()).isEqualTo(appToken);
            assertThat(fake.clientId()).isEqualTo(clientId);
            assertThat(fake.clientSecret()).isEqualTo(secret);
            assertThat(Http.oauth(fake, token, "app.info", map()).result().get("install").get("member_id").asText()).isEqualTo(memberId);
            assertThat(fake.portal().botId("helper")).contains(botId);
        }

        @Test
        void anUnspentRefreshTokenWorksOnceAndASpentOneStaysSpent() {
            Http.Reply first = refresh(fake.portal().appRefreshToken);
            String spent = fake.portal().appRefreshToken;
            String fresh = first.body().get("refresh_token").asText();

            restart();

            assertThat(refresh(spent).body().get("error").asText()).isEqualTo("invalid_grant");
            Http.Reply again = refresh(fresh);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body().get("member_id").asText()).isEqualTo(fake.portal().memberId());
        }

        @Test
        void newIdsNeverCollideWithSavedOnes() {
            int oldChat = anna.chat().id();
            int oldMessage = anna.chat().messages().get(0).id();
            int oldSession = anna.chat().sessionId();

            restart();
            Client boris = fake.portal().client(line.id(), "Boris");
            boris.says("hi").await();

            assertThat(boris.userId()).isGreaterThan(anna.userId());
            assertThat(boris.chat().id()).isGreaterThan(oldChat);
            assertThat(boris.chat().sessionId()).isGreaterThan(oldSession);
            assertThat(boris.chat().messages().get(0).id()).isGreaterThan(oldMessage);
        }

        @Test
        void theSessionKeepsItsOwnerAndTheLineItsQueue() {
            anna.says("0");
            fake.portal().operator(olga).accepts(anna.chat());

            restart();

            OpenLineChat chat = fake.portal().chats().get(0);
            assertThat(chat.owner()).isEqualTo(OpenLineChat.Owner.OPERATOR);
            assertThat(chat.operatorId()).isEqualTo(olga);
            assertThat(fake.portal().line(line.id()).queueUserIds()).containsExactly(olga);
            fake.portal().operator(olga).finishes(chat);
            assertThat(chat.owner()).isEqualTo(OpenLineChat.Owner.CLOSED);
        }

        @Test
        void aPendingWelcomeBotTimeStillMovesTheDialogToTheQueue() {
            line.set("WELCOME_BOT_TIME", 600);
            Client boris = portal().client(line.id(), "Boris");
            boris.says("hi");
            fake.clock().advance(Duration.ofSeconds(100));
            int chatId = boris.chat().id();

            restart();
            fake.clock().advance(Duration.ofSeconds(499));
            assertThat(fake.portal().chat(chatId).orElseThrow().owner()).isEqualTo(OpenLineChat.Owner.BOT);
            fake.clock().advance(Duration.ofSeconds(2));

            assertThat(fake.portal().chat(chatId).orElseThrow().owner()).isEqualTo(OpenLineChat.Owner.QUEUE);
        }

        @Test
        void aFetchModeBotsQueueAndOffsetsAreKept() {
            int poller = Http.oauth(fake, token, "imbot.v2.Bot.register", map("fields", map("code", "poller", "type", "openline",
                    "properties", map("name", "Poll")))).result().get("bot").get("id").asInt();
            OpenLine polled = portal().addLine("Polled", l -> l.welcomeBot(poller, 0));
            portal().client(polled.id(), "Vera").says("first").await();
            long next = Http.oauth(fake, token, "imbot.v2.Event.get", map("botId", poller, "limit", 1)).result().get("nextOffset").asLong();
            long last = portal().lastQueuedEventId(poller);

            restart();

            assertThat(fake.portal().lastQueuedEventId(poller)).isEqualTo(last);
            Http.Reply rest = Http.oauth(fake, token, "imbot.v2.Event.get", map("botId", poller, "offset", next));
            assertThat(rest.result().get("events")).hasSize(1);
            assertThat(rest.result().get("events").get(0).get("data").get("message").get("text").asText()).isEqualTo("first");
        }

        @Test
        void connectorsTheirActivationAndEventBindingsAreKept() {
            Http.oauth(fake, token, "imconnector.register", map("ID", "webchat", "NAME", "Web chat",
                    "ICON", map("DATA_IMAGE", "data:image/svg+xml;x"), "PLACEMENT_HANDLER", bot.url("/settings")));
            Http.oauth(fake, token, "imconnector.activate", map("CONNECTOR", "webchat", "LINE", line.id(), "ACTIVE", "1"));
            Http.oauth(fake, token, "event.bind", map("event", "OnImConnectorMessageAdd", "handler", bot.url("/connector")));

            restart();

            assertThat(fake.portal().connectors().isActive("webchat", line.id())).isTrue();
            assertThat(fake.portal().connectors().handlersOf("OnImConnectorMessageAdd")).containsExactly(bot.url("/connector"));
        }
    }

    @Nested
    class AFileThatCannotBeRead {

        @BeforeEach
        void saved() {
            fake.saveState(file);
        }

        void edit(Consumer<ObjectNode> change) throws Exception {
            ObjectNode root = (ObjectNode) Http.JSON.readTree(file.toFile());
            change.accept(root);
            Http.JSON.writeValue(file.toFile(), root);
        }

        ObjectNode firstChat(ObjectNode root) {
            return (ObjectNode) root.get("portals").get(0).get("chats").get(0);
        }

        String loadError() {
            try (FakeBitrix24 other = FakeBitrix24.create()) {
                Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> other.loadState(file));
                assertThat(t).isInstanceOf(StateFileException.class);
                assertThat(t.getMessage()).doesNotContain("\n");
                return t.getMessage();
            }
        }

        @Test
        void anUnknownFormatVersionIsRefused() throws Exception {
            edit(root -> root.put("format", 2));
            assertThat(loadError()).isEqualTo(file + ": format: 2 is not supported (this OLBot reads format 1)");
        }

        @Test
        void aValueOutsideItsSetNamesTheField() throws Exception {
            edit(root -> firstChat(root).put("owner", "SLEEPING"));
            assertThat(loadError()).isEqualTo(file + ": portals[0].chats[0].owner: \"SLEEPING\" is not one of BOT, QUEUE, OPERATOR, CLOSED");
        }

        @Test
        void aValueWithLineBreaksStaysOnOneLine() throws Exception {
            edit(root -> firstChat(root).put("owner", "BOT\nat dev.olbot.Fake(Fake.java:1)"));
            assertThat(loadError()).isEqualTo(file + ": portals[0].chats[0].owner: \"BOT\\u000aat dev.olbot.Fake(Fake.java:1)\" is not one of"
                    + " BOT, QUEUE, OPERATOR, CLOSED");
        }

        @Test
        void aMissingFieldNamesTheField() throws Exception {
            edit(root -> ((ObjectNode) root.get("portals").get(0)).remove("memberId"));
            assertThat(loadError()).isEqualTo(file + ": portals[0].memberId: missing");
        }

        @Test
        void aMistypedFieldNamesTheFieldAndWhatItTakes() throws Exception {
            edit(root -> root.put("clock", "yesterday"));
            assertThat(loadError()).isEqualTo(file + ": clock: \"yesterday\" is not an ISO-8601 instant (2026-03-01T10:00:00Z)");
        }

        @Test
        void aNumberGivenAsTextIsRefused() throws Exception {
            edit(root -> firstChat(root).put("sessionId", "1000"));
            assertThat(loadError()).isEqualTo(file + ": portals[0].chats[0].sessionId: expected a whole number");
        }

        @Test
        void anUnknownFieldIsRefused() throws Exception {
            edit(root -> firstChat(root).put("mood", "happy"));
            assertThat(loadError()).isEqualTo(file + ": portals[0].chats[0].mood: unknown field");
        }

        @Test
        void aNullWhereAValueIsNeededIsRefused() throws Exception {
            edit(root -> firstChat(root).putNull("connector"));
            assertThat(loadError()).isEqualTo(file + ": portals[0].chats[0].connector: missing (null)");
        }

        @Test
        void aChatOfALineThatDoesNotExistIsRefused() throws Exception {
            edit(root -> firstChat(root).put("lineId", 99));
            assertThat(loadError()).isEqualTo(file + ": portals[0].chats[0].lineId: no open line 99");
        }

        @Test
        void aCounterBelowAnIdInUseIsRefused() throws Exception {
            edit(root -> ((ObjectNode) root.get("portals").get(0).get("next")).put("chat", 1));
            assertThat(loadError()).isEqualTo(file + ": portals[0].next.chat: 1 is not above the highest chat id in use ("
                    + anna.chat().id() + ")");
        }

        @Test
        void textThatIsNotJsonSaysWhere() throws Exception {
            Files.writeString(file, "{\"format\": 1,");
            assertThat(loadError()).startsWith(file + ": not JSON (line 1, column ");
        }

        @Test
        void anAccountInUseCannotLoad() {
            assertThatThrownBy(() -> fake.loadState(file)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("loadState needs a fresh account: call it before start() and before adding anything");
        }
    }

    Http.Reply refresh(String refreshToken) {
        return Http.get(fake.baseUrl() + "/oauth/token/?grant_type=refresh_token&client_id=" + fake.clientId()
                + "&client_secret=" + fake.clientSecret() + "&refresh_token=" + refreshToken);
    }
}
