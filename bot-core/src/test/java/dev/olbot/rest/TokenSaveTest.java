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

    /** A store whose next {@code failures} saves of a rotated pair fail. */
    private static TokenStore flaky(InMemoryTokenStore inner, AtomicInteger failures) {
        return new TokenStore() {
            @Override
            public Optional<PortalCredentials> load(String memberId) {
                return inner.load(memberId);
            }

            @Override
            public void save(PortalCredentials c) {
                if (!c.accessToken().equals("stale-access") && failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("disk full");
                }
                inner.save(c);
            }

            @Override
            public void remove(String memberId) {
                inner.remove(memberId);
            }
        };
    }

    private RestClient client(FakePortal fake, TokenStore store, Duration timeout) {
        return client(o -> o.oauth(OAuthFake.CLIENT_ID, OAuthFake.CLIENT_SECRET).tokenStore(store)
                .oauthServers(OAuthServers.of(List.of(fake.serverEndpoint().replace("/rest/", "/"))))
                .rateLimit(new RateLimit(1000, 1000)).requestTimeout(timeout));
    }

    private static ListAppender<ILoggingEvent> listen() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(OAuthTokens.class)).addAppender(appender);
        return appender;
    }

    @Test
    void aRotatedPairWhoseSaveFailsIsSavedBeforeAnyCallUsesIt() throws Exception {
        OAuthFake oauth = new OAuthFake("refresh-0");
        FakePortal fake = fake(oauth);
        InMemoryTokenStore inner = new InMemoryTokenStore();
        RestClient client = client(fake, flaky(inner, new AtomicInteger(2)), Duration.ofSeconds(10));
        await(client.registerInstall(new Portal("portal.example", "m1", fake.restUrl(), fake.serverEndpoint()),
                "stale-access", "refresh-0", 3600, ""));
        ListAppender<ILoggingEvent> appender = listen();
        try {
            await(client.call("m1", "crm.lead.get", Map.of("ID", 1)));

            // the call that needed the refresh went on only once the store held the rotated pair
            assertThat(inner.load("m1")).get().extracting(PortalCredentials::refreshToken).isEqualTo("refresh-1");
            assertThat(oauth.refreshes).hasValue(1);
            assertThat(appender.list).noneMatch(e -> e.getLevel() == Level.ERROR);
            assertThat(appender.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(2)
                    .allSatisfy(e -> assertThat(e.getFormattedMessage()).contains("retrying").doesNotContain("refresh-1"));
        } finally {
            ((Logger) LoggerFactory.getLogger(OAuthTokens.class)).detachAppender(appender);
        }
    }

    @Test
    void aPairThatCannotBeSavedWithinTheRequestTimeoutIsKeptInUseSavedLaterAndAlertedOnce() throws Exception {
        OAuthFake oauth = new OAuthFake("refresh-0");
        FakePortal fake = fake(oauth);
        InMemoryTokenStore inner = new InMemoryTokenStore();
        RestClient client = client(fake, flaky(inner, new AtomicInteger(4)), Duration.ofMillis(500));
        await(client.registerInstall(new Portal("portal.example", "m1", fake.restUrl(), fake.serverEndpoint()),
                "stale-access", "refresh-0", 3600, ""));
        ListAppender<ILoggingEvent> appender = listen();
        try {
            await(client.call("m1", "crm.lead.get", Map.of("ID", 1)));
            await(client.call("m1", "crm.lead.get", Map.of("ID", 2)));

            assertThat(oauth.refreshes).hasValue(1);
            until(() -> inner.load("m1").map(c -> c.refreshToken().equals("refresh-1")).orElse(false));
            assertThat(appender.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains("m1").contains("kept in memory")
                            .doesNotContain("refresh-1").doesNotContain(OAuthFake.CLIENT_SECRET));
        } finally {
            ((Logger) LoggerFactory.getLogger(OAuthTokens.class)).detachAppender(appender);
        }
    }
}
