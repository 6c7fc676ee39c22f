package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The four imopenlines.bot.session.* methods, over HTTP, with the platform's codes and statuses. */
class SessionMethodsTest extends FakeAccountTest {

    String token;
    int botId;
    int olga;
    int pavel;
    OpenLine line;
    OpenLine vipLine;
    Client anna;
    int chatId;

    @BeforeEach
    void clientTalksToTheBot() {
        token = install();
        botId = registerOpenLineBot(token, "helper");
        olga = portal().addUser("Olga Operator");
        pavel = portal().addUser("Pavel Senior");
        line = lineWithBot(botId, 300, olga);
        vipLine = portal().addLine("VIP", l -> l.queue(pavel));
        anna = portal().client(line.id(), "Anna Petrova");
        anna.says("hello").await();
        chatId = anna.chat().id();
    }

    private Http.Reply call(String method, Map<String, ?> params) {
        return Http.oauth(fake, token, method, params);
    }

    @Nested
    class AllFour {
        @Test
        void needAPositiveChatId() {
            for (String m : new String[] {"imopenlines.bot.session.message.send", "imopenlines.bot.session.operator",
                    "imopenlines.bot.session.transfer", "imopenlines.bot.session.finish"}) {
                assertError(call(m, map("CHAT_ID", 0, "USER_ID", olga)), 400, "CHAT_ID_EMPTY", "Chat ID can't be empty");
                assertError(call(m, map("CHAT_ID", "abc")), 400, "CHAT_ID_EMPTY", "Chat ID can't be empty");
            }
        }

        @Test
        void refuseSessionAuthorization() {
            String sessid = portal().openBrowserSession(1);
            for (String m : new String[] {"imopenlines.bot.session.message.send", "imopenlines.bot.session.operator",
                    "imopenlines.bot.session.transfer", "imopenlines.bot.session.finish"}) {
                Http.Reply r = Http.postJson(fake.baseUrl() + "/rest/" + m + "?sessid=" + sessid, map("CHAT_ID", chatId));
                assertError(r, 403, "WRONG_AUTH_TYPE", "Access for this method not allowed by session authorization.");
            }
        }

        @Test
        void answerTrueWithATimeBlock() {
            Http.Reply r = call("imopenlines.bot.session.message.send", map("CHAT_ID", chatId, "NAME", "DEFAULT", "MESSAGE", "Hello!"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.result().asBoolean()).isTrue();
            assertThat(r.body().has("time")).isTrue();
            assertThat(anna.chat().messages()).last().satisfies(m -> {
                assertThat(m.text()).isEqualTo("Hello!");
                assertThat(m.system()).isTrue();
            });
        }
    }

    @Nested
    class Operator {
        @Test
        void movesTheDialogFromTheBotToTheQueue() {
            assertThat(call("imopenlines.bot.session.operator", map("CHAT_ID", chatId)).result().asBoolean()).isTrue();
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.QUEUE);
            assertThat(anna.chat().operatorId()).isEqualTo(olga);
            assertThat(anna.chat().members()).doesNotContain(botId);
        }

        @Test
        void aDialogAlreadyWithAnOperatorIsWrongChat() {
            portal().operator(olga).accepts(anna.chat());
            assertError(call("imopenlines.bot.session.operator", map("CHAT_ID", chatId)), 400, "WRONG_CHAT", "Operator is not a bot");
        }

        @Test
        void readsLowerCaseParametersBecauseTheyAreUpperCased() {
            assertThat(call("imopenlines.bot.session.operator", map("chat_id", chatId)).status()).isEqualTo(200);
        }
    }

    @Nested
    class Transfer {
        @Test
        void readsItsParametersWithoutUpperCasing() {
            assertError(call("imopenlines.bot.session.transfer", map("chat_id", chatId, "USER_ID", olga)),
                    400, "CHAT_ID_EMPTY", "Chat ID can't be empty");
        }

        @Test
        void toAUser() {
            assertThat(call("imopenlines.bot.session.transfer", map("CHAT_ID", chatId, "USER_ID", pavel)).result().asBoolean()).isTrue();
            assertThat(anna.chat().operatorId()).isEqualTo(pavel);
            assertThat(anna.chat().members()).as("LEAVE=N: the bot stays until the transfer is confirmed").contains(botId);
        }

