package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OAuthTest extends FakeAccountTest {

    private String refreshUrl(String refreshToken) {
        return fake.baseUrl() + "/oauth/token/?grant_type=refresh_token&client_id=" + fake.clientId()
                + "&client_secret=" + fake.clientSecret() + "&refresh_token=" + refreshToken;
    }

    @Nested
    class Install {
        @Test
        void postsOnAppInstallWithTheDocumentedAuthKeys() {
            Installation i = fake.installApp(bot.url("/install"));
            Delivery d = i.delivery().join();
            BotServer.Received r = bot.take();
            assertThat(r.contentType()).isEqualTo("application/x-www-form-urlencoded");
            assertThat(d.status()).isEqualTo(200);
            Map<String, Object> docs = DocPayloads.load("ONAPPINSTALL-1");
            Map<String, Object> sent = r.form();
            assertThat(sent.keySet()).isEqualTo(docs.keySet());
            assertThat(r.map("auth").keySet()).isEqualTo(DocPayloads.at(docs, "auth").keySet());
            assertThat(r.map("data").keySet()).isEqualTo(DocPayloads.at(docs, "data").keySet());
            assertThat(r.map("auth")).containsEntry("access_token", i.accessToken())
                    .containsEntry("application_token", i.applicationToken())
                    .containsEntry("member_id", portal().memberId())
                    .containsEntry("server_endpoint", fake.baseUrl() + "/rest/")
                    .containsEntry("expires_in", "3600");
        }
    }

    @Nested
    class RefreshTokens {
        @Test
        void rotateOnTheTokenEndpointWithTheDocumentedShape() {
            Installation i = fake.installApp(bot.url("/install"));
            Http.Reply r = Http.get(refreshUrl(i.refreshToken()));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().fieldNames()).toIterable().containsExactlyInAnyOrder("access_token", "client_endpoint", "domain",
                    "expires", "expires_in", "member_id", "refresh_token", "scope", "server_endpoint", "status", "user_id");
            assertThat(r.body().get("refresh_token").asText()).isNotEqualTo(i.refreshToken());
            assertThat(r.body().get("access_token").asText()).isNotEqualTo(i.accessToken());
            assertThat(r.body().get("server_endpoint").asText()).isEqualTo(fake.baseUrl() + "/rest/");
            assertThat(r.body().get("member_id").asText()).isEqualTo(portal().memberId());
            assertThat(r.body().get("expires_in").asInt()).isEqualTo(3600);
            Http.Reply call = Http.oauth(fake, r.body().get("access_token").asText(), "imbot.bot.list", Map.of());
            assertThat(call.status()).isEqualTo(200);
        }

        @Test
        void aReusedRefreshTokenIsAnInvalidGrant() {
            Installation i = fake.installApp(bot.url("/install"));
            assertThat(Http.get(refreshUrl(i.refreshToken())).status()).isEqualTo(200);
            Http.Reply second = Http.get(refreshUrl(i.refreshToken()));
            assertThat(second.status()).isEqualTo(400);
            assertThat(second.error()).isEqualTo("invalid_grant");
        }

        @Test
        void theRotatedRefreshTokenWorksOnce() {
            Installation i = fake.installApp(bot.url("/install"));
            String next = Http.get(refreshUrl(i.refreshToken())).body().get("refresh_token").asText();
            assertThat(Http.get(refreshUrl(next)).status()).isEqualTo(200);
            assertThat(Http.get(refreshUrl(next)).error()).isEqualTo("invalid_grant");
        }

        @Test
        void aWrongClientSecretIsAnInvalidClient() {
            Installation i = fake.installApp(bot.url("/install"));
            Http.Reply r = Http.get(fake.baseUrl() + "/oauth/token/?grant_type=refresh_token&client_id=" + fake.clientId()
                    + "&client_secret=wrong&refresh_token=" + i.refreshToken());
            assertThat(r.error()).isEqualTo("invalid_client");
        }

        @Test
        void anExpiredAccessTokenRefreshesIntoAWorkingOne() {
            Installation i = fake.installApp(bot.url("/install"));
            fake.clock().advance(java.time.Duration.ofHours(3));
            assertThat(Http.oauth(fake, i.accessToken(), "imbot.bot.list", Map.of()).error()).isEqualTo("expired_token");
            String fresh = Http.get(refreshUrl(i.refreshToken())).body().get("access_token").asText();
            assertThat(Http.oauth(fake, fresh, "imbot.bot.list", Map.of()).status()).isEqualTo(200);
        }
    }
}
