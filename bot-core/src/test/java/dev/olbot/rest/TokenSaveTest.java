package dev.olbot.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.olbot.event.Portal;
import dev.olbot.rest.internal.OAuthTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** A failed save of a rotated token pair never loses the pair (issue 10, defect 5). */
@Timeout(120)
class TokenSaveTest extends Loopback {

    @Test
    void aRotatedPairWhoseSaveFailsIsKeptInUseSavedLaterAndAlertedOnce() throws Exception {
        OAuthFake oauth = new OAuthFake("refresh-0");
        FakePortal fake = fake(oauth);
        InMemoryTokenStore inner = new InMemoryTokenStore();
        AtomicInteger failingSaves = new AtomicInteger(2);
        TokenStore flaky = new TokenStore() {
            @Override
            public Optional<PortalCredentials> load(String memberId) {
                return inner.load(memberId);
            }

            @Override
            public void save(PortalCredentials c) {
                if (!c.accessToken().equals("stale-access") && failingSaves.getAndDecrement() > 0) {
                    throw new IllegalStateException("disk full");
                }
                inner.save(c);
            }

            @Override
            public void remove(String memberId) {
                inner.remove(memberId);
            }
        };
        Logger log = (Logger) LoggerFactory.getLogger(OAuthTokens.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        try {
            RestClient client = client(o -> o.oauth(OAuthFake.CLIENT_ID, OAuthFake.CLIENT_SECRET).tokenStore(flaky)
                    .oauthServers(OAuthServers.of(List.of(fake.serverEndpoint().replace("/rest/", "/"))))
                    .rateLimit(new RateLimit(1000, 1000)).requestTimeout(Duration.ofSeconds(10)));
            await(client.registerInstall(new Portal("portal.example", "m1", fake.restUrl(), fake.serverEndpoint()),
                    "stale-access", "refresh-0", 3600, ""));

            await(client.call("m1", "crm.lead.get", Map.of("ID", 1)));
            await(client.call("m1", "crm.lead.get", Map.of("ID", 2)));

            assertThat(oauth.refreshes).hasValue(1);
            until(() -> inner.load("m1").map(c -> c.refreshToken().equals("refresh-1")).orElse(false));
            assertThat(appender.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains("m1").contains("kept in memory")
                            .doesNotContain("refresh-1").doesNotContain(OAuthFake.CLIENT_SECRET));
        } finally {
            log.detachAppender(appender);
        }
    }
}
