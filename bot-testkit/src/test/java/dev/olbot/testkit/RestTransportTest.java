package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olbot.rest.RestException;
import dev.olbot.rest.RestResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RestTransportTest extends FakeAccountTest {

    @Nested
    class UrlShapes {
        @Test
        void acceptsTheOAuthTokenInTheJsonBody() {
            String token = install();
            Http.Reply r = Http.oauth(fake, token, "imbot.bot.list", Map.of());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.result().isArray()).isTrue();
            assertThat(r.result()).isEmpty();
            assertThat(r.body().get("time").fieldNames()).toIterable()
                    .contains("start", "finish", "duration", "processing", "date_start", "date_finish", "operating_reset_at", "operating");
        }

        @Test
        void acceptsTheOAuthTokenInTheQueryWithAJsonSuffix() {
            String token = install();
            Http.Reply r = Http.get(fake.baseUrl() + "/rest/imbot.bot.list.json?auth=" + token);
            assertThat(r.status()).isEqualTo(200);
            RecordedCall call = fake.takeCall();
            assertThat(call.method()).isEqualTo("imbot.bot.list");
            assertThat(call.auth()).isEqualTo(AuthKind.OAUTH);
            assertThat(call.params()).doesNotContainKey("auth");
        }

        @Test
        void servesAnInboundWebhookUrlWithAFormBody() {
            int admin = 1;
            String secret = portal().addWebhook(admin);
            Http.Reply r = Http.postForm(fake.baseUrl() + "/rest/" + admin + "/" + secret + "/imbot.register",
                    "CODE=hook&TYPE=O&CLIENT_ID=abc123&EVENT_HANDLER=" + bot.url("/events")
                            + "&PROPERTIES%5BNAME%5D=Hooky");
            assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
            assertThat(r.result().asInt()).isPositive();
            RecordedCall call = fake.takeCall();
            assertThat(call.auth()).isEqualTo(AuthKind.WEBHOOK);
            assertThat(call.params()).containsEntry("PROPERTIES", Map.of("NAME", "Hooky"));
        }

        @Test
        void refusesAWebhookWithAWrongSecret() {
            Http.Reply r = Http.postJson(fake.baseUrl() + "/rest/1/wrongsecret/imbot.bot.list", Map.of());
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.error()).isEqualTo("NO_AUTH_FOUND");
            assertThat(r.body().get("error_description").asText()).isEqualTo("Wrong authorization data");
        }

        @Test
        void failsFastOnAnUnscriptedMethod() {
            String token = install();
            Http.Reply r = Http.oauth(fake, token, "crm.deal.list", Map.of());
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.error()).isEqualTo("ERROR_METHOD_NOT_FOUND");
            assertThat(r.body().get("error_description").asText()).isEqualTo("Method not found!");
        }
    }

    @Nested
    class AccessTokens {
        @Test
        void expireAfterAnHourOnTheVirtualClock() {
            String token = install();
            fake.clock().advance(Duration.ofMinutes(59));
            assertThat(Http.oauth(fake, token, "imbot.bot.list", Map.of()).status()).isEqualTo(200);
            fake.clock().advance(Duration.ofMinutes(1));
            Http.Reply r = Http.oauth(fake, token, "imbot.bot.list", Map.of());
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.error()).isEqualTo("expired_token");
            assertThat(r.body().get("error_description").asText()).isEqualTo("The access token provided has expired");
        }

        @Test
        void anUnknownTokenIsInvalid() {
            Http.Reply r = Http.oauth(fake, "nope", "imbot.bot.list", Map.of());
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.error()).isEqualTo("invalid_token");
        }

        @Test
        void aCallWithoutCredentialsIsRefused() {
            Http.Reply r = Http.postJson(fake.baseUrl() + "/rest/imbot.bot.list", Map.of());
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.error()).isEqualTo("NO_AUTH_FOUND");
        }

        @Test
        void browserSessionAuthGetsWrongAuthType() {
            String sessid = portal().openBrowserSession(1);
            Http.Reply r = Http.postJson(fake.baseUrl() + "/rest/imbot.register?sessid=" + sessid, Map.of("CODE", "x"));
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.error()).isEqualTo("WRONG_AUTH_TYPE");
            assertThat(r.body().get("error_description").asText()).isEqualTo("Access for this method not allowed by session authorization.");
        }
    }

    @Nested
    class Portals {
        @Test
        void eachPortalHasItsOwnStateTokensAndRecordedMemberId() {
            String tokenA = install();
            FakePortal other = fake.portal("other");
            Installation b = fake.installApp(other, bot.url("/install-b"));
            b.delivery().join();
            assertThat(other.memberId()).isNotEqualTo(portal().memberId());
            assertThat(b.applicationToken()).isNotEqualTo(portal().applicationToken());
            Http.oauth(fake, b.accessToken(), "imbot.register", map("CODE", "b-bot", "EVENT_HANDLER", bot.url("/e"),
                    "PROPERTIES", map("NAME", "B")));
            assertThat(other.botIds()).hasSize(1);
            assertThat(portal().botIds()).isEmpty();
            assertThat(Http.oauth(fake, tokenA, "imbot.bot.list", Map.of()).result()).isEmpty();
            assertThat(fake.calls().all()).extracting(RecordedCall::portal)
                    .containsExactly(other.memberId(), portal().memberId());
        }
    }

    @Nested
    class InProcess {
        @Test
        void answersWithoutASocketAsTheInstalledApp() throws Exception {
            install();
            RestResponse r = fake.inProcess().call(portal().memberId(), "imopenlines.config.list.get", Map.of())
                    .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(r.result().isArray()).isTrue();
            assertThat(fake.takeCall().auth()).isEqualTo(AuthKind.OAUTH);
        }

        @Test
        void refreshesAnExpiredTokenAndRetriesOnce() throws Exception {
            install();
            fake.clock().advance(Duration.ofHours(2));
            RestResponse r = fake.inProcess().call(portal().memberId(), "imbot.bot.list", Map.of())
                    .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(r.result().isArray()).isTrue();
            assertThat(fake.takeCall().error()).isEqualTo("expired_token");
            assertThat(fake.takeCall().status()).isEqualTo(200);
        }

        @Test
        void failsWithTheRestExceptionOfThePlatformError() {
            install();
            assertThatThrownBy(() -> fake.inProcess().call(portal().memberId(), "imbot.unregister", Map.of("BOT_ID", 999))
                    .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(RestException.class)
                    .cause().satisfies(e -> {
                        RestException re = (RestException) e;
                        assertThat(re.error()).isEqualTo("BOT_ID_ERROR");
                        assertThat(re.httpStatus()).isEqualTo(400);
                        assertThat(re.errorDescription()).isEqualTo("Bot not found");
                    });
        }
    }
}
