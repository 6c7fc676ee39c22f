package dev.olbot.examples.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.event.EventDecoder;
import dev.olbot.examples.ExampleBots;
import dev.olbot.rest.methods.OpenLinesApi;
import dev.olbot.rest.methods.result.OpenLineDialog;
import dev.olbot.rest.methods.result.SessionHistory;
import dev.olbot.testkit.CallAuth;
import dev.olbot.testkit.FakePortal;
import dev.olbot.testkit.scenario.BotTestKit;
import io.vertx.core.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole supervised dialog through public methods only: a connector brings the client, the triage bot asks its
 * questions and hands over to the sales line, the operator's app answers with {@code imopenlines.operator.answer},
 * a supervisor intercepts, finishes the session and rates it with {@code imopenlines.session.head.vote}.
 */
class SupervisedDialogScenarioTest {

    BotTestKit kit;
    WebChatBridge widget;
    OpenLinesApi supervisor;
    OpenLinesApi operatorApp;

    @BeforeEach
    void aWidgetTheBotsLineAndTwoApps() throws Exception {
        kit = BotTestKit.start(ExampleBots.TRIAGE.embedded(null));
        FakePortal portal = kit.fake().portal();
        widget = new WebChatBridge(kit.fake().inProcess(), portal.memberId(), WebChatBridge.Settings.of("webchat",
                kit.line("Support").id()), new WebChat(), kit.clock());
        EventDecoder decoder = EventDecoder.create();
        kit.fake().mount("http://widget.test/", (url, body) -> CompletableFuture.completedFuture(
                widget.on(decoder.decodeForm(body)).succeeded() ? 200 : 500));
        await(widget.connect("http://widget.test/bitrix/events"));
        supervisor = OpenLinesApi.on(kit.fake().inProcess(), portal.memberId());
        String secret = portal.addWebhook(kit.operatorId());
        operatorApp = OpenLinesApi.on(kit.fake().inProcess(CallAuth.webhook(kit.operatorId(), secret)), portal.memberId());
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    long clientSays(String text) throws Exception {
        long chatId = await(widget.visitorSays("conv-9", "v-9", "Anna", text)).chatId().orElseThrow();
        kit.settle();
        return chatId;
    }

    @Test
    void connectorBotOperatorSupervisorAndVote() throws Exception {
        long chatId = clientSays("добрый день");
        clientSays("1");
        clientSays("Анна");
        clientSays("+7 999 123-45-67");
        OpenLineDialog handedOver = await(supervisor.openlines().dialogByChat(chatId));
        assertThat(handedOver.entityId()).startsWith("webchat|" + kit.line("Sales").id() + "|conv-9|");
        assertThat(handedOver.lineId()).hasValue(kit.line("Sales").id());
        assertThat(widget.chat().conversation("conv-9").orElseThrow().messages())
                .anySatisfy(m -> assertThat(m.text()).contains("Передаю вас в отдел продаж"));

        assertThat(await(operatorApp.openlines().answer(chatId))).isTrue();
        assertThat(await(supervisor.openlines().dialogByChat(chatId)).raw().path("owner").asInt()).isEqualTo(kit.operatorId());

        assertThat(await(supervisor.openlines().interceptSession(chatId))).isTrue();
        assertThat(await(supervisor.openlines().dialogByChat(chatId)).raw().path("owner").asInt()).isEqualTo(1);

        long session = await(supervisor.openlines().dialogByChat(chatId)).sessionId().orElseThrow();
        assertThat(await(supervisor.openlines().finish(chatId))).isTrue();
        kit.settle();
        assertThat(widget.chat().conversation("conv-9").orElseThrow().closed()).isTrue();

        assertThat(await(supervisor.openlines().voteHead(session, 5, "Быстро и вежливо"))).isTrue();
        SessionHistory history = await(supervisor.openlines().history(chatId, session));
        assertThat(history.raw().path("sessionVoteHead").asInt()).isEqualTo(5);
        assertThat(history.raw().path("sessionCommentHead").asText()).isEqualTo("Быстро и вежливо");
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