        @Test
        void leavesOnlyWhenLeaveIsExactlyCapitalY() {
            call("imopenlines.bot.session.transfer", map("CHAT_ID", chatId, "USER_ID", pavel, "LEAVE", "y"));
            assertThat(anna.chat().members()).contains(botId);
            call("imopenlines.bot.session.transfer", map("CHAT_ID", chatId, "USER_ID", olga, "LEAVE", "Y"));
            assertThat(anna.chat().members()).doesNotContain(botId);
        }

        @Test
        void prefersUserIdOverQueueIdOverTransferId() {
            call("imopenlines.bot.session.transfer", map("CHAT_ID", chatId, "USER_ID", pavel, "QUEUE_ID", vipLine.id(),
                    "TRANSFER_ID", "queue" + vipLine.id()));
            assertThat(anna.chat().operatorId()).isEqualTo(pavel);
            assertThat(anna.chat().lineId()).isEqualTo(line.id());
        }

        @Test
        void aTransferIdStartingWithQueueMeansALine() {
            call("imopenlines.bot.session.transfer", map("CHAT_ID", chatId, "TRANSFER_ID", "queue" + vipLine.id()));
            assertThat(anna.chat().lineId()).isEqualTo(vipLine.id());
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.QUEUE);
            assertThat(anna.chat().operatorId()).isEqualTo(pavel);
        }

        @Test
        void emptyTargetsHaveTheirOwnErrors() {
            assertError(call("imopenlines.bot.session.transfer", map("CHAT_ID", chatId, "USER_ID", 0)),
                    400, "USER_ID_EMPTY", "User ID can't be empty");
            assertError(call("imopenlines.bot.session.transfer", map("CHAT_ID", chatId, "QUEUE_ID", "")),
                    400, "QUEUE_ID_EMPTY", "QUEUE ID can't be empty");
            assertError(call("imopenlines.bot.session.transfer", map("CHAT_ID", chatId)),
                    400, "TRANSFER_ID_EMPTY", "Queue ID or User ID can't be empty");
        }

        @Test
        void aBotOrUnknownTargetIsOperatorWrong() {
            assertError(call("imopenlines.bot.session.transfer", map("CHAT_ID", chatId, "USER_ID", botId)),
                    400, "OPERATOR_WRONG", "You can not redirect to this operator");
            assertError(call("imopenlines.bot.session.transfer", map("CHAT_ID", chatId, "QUEUE_ID", 999)),
                    400, "OPERATOR_WRONG", "You can not redirect to this operator");
        }

        @Test
        void withoutABotOfTheCallingAppIsBotNotFound() {
            String secret = portal().addWebhook(1);
            Http.Reply r = Http.postJson(fake.baseUrl() + "/rest/1/" + secret + "/imopenlines.bot.session.transfer",
                    map("CHAT_ID", chatId, "USER_ID", pavel, "CLIENT_ID", "nobody"));
            assertError(r, 400, "BOT_ID_ERROR", "Bot not found");
        }

        @Test
        void actsAsTheAppsFirstBot() {
            int second = registerOpenLineBot(token, "second");
            call("imbot.chat.user.add", map("BOT_ID", botId, "CHAT_ID", chatId, "USERS", list(second)));
            call("imopenlines.bot.session.transfer", map("CHAT_ID", chatId, "USER_ID", pavel, "LEAVE", "Y"));
            assertThat(anna.chat().members()).doesNotContain(botId).contains(second);
            assertThat(fake.transcript().lines()).anyMatch(l -> l.contains("bot Helper helper") && l.contains("transferred"));
        }
    }

    @Nested
    class Finish {
        @Test
        void closesTheSessionAsTheAppsBot() {
            assertThat(call("imopenlines.bot.session.finish", map("CHAT_ID", chatId)).result().asBoolean()).isTrue();
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.CLOSED);
        }

        @Test
        void withoutABotIsBotNotFound() {
            call("imbot.unregister", map("BOT_ID", botId));
            assertError(call("imopenlines.bot.session.finish", map("CHAT_ID", chatId)), 400, "BOT_ID_ERROR", "Bot not found");
        }
    }
}
