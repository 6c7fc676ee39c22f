package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Shared fixture: a started fake account, a bot endpoint, and the install/register steps every test needs. */
abstract class FakeAccountTest {

    FakeBitrix24 fake;
    BotServer bot;

    @BeforeEach
    void startAccount() {
        fake = FakeBitrix24.create().start();
        bot = new BotServer();
    }

    @AfterEach
    void stopAccount() {
        bot.close();
        fake.close();
    }

    FakePortal portal() {
        return fake.portal();
    }

    /** Installs the app (ONAPPINSTALL to the bot endpoint) and returns the installer's access token. */
    String install() {
        Installation i = fake.installApp(bot.url("/install"));
        i.delivery().join();
        bot.take("ONAPPINSTALL");
        return i.accessToken();
    }

    /** Registers an open-line bot (TYPE=O) with one handler URL and returns its id. */
    int registerOpenLineBot(String token, String code) {
        Http.Reply r = Http.oauth(fake, token, "imbot.register", Map.of("CODE", code, "TYPE", "O",
                "EVENT_HANDLER", bot.url("/events"), "PROPERTIES", Map.of("NAME", "Helper " + code)));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.result().asInt();
    }

    /** A line whose welcome bot is {@code botId} (WELCOME_BOT_TIME {@code seconds}), queue = one operator. */
    OpenLine lineWithBot(int botId, int seconds, int operatorId) {
        return portal().addLine("Support", l -> l.welcomeBot(botId, seconds).queue(operatorId));
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<Object> list(Object... items) {
        return List.of(items);
    }

    /** The answer is the platform's error: HTTP status, {@code error} and {@code error_description}. */
    static void assertError(Http.Reply r, int status, String code, String description) {
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
        org.assertj.core.api.Assertions.assertThat(r.error()).isEqualTo(code);
        org.assertj.core.api.Assertions.assertThat(r.body().get("error_description").asText()).isEqualTo(description);
    }
}
