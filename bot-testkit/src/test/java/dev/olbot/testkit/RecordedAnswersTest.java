package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the emulator's timeline shows: each call's answer beside the call, and an account on a chosen port. */
class RecordedAnswersTest {

    private final FakeBitrix24 fake = FakeBitrix24.create();

    @AfterEach
    void close() {
        fake.close();
    }

    private Map.Entry<Integer, Map<String, Object>> callAsAdmin(String method, Map<String, Object> params) throws Exception {
        String hook = fake.portal().addWebhook(1);
        return fake.handle(method, new java.util.LinkedHashMap<>(params), CallAuth.webhook(1, hook)).get();
    }

    @Nested
    class Answers {

        @Test
        void aSuccessfulCallKeepsTheBodyItWasAnsweredWith() throws Exception {
            fake.portal().addUser("Admin");
            Map.Entry<Integer, Map<String, Object>> answer = callAsAdmin("imopenlines.config.add", Map.of("PARAMS", Map.of("LINE_NAME", "Sales")));
            RecordedCall call = fake.calls().all().get(fake.calls().all().size() - 1);
            assertThat(call.method()).isEqualTo("imopenlines.config.add");
            assertThat(fake.calls().response(call)).contains(answer.getValue());
            assertThat(answer.getValue()).containsKey("result");
        }

        @Test
        void aRefusedCallKeepsTheErrorBody() throws Exception {
            fake.portal().addUser("Admin");
            callAsAdmin("imopenlines.operator.answer", Map.of());
            RecordedCall call = fake.calls().all().get(fake.calls().all().size() - 1);
            assertThat(fake.calls().response(call)).hasValueSatisfying(b -> assertThat(b).containsEntry("error", "CHAT_ID"));
        }
    }

    @Nested
    class Port {

        @Test
        void startsOnTheGivenPort() throws Exception {
            int port;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            fake.start(port);
            assertThat(fake.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
        }
    }
}
