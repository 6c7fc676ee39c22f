package dev.olbot.testkit;

import static dev.olbot.testkit.CallCount.exactly;
import static dev.olbot.testkit.CallPattern.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.rest.RestCaller;
import dev.olbot.wire.PhpForm;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The account without any socket: REST through {@link FakeBitrix24#inProcess()}, events to a mounted sink. */
class InProcessAccountTest {

    private final FakeBitrix24 fake = FakeBitrix24.create();
    private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        fake.close();
    }

    @Nested
    class WithoutHttp {
        @Test
        void aBotRegistersRepliesAndIsVerifiedWithoutOpeningAPort() throws Exception {
            RestCaller rest = fake.inProcess();
            String portal = fake.portal().memberId();
            fake.mount("http://bot.invalid/", (url, body) -> {
                Map<String, Object> form = PhpForm.parse(body);
                received.add(form);
                if ("ONIMBOTMESSAGEADD".equals(form.get("event"))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> params = (Map<String, Object>) ((Map<String, Object>) form.get("data")).get("PARAMS");
                    return rest.call(portal, "imbot.message.add", Map.of("DIALOG_ID", params.get("DIALOG_ID"), "MESSAGE", "pong"))
                            .map(r -> 200).toCompletionStage();
                }
                return CompletableFuture.completedFuture(200);
            });
            fake.installApp("http://bot.invalid/install").delivery().join();
            int botId = rest.call(portal, "imbot.register", Map.of("CODE", "ping", "TYPE", "O",
                    "EVENT_MESSAGE_ADD", "http://bot.invalid/events", "EVENT_WELCOME_MESSAGE", "http://bot.invalid/events",
                    "EVENT_BOT_DELETE", "http://bot.invalid/events", "PROPERTIES", Map.of("NAME", "Ping")))
                    .toCompletionStage().toCompletableFuture().join().result().asInt();
            OpenLine line = fake.portal().addLine("Support", l -> l.welcomeBot(botId, 60));
            Client anna = fake.portal().client(line.id(), "Anna");
            anna.says("ping").await();
            assertThat(received).extracting(m -> m.get("event")).containsExactly("ONAPPINSTALL", "ONIMBOTJOINCHAT", "ONIMBOTMESSAGEADD");
            fake.verify(exactly(1), call("imbot.message.add").with("MESSAGE", "pong").with("DIALOG_ID", anna.chat().dialogId()));
            assertThat(anna.lastBotMessage().orElseThrow().text()).isEqualTo("pong");
        }
    }
}
