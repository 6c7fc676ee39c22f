package dev.olbot.testkit;

import static dev.olbot.testkit.CallCount.exactly;
import static dev.olbot.testkit.CallPattern.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BatchTest extends FakeAccountTest {

    String token;
    int botId;
    Client anna;

    @BeforeEach
    void aChatWithTheBot() {
        token = install();
        botId = registerOpenLineBot(token, "helper");
        anna = portal().client(lineWithBot(botId, 0, portal().addUser("Olga")).id(), "Anna Petrova");
        anna.says("hello").await();
    }

    private Http.Reply batch(Map<String, Object> cmd, Object halt) {
        Map<String, Object> body = map("cmd", cmd);
        if (halt != null) {
            body.put("halt", halt);
        }
        return Http.oauth(fake, token, "batch", body);
    }

    @Nested
    class Results {
        @Test
        void runsEachCommandAndAnswersPerKey() {
            Map<String, Object> cmd = new LinkedHashMap<>();
            cmd.put("reply", "imbot.message.add?DIALOG_ID=" + anna.chat().dialogId() + "&MESSAGE=Hi%20there");
            cmd.put("bots", "imbot.bot.list");
            Http.Reply r = batch(cmd, null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.result().fieldNames()).toIterable()
                    .containsExactly("result", "result_error", "result_total", "result_next", "result_time");
            assertThat(r.result().get("result").get("reply").asInt()).isPositive();
            assertThat(r.result().get("result").get("bots").get(String.valueOf(botId)).get("CODE").asText()).isEqualTo("helper");
            assertThat(r.result().get("result_error").isArray()).as("empty maps are []").isTrue();
            assertThat(r.result().get("result_total").isArray()).isTrue();
            assertThat(r.result().get("result_time").get("reply").has("duration")).isTrue();
            assertThat(anna.lastBotMessage().orElseThrow().text()).isEqualTo("Hi there");
            fake.verify(exactly(1), call("imbot.message.add").with("MESSAGE", "Hi there"));
        }

        @Test
        void recordsTheBatchBeforeItsCommands() {
            batch(map("a", "imbot.bot.list", "b", "imopenlines.config.list.get"), null);
            fake.takeCall();
            RecordedCall batchCall = fake.takeCall();
            assertThat(batchCall.method()).isEqualTo("batch");
            RecordedCall a = fake.takeCall();
            assertThat(a.method()).isEqualTo("imbot.bot.list");
            assertThat(a.viaBatch()).isEqualTo("a");
            assertThat(fake.takeCall().viaBatch()).isEqualTo("b");
        }

        @Test
        void attributesErrorsToTheFailingCommand() {
            Map<String, Object> cmd = new LinkedHashMap<>();
            cmd.put("bad", "imbot.message.add?DIALOG_ID=" + anna.chat().dialogId());
            cmd.put("good", "imbot.bot.list");
            Http.Reply r = batch(cmd, null);
            assertThat(r.result().get("result_error").get("bad").get("error").asText()).isEqualTo("MESSAGE_EMPTY");
            assertThat(r.result().get("result_error").get("bad").get("error_description").asText()).isEqualTo("Message can't be empty");
            assertThat(r.result().get("result").has("good")).isTrue();
        }

        @Test
        void haltStopsAtTheFirstError() {
            Map<String, Object> cmd = new LinkedHashMap<>();
            cmd.put("bad", "imbot.unregister?BOT_ID=999");
            cmd.put("good", "imbot.bot.list");
            Http.Reply r = batch(cmd, 1);
            assertThat(r.result().get("result_error").get("bad").get("error").asText()).isEqualTo("BOT_ID_ERROR");
            assertThat(r.result().get("result").isArray()).isTrue();
        }

        @Test
        void aLaterCommandCanUseAnEarlierResult() {
            Map<String, Object> cmd = new LinkedHashMap<>();
            cmd.put("msg", "imbot.message.add?DIALOG_ID=" + anna.chat().dialogId() + "&MESSAGE=first");
            cmd.put("edit", "imbot.message.update?MESSAGE_ID=$result[msg]&MESSAGE=edited");
            Http.Reply r = batch(cmd, null);
            assertThat(r.result().get("result").get("edit").asBoolean()).isTrue();
            assertThat(anna.lastBotMessage().orElseThrow().text()).isEqualTo("edited");
        }

        @Test
        void listCommandsReportTotalAndNext() {
            for (int i = 0; i < 55; i++) {
                portal().addUser("User " + i);
            }
            Http.Reply r = batch(map("users", "user.get"), null);
            assertThat(r.result().get("result").get("users")).hasSize(50);
            assertThat(r.result().get("result_total").get("users").asInt()).isGreaterThan(55);
            assertThat(r.result().get("result_next").get("users").asInt()).isEqualTo(50);
        }
    }

    @Nested
    class Limits {
        @Test
        void moreThanFiftyCommandsIsLengthExceeded() {
            Map<String, Object> cmd = new LinkedHashMap<>();
            for (int i = 0; i < 51; i++) {
                cmd.put("c" + i, "imbot.bot.list");
            }
            Http.Reply r = batch(cmd, null);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.error()).isEqualTo("ERROR_BATCH_LENGTH_EXCEEDED");
            assertThat(r.body().get("error_description").asText()).isEqualTo("Max batch length exceeded");
        }

        @Test
        void aNestedBatchIsNotAllowed() {
            Http.Reply r = batch(map("inner", "batch?cmd[a]=imbot.bot.list"), null);
            assertThat(r.status()).isEqualTo(405);
            assertThat(r.error()).isEqualTo("ERROR_BATCH_METHOD_NOT_ALLOWED");
            assertThat(r.body().get("error_description").asText()).isEqualTo("Method is not allowed for batch usage");
        }

        @Test
        void anUnknownMethodInsideIsAPerCommandError() {
            Http.Reply r = batch(map("x", "crm.lead.add"), null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.result().get("result_error").get("x").get("error").asText()).isEqualTo("ERROR_METHOD_NOT_FOUND");
        }
    }
}
