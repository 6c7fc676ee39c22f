package dev.olbot.rest;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of a {@link RestClient}, filled in by the {@code Consumer} given to
 * {@link RestClient#create}. Exactly one of {@link #oauth} and {@link #webhook} must be set.
 */
public final class RestClientOptions {

    private OAuthApp oauth;
    private TokenStore tokenStore = TokenStore.inMemory();
    private RefreshLock refreshLock = RefreshLock.inProcess();
    private SharedBucket sharedBucket;
    private OAuthServers oauthServers = OAuthServers.DEFAULT;
    private WebhookCredentials webhook;
    private RateLimit rateLimit = RateLimit.STANDARD;
    private boolean coalescing = true;
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int retries = 3;
    private Duration backoffBase = Duration.ofMillis(500);
    private int limitRetries = 20;
    private int idempotencyCapacity = 10_000;
    private int maxConnectionsPerHost = 20;
    private RestClock clock;
    private String userAgent = "olbot/0.1";
    private dev.olbot.metrics.OlbotMetrics metrics = dev.olbot.metrics.OlbotMetrics.noop();

    /** An OAuth application serving many portals; tokens live in {@link #tokenStore(TokenStore)}. */
    public RestClientOptions oauth(String clientId, String clientSecret) {
        this.oauth = new OAuthApp(clientId, clientSecret);
        return this;
    }

    /**
     * The authorisation servers trusted with the app secret and refresh tokens (default
     * {@link OAuthServers#DEFAULT}: {@code https://oauth.bitrix.info/}, {@code https://oauth.bitrix24.tech/}).
     */
    public RestClientOptions oauthServers(OAuthServers servers) {
        this.oauthServers = Objects.requireNonNull(servers);
        return this;
    }

    public OAuthServers oauthServers() {
        return oauthServers;
    }

    /** Where per-portal tokens are kept (default: in memory). */
    public RestClientOptions tokenStore(TokenStore store) {
        this.tokenStore = Objects.requireNonNull(store);
        return this;
    }

    /** The lock that makes one refresh per portal across instances sharing the token store (default: this process only). */
    public RestClientOptions refreshLock(RefreshLock lock) {
        this.refreshLock = Objects.requireNonNull(lock);
        return this;
    }

    public RefreshLock refreshLock() {
        return refreshLock;
    }

    /** A per-portal bucket shared by every instance, consulted after the client's own (default: none). */
    public RestClientOptions sharedBucket(SharedBucket bucket) {
        this.sharedBucket = Objects.requireNonNull(bucket);
        return this;
    }

    public Optional<SharedBucket> sharedBucket() {
        return Optional.ofNullable(sharedBucket);
    }

    /** One inbound webhook; the {@code portal} argument of calls is then only a label for pacing. */
    public RestClientOptions webhook(WebhookCredentials credentials) {
        this.webhook = Objects.requireNonNull(credentials);
        return this;
    }

    /** The bucket to pace each portal by (default {@link RateLimit#STANDARD}). */
    public RestClientOptions rateLimit(RateLimit limit) {
        this.rateLimit = Objects.requireNonNull(limit);
        return this;
    }

    /** Whether waiting calls of a portal may leave together as one {@code batch} (default on). */
    public RestClientOptions coalescing(boolean on) {
        this.coalescing = on;
        return this;
    }

    /** Real-time limit for one HTTP exchange (default 30 s; the platform cuts requests at 60 s). */
    public RestClientOptions requestTimeout(Duration timeout) {
        this.requestTimeout = Objects.requireNonNull(timeout);
        return this;
    }

    /**
     * Re-sends of a call that did not reach the portal (connection refused) or of a read without an
     * answer: at most {@code count}, after {@code base * 2^(n-1)} with jitter (default 3, 500 ms).
     */
    public RestClientOptions retries(int count, Duration base) {
        this.retries = count;
        this.backoffBase = Objects.requireNonNull(base);
        return this;
    }

    /** How often one call may be rejected by the rate limit before the caller sees it (default 20). */
    public RestClientOptions limitRetries(int count) {
        this.limitRetries = count;
        return this;
    }

    /** How many idempotency keys the client remembers (default 10,000, least recently used dropped). */
    public RestClientOptions idempotencyCapacity(int capacity) {
        this.idempotencyCapacity = capacity;
        return this;
    }

    public RestClientOptions maxConnectionsPerHost(int max) {
        this.maxConnectionsPerHost = max;
        return this;
    }

    /** The pacing clock (default: {@link RestClock#system}); tests pass a virtual one. */
    public RestClientOptions clock(RestClock clock) {
        this.clock = clock;
        return this;
    }

    /** Where calls, batch sizes, rate-limit waits, limit errors and token refreshes are counted (default: nowhere). */
    public RestClientOptions metrics(dev.olbot.metrics.OlbotMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics);
        return this;
    }

    public dev.olbot.metrics.OlbotMetrics metrics() {
        return metrics;
    }

    public RestClientOptions userAgent(String userAgent) {
        this.userAgent = Objects.requireNonNull(userAgent);
        return this;
    }

    public Optional<OAuthApp> oauth() {
        return Optional.ofNullable(oauth);
    }

    public TokenStore tokenStore() {
        return tokenStore;
    }

    public Optional<WebhookCredentials> webhook() {
        return Optional.ofNullable(webhook);
    }

    public RateLimit rateLimit() {
        return rateLimit;
    }

    public boolean coalescing() {
        return coalescing;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public int retries() {
        return retries;
    }

    public Duration backoffBase() {
        return backoffBase;
    }

    public int limitRetries() {
        return limitRetries;
    }

    public int idempotencyCapacity() {
        return idempotencyCapacity;
    }

    public int maxConnectionsPerHost() {
        return maxConnectionsPerHost;
    }

    public Optional<RestClock> clock() {
        return Optional.ofNullable(clock);
    }

    public String userAgent() {
        return userAgent;
    }
}
