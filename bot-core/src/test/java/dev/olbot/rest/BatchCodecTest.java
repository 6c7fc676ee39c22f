package dev.olbot.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.olbot.rest.internal.BatchCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BatchCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Call> threeCommands() {
        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("reply", Call.of("imbot.message.add", Map.of("DIALOG_ID", "chat1", "MESSAGE", "hi")));
        calls.put("user", Call.of("user.get", Map.of("ID", 1)));
        calls.put("finish", Call.of("imopenlines.bot.session.finish", Map.of("CHAT_ID", 7)));
        return calls;
    }

    @Nested
    class Commands {

        @Test
        void buildsNestedParametersAsPhpBracketKeys() {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("DIALOG_ID", "chat6");
            params.put("KEYBOARD", List.of(Map.of("TEXT", "Yes & no")));

            assertThat(BatchCodec.command("imbot.message.add", params))
                    .isEqualTo("imbot.message.add?DIALOG_ID=chat6&KEYBOARD%5B0%5D%5BTEXT%5D=Yes+%26+no");
        }

        @Test
        void leavesAMethodWithoutParametersBare() {
            assertThat(BatchCodec.command("profile", Map.of())).isEqualTo("profile");
        }

        @Test
        void sendsHaltAndCmdInOrder() {
            Map<String, Object> params = BatchCodec.params(threeCommands(), true);

            assertThat(params.get("halt")).isEqualTo(1);
            assertThat(((Map<?, ?>) params.get("cmd")).keySet()).map(Object::toString).containsExactly("reply", "user", "finish");
        }
    }

    @Nested
    class Results {

        @Test
        void attributesEachErrorToItsCommandWhenErrorsComeAsAMap() throws Exception {
            JsonNode result = JSON.readTree("""
                    {"result": {"reply": 101, "finish": true},
                     "result_error": {"user": {"error": "insufficient_scope", "error_description": ""}},
                     "result_total": [], "result_next": [], "result_time": {"reply": {"operating": 0.2}}}""");

            Map<String, BatchCodec.Outcome> out = BatchCodec.split(result, threeCommands(), 200);

            assertThat(out.get("reply").response().orElseThrow().result().asInt()).isEqualTo(101);
            assertThat(out.get("reply").response().orElseThrow().time().orElseThrow().path("operating").asDouble()).isEqualTo(0.2);
            assertThat(out.get("user").error().orElseThrow()).satisfies(e -> {
                assertThat(e.method()).isEqualTo("user.get");
                assertThat(e.is("INSUFFICIENT_SCOPE")).isTrue();
            });
            assertThat(out.get("finish").response().orElseThrow().result().asBoolean()).isTrue();
        }

        @Test
        void readsListsPositionally() throws Exception {
            JsonNode result = JSON.readTree("""
                    {"result": [], "result_error": [
                        {"error": "MESSAGE_EMPTY", "error_description": "Message can't be empty"},
                        {"error": "ACCESS_DENIED", "error_description": "no"},
                        {"error": "CHAT_ID_EMPTY", "error_description": "Chat ID can't be empty"}]}""");

            Map<String, BatchCodec.Outcome> out = BatchCodec.split(result, threeCommands(), 200);

            assertThat(out.get("reply").error().orElseThrow().error()).isEqualTo("MESSAGE_EMPTY");
            assertThat(out.get("user").error().orElseThrow().error()).isEqualTo("ACCESS_DENIED");
            assertThat(out.get("finish").error().orElseThrow()).satisfies(e -> {
                assertThat(e.error()).isEqualTo("CHAT_ID_EMPTY");
                assertThat(e.method()).isEqualTo("imopenlines.bot.session.finish");
            });
        }

        @Test
        void acceptsAnEmptyErrorList() throws Exception {
            JsonNode result = JSON.readTree("""
                    {"result": {"reply": 1, "user": [{"ID": "1"}], "finish": true}, "result_error": [],
                     "result_total": {"user": 1}, "result_next": []}""");

            Map<String, BatchCodec.Outcome> out = BatchCodec.split(result, threeCommands(), 200);

            assertThat(out.values()).allSatisfy(o -> assertThat(o.error()).isEmpty());
            assertThat(out.get("user").response().orElseThrow().total()).contains(1L);
        }

        @Test
        void reportsACommandWithNeitherResultNorErrorAsNotExecuted() throws Exception {
            JsonNode result = JSON.readTree("""
                    {"result": {"reply": 1}, "result_error": {"user": {"error": "ACCESS_DENIED", "error_description": ""}}}""");

            Map<String, BatchCodec.Outcome> out = BatchCodec.split(result, threeCommands(), 200);

            assertThat(out.get("finish").error().orElseThrow().error()).isEqualTo(BatchCodec.NOT_EXECUTED);
        }
    }
}
