package dev.olbot.examples.emulator;

import dev.olbot.testkit.CallAuth;
import dev.olbot.testkit.FakeBitrix24;
import dev.olbot.testkit.OpenLineChat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The operator's side of the emulator, acting as the operator's Bitrix24 page does: REST calls in the operator's
 * browser session ({@code imopenlines.operator.answer}, {@code .transfer}, {@code .finish},
 * {@code .another.finish}), so they show in the timeline with the platform's answers and errors.
 */
final class OperatorDesk {

    private final FakeBitrix24 fake;
    private final CallAuth session;

    OperatorDesk(FakeBitrix24 fake, int operatorId) {
        this.fake = fake;
        this.session = CallAuth.session(fake.portal().openBrowserSession(operatorId));
    }

    void accepts(OpenLineChat chat) {
        call("imopenlines.operator.answer", Map.of("CHAT_ID", chat.id()));
    }

    void transfersToUser(OpenLineChat chat, int userId) {
        call("imopenlines.operator.transfer", Map.of("CHAT_ID", chat.id(), "USER_ID", userId));
    }

    void transfersToLine(OpenLineChat chat, int lineId) {
        call("imopenlines.operator.transfer", Map.of("CHAT_ID", chat.id(), "QUEUE_ID", lineId));
    }

    /** {@code operator.finish} for a dialog this operator holds, {@code operator.another.finish} for any other. */
    void finishes(OpenLineChat chat, int operatorId) {
        boolean own = chat.owner() == OpenLineChat.Owner.OPERATOR && chat.operatorId() == operatorId;
        call(own ? "imopenlines.operator.finish" : "imopenlines.operator.another.finish", Map.of("CHAT_ID", chat.id()));
    }

    private void call(String method, Map<String, Object> params) {
        Map.Entry<Integer, Map<String, Object>> answer;
        try {
            answer = fake.handle(method, new java.util.LinkedHashMap<>(params), session).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(method + " was not answered: " + e.getMessage(), e);
        }
        Map<String, Object> body = answer.getValue();
        if (body.containsKey("error")) {
            throw new IllegalStateException(method + ": " + body.get("error") + " — " + body.getOrDefault("error_description", ""));
        }
    }
}
