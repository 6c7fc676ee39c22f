package dev.olbot.testkit;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * A support line whose welcome bot holds Anna's dialog, with Olga in the queue; employees call the fake with
 * their own inbound webhooks (as an operator's app would), the installed app with its OAuth token.
 */
abstract class OpenLineFixture extends FakeAccountTest {

    String token;
    int botId;
    int olga;
    OpenLine line;
    Client anna;

    @BeforeEach
    void aClientTalkingToTheBot() {
        token = install();
        botId = registerOpenLineBot(token, "helper");
        olga = portal().addUser("Olga Operator");
        line = lineWithBot(botId, 0, olga);
        anna = portal().client(line.id(), "Anna Petrova");
        anna.says("hello").await();
    }

    /** The installed app calls (OAuth, user 1 — the portal admin). */
    Http.Reply asApp(String method, Map<String, ?> params) {
        return Http.oauth(fake, token, method, params);
    }

    /** {@code userId} calls through an inbound webhook of their own. */
    Http.Reply as(int userId, String method, Map<String, ?> params) {
        String secret = portal().addWebhook(userId);
        return Http.postJson(fake.baseUrl() + "/rest/" + userId + "/" + secret + "/" + method, params);
    }

    Map<String, Object> chat() {
        return map("CHAT_ID", anna.chat().id());
    }
}
