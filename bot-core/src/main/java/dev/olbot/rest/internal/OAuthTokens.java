package dev.olbot.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.event.WireRules;
import dev.olbot.rest.InstallNotConfirmedException;
import dev.olbot.rest.OAuthApp;
import dev.olbot.rest.OAuthServers;
import dev.olbot.rest.PortalCredentials;
import dev.olbot.rest.ReinstallRequiredException;
import dev.olbot.rest.RefreshLock;
import dev.olbot.rest.RestClock;
import dev.olbot.rest.RestException;
import dev.olbot.rest.TokenStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OAuth tokens per portal. One refresh at a time per portal: every caller that saw the old token
 * expire waits for the same refresh, and the rotated pair is saved to the {@link TokenStore}
 * before anyone uses it. The token URL comes from the portal's {@code server_endpoint}.
 */
public final class OAuthTokens implements Auth {

    static final String TOKEN_METHOD = "oauth/token";
    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokens.class);

    private final Vertx vertx;
    private final TokenStore store;
    private final OAuthApp app;
    private final OAuthServers servers;
    private final HttpTransport transport;
    private final RestClock clock;
    private final long timeoutMs;
    private final ConcurrentHashMap<String, PortalCredentials> cache = new ConcurrentHashMap<>();
    private final Map<String, Future<PortalCredentials>> refreshing = new HashMap<>();
    private RefreshLock lock = RefreshLock.inProcess();
    /** Portals whose rotated pair is held in memory only, while its save is retried. */
    private final java.util.Set<String> unsaved = ConcurrentHashMap.newKeySet();
    private dev.olbot.metrics.OlbotMetrics metrics = dev.olbot.metrics.OlbotMetrics.noop();

    /** Counts refreshes from now on (set before the first call). */
    void metrics(dev.olbot.metrics.OlbotMetrics metrics) {
        this.metrics = metrics;
    }

    public OAuthTokens(Vertx vertx, TokenStore store, OAuthApp app, OAuthServers servers, HttpTransport transport, RestClock clock,
            long timeoutMs) {
        this.vertx = vertx;
        this.store = store;
        this.app = app;
        this.servers = servers;
        this.transport = transport;
        this.clock = clock;
        this.timeoutMs = timeoutMs;
    }

    /** The cluster-wide refresh lock (default: this process's single flight only). */
    public OAuthTokens refreshLock(RefreshLock lock) {
        this.lock = lock;
        return this;
    }

    public Future<Void> register(PortalCredentials credentials) {
        return vertx.executeBlocking(() -> {
            store.save(credentials);
            return null;
        }).onSuccess(x -> cache.put(credentials.memberId(), credentials)).mapEmpty();
    }

    @Override
    public Future<Target> target(String portal) {
        return credentials(portal).map(c -> new Target(c.clientEndpoint(), c.accessToken()));
    }

    private Future<PortalCredentials> credentials(String portal) {
        synchronized (refreshing) {
            Future<PortalCredentials> inFlight = refreshing.get(portal);
            if (inFlight != null) {
                return inFlight;
            }
        }
        return stored(portal);
    }

    private Future<PortalCredentials> stored(String portal) {
        PortalCredentials cached = cache.get(portal);
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        return vertx.executeBlocking(() -> store.load(portal)).map(found -> {
            PortalCredentials c = found.orElseThrow(() -> new RestException("", 401, "NO_AUTH_FOUND",
                    "no credentials stored for portal " + portal + "; register the install first"));
            return cache.merge(portal, c, (old, fresh) -> old);
        });
    }

    @Override
    public Map<String, ?> decorate(String method, Map<String, ?> params) {
        return params;
    }

    @Override
    public boolean refreshable() {
        return true;
    }

    @Override
    public Future<Void> refresh(String portal, String usedToken) {
        Promise<PortalCredentials> promise;
        synchronized (refreshing) {
            Future<PortalCredentials> inFlight = refreshing.get(portal);
            if (inFlight != null) {
                return inFlight.mapEmpty();
            }
            PortalCredentials cached = cache.get(portal);
            if (cached != null && !cached.accessToken().equals(usedToken)) {
                return Future.succeededFuture(); // someone else already refreshed
            }
            promise = Promise.promise();
            refreshing.put(portal, promise.future());
        }
        lockedRefresh(portal, usedToken).onComplete(ar -> {
            synchronized (refreshing) {
                refreshing.remove(portal);
            }
            metrics.tokenRefresh(ar.succeeded());
            promise.handle(ar);
        });
        return promise.future().mapEmpty();
    }

    private record Locked(Optional<RefreshLock.Held> held, PortalCredentials stored) {}

    /**
     * Takes the portal's refresh lock, then reads the store again: if another instance rotated the
     * pair meanwhile, that pair is used and nothing is refreshed (its refresh token is spent); else
     * this instance refreshes and saves, then releases the lock.
     */
    private Future<PortalCredentials> lockedRefresh(String portal, String usedToken) {
        Duration lease = Duration.ofMillis(2 * timeoutMs + 5_000);
        return vertx.executeBlocking(() -> {
            Optional<RefreshLock.Held> held = lock.acquire(portal, lease, lease);
            try {
                PortalCredentials stored = store.load(portal).orElseThrow(() -> new RestException("", 401, "NO_AUTH_FOUND",
                        "no credentials stored for portal " + portal + "; register the install first"));
                return new Locked(held, stored);
            } catch (RuntimeException e) {
                held.ifPresent(RefreshLock.Held::release);
                throw e;
            }
        }).compose(l -> {
            PortalCredentials cached = cache.get(portal);
            boolean ours = cached != null && cached.accessToken().equals(usedToken);
            if (!l.stored().accessToken().equals(usedToken) && (!ours || !l.stored().expiresAt().isBefore(cached.expiresAt()))) {
                release(l.held());
                cache.put(portal, l.stored());
                LOG.debug("the access token of portal {} was already refreshed (another instance); using the stored pair", portal);
                return Future.succeededFuture(l.stored());
            }
            if (l.held().isEmpty()) {
                return Future.failedFuture(new RestException(TOKEN_METHOD, 0, "ERROR_OAUTH", "the refresh lock of portal " + portal
                        + " was held elsewhere for " + lease.toSeconds() + " s and the stored token did not change"));
            }
            // the store may be behind this process (a save still being retried): refresh from the newer pair
            return exchange(ours ? cached : l.stored()).andThen(ar -> release(l.held()));
        });
    }

    private void release(Optional<RefreshLock.Held> held) {
        held.ifPresent(h -> vertx.executeBlocking(() -> {
            h.release();
            return null;
        }).onFailure(e -> LOG.warn("could not release a refresh lock: {}", e.getMessage())));
    }

    private Future<PortalCredentials> exchange(PortalCredentials current) {
        String portal = current.memberId();
        String base = current.serverEndpoint().isEmpty() ? servers.primary() : servers.baseFor(current.serverEndpoint()).orElse(null);
        if (base == null) {
            return Future.failedFuture(new RestException(TOKEN_METHOD, 0, "ERROR_OAUTH", "cannot refresh the token of portal " + portal
                    + ": its server_endpoint " + WireRules.authority(current.serverEndpoint())
                    + " is not a configured OAuth server (" + servers + "); the app secret goes to those only"));
        }
        String tokenUrl = base + "oauth/token/";
        // the secret and the refresh token travel in the POST body, never in the URL a proxy logs;
        // Bitrix24's token endpoint accepts that (b24jssdk #149/#239, checked against oauth.bitrix24.tech)
        String form = "grant_type=refresh_token&client_id=" + enc(app.clientId()) + "&client_secret=" + enc(app.clientSecret())
                + "&refresh_token=" + enc(current.refreshToken());
        LOG.debug("refreshing the access token of portal {} at {}", portal, tokenUrl);
        return transport.postForm(tokenUrl, form, timeoutMs)
                .recover(e -> Future.failedFuture(new RestException(TOKEN_METHOD, 0, "ERROR_OAUTH", "token refresh for portal "
                        + portal + " got no answer: " + Secrets.mask(e.getMessage(), app.clientSecret(), current.refreshToken()))))
                .compose(reply -> {
                    PortalCredentials next = parse(current, reply);
                    // the old refresh token is spent now: the new pair is used only once the store has it (another
                    // instance would refresh with the spent one), so the save is retried while the lock is held
                    return save(next, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs), 100);
                })
                .onSuccess(next -> {
                    cache.put(portal, next);
                    LOG.info("refreshed the access token of portal {}", portal);
                })
                .onFailure(e -> LOG.warn("token refresh for portal {} failed: {}", portal, Secrets.mask(e.getMessage(), app.clientSecret())));
    }

    /**
     * Saves a rotated pair, retrying (100 ms doubling to 2 s) until {@code deadlineNanos} — the caller holds
     * the portal's refresh lock meanwhile, so no instance reads the spent pair from the store. Past the
     * deadline the pair is kept in memory and used, and the save goes on in the background ({@link #unsaved}).
     */
    private Future<PortalCredentials> save(PortalCredentials next, long deadlineNanos, long delayMs) {
        return vertx.executeBlocking(() -> {
            store.save(next);
            return next;
        }).recover(e -> {
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs) - deadlineNanos >= 0) {
                cache.put(next.memberId(), next);
                unsaved(next.memberId(), e);
                return Future.succeededFuture(next);
            }
            LOG.warn("saving the rotated tokens of portal {} failed ({}); retrying in {} ms before anyone uses them",
                    next.memberId(), Secrets.mask(String.valueOf(e.getMessage()), app.clientSecret()), delayMs);
            Promise<PortalCredentials> retried = Promise.promise();
            vertx.setTimer(delayMs, id -> save(next, deadlineNanos, Math.min(2000, delayMs * 2)).onComplete(retried));
            return retried.future();
        });
    }

    /**
     * The rotated pair could not be saved: it stays in memory (and in use), the save is retried with
     * back-off (1 s doubling to 60 s) until it succeeds, and one ERROR says so. Saves the newest pair
     * held at each retry.
     */
    private void unsaved(String portal, Throwable e) {
        if (unsaved.add(portal)) {
            LOG.error("could not save the rotated tokens of portal {} ({}); they are kept in memory and the save is retried"
                    + " — if this process stops first the app must be reinstalled on that portal", portal,
                    Secrets.mask(String.valueOf(e.getMessage()), app.clientSecret()));
            retrySave(portal, 0);
        }
    }

    private void retrySave(String portal, int attempt) {
        vertx.setTimer(Math.min(60_000L, 1000L << Math.min(attempt, 6)), id -> vertx.executeBlocking(() -> {
            store.save(cache.get(portal));
            return null;
        }).onComplete(ar -> {
            if (ar.succeeded()) {
                unsaved.remove(portal);
                LOG.info("saved the rotated tokens of portal {} after {} retries", portal, attempt + 1);
            } else {
                retrySave(portal, attempt + 1);
            }
        }));
    }

    /**
     * Confirms an install through the trusted authorisation server before anything of it is kept:
     * {@code POST <server>/rest/app.info} with the install's access token (the docs: "to obtain a
     * trusted value, use the method oauth.bitrix.info/rest/app.info"). The answer must name this
     * application ({@code client_id}) and the portal the event claims ({@code install.member_id}),
     * with the event's {@code client_endpoint}. Then the credentials — endpoints as the server
     * states them — are saved. No secret is sent; a refused install leaves nothing behind.
     */
    public Future<PortalCredentials> confirm(dev.olbot.event.Portal claimed, String accessToken, String refreshToken,
            long expiresInSeconds, String applicationToken) {
        String portal = claimed.memberId();
        String base = servers.baseFor(claimed.serverEndpoint()).orElse(null);
        if (portal.isEmpty() || base == null || accessToken.isEmpty()) {
            return Future.failedFuture(new InstallNotConfirmedException(portal, portal.isEmpty() ? "no member_id"
                    : accessToken.isEmpty() ? "the event carries no access token"
                    : "server_endpoint " + WireRules.authority(claimed.serverEndpoint()) + " is not a configured OAuth server"));
        }
        return transport.postForm(base + "rest/app.info", "auth=" + enc(accessToken), timeoutMs)
                .recover(e -> Future.failedFuture(new InstallNotConfirmedException(portal, "the OAuth server " + base + " did not answer: "
                        + Secrets.mask(e.getMessage(), accessToken))))
                .map(reply -> confirmed(claimed, base, reply, accessToken, refreshToken, expiresInSeconds, applicationToken))
                .compose(c -> register(c).map(c));
    }

    private PortalCredentials confirmed(dev.olbot.event.Portal claimed, String base, HttpTransport.Reply reply, String accessToken,
            String refreshToken, long expiresInSeconds, String applicationToken) {
        String portal = claimed.memberId();
        JsonNode root;
        try {
            root = Envelope.JSON.readTree(reply.body());
        } catch (Exception e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw new InstallNotConfirmedException(portal, "app.info answered HTTP " + reply.status() + " without JSON");
        }
        if (root.hasNonNull("error")) {
            throw new InstallNotConfirmedException(portal, "app.info refused the install's access token ("
                    + dev.olbot.wire.LogSafe.escape(root.path("error").asText()) + ")");
        }
        JsonNode result = root.path("result");
        JsonNode install = result.path("install");
        String clientId = result.path("client_id").asText("");
        if (!clientId.isEmpty() && !clientId.equals(app.clientId())) {
            throw new InstallNotConfirmedException(portal, "the access token belongs to another application");
        }
        String memberId = install.path("member_id").asText("");
        if (!memberId.equals(portal)) {
            throw new InstallNotConfirmedException(portal, "the access token belongs to another portal");
        }
        String clientEndpoint = install.path("client_endpoint").asText("");
        if (clientEndpoint.isEmpty() || !WireRules.authority(clientEndpoint).equals(WireRules.authority(claimed.clientEndpoint()))) {
            throw new InstallNotConfirmedException(portal, "the portal's client_endpoint is not the one the event named");
        }
        String domain = install.path("domain").asText(claimed.domain());
        return new PortalCredentials(portal, domain, clientEndpoint, base + "rest/", accessToken, refreshToken,
                clock.now().plusSeconds(expiresInSeconds), applicationToken);
    }

    private PortalCredentials parse(PortalCredentials current, HttpTransport.Reply reply) {
        JsonNode root;
        try {
            root = Envelope.JSON.readTree(reply.body());
        } catch (Exception e) {
            root = null;
        }
        String portal = current.memberId();
        if (root == null || !root.isObject()) {
            throw new RestException(TOKEN_METHOD, reply.status(), Envelope.UNEXPECTED,
                    "the OAuth server returned an unexpected response (HTTP " + reply.status() + ") for portal " + portal);
        }
        if (root.hasNonNull("error")) {
            String error = root.path("error").asText();
            String description = Secrets.mask(root.path("error_description").asText(""), app.clientSecret(), current.refreshToken());
            if ("invalid_grant".equalsIgnoreCase(error)) {
                throw new ReinstallRequiredException(TOKEN_METHOD, portal, reply.status(), error, description);
            }
            throw new RestException(TOKEN_METHOD, reply.status(), error, "token refresh for portal " + portal + " failed: " + description);
        }
        String access = root.path("access_token").asText("");
        String refresh = root.path("refresh_token").asText("");
        if (access.isEmpty() || refresh.isEmpty()) {
            throw new RestException(TOKEN_METHOD, reply.status(), Envelope.UNEXPECTED, "the OAuth server answered without a token pair for portal " + portal);
        }
        long expiresIn = root.path("expires_in").asLong(3600);
        return current.withTokens(access, refresh, clock.now().plusSeconds(expiresIn))
                .withEndpoints(root.path("client_endpoint").asText(""), current.serverEndpoint());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
