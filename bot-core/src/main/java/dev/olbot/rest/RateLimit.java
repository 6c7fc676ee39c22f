package dev.olbot.rest;

/**
 * The platform's per-portal leaky bucket: each request adds one, the level drains by
 * {@code perSecond}, and a request that would overflow {@code burst} is rejected with
 * {@code QUERY_LIMIT_EXCEEDED}. The client keeps a copy of the bucket per portal and makes callers
 * wait instead of letting them hit the limit.
 */
public record RateLimit(double perSecond, int burst) {

    /** Every plan except Enterprise: 2 requests/s, burst 50. */
    public static final RateLimit STANDARD = new RateLimit(2, 50);
    /** Enterprise plans: 5 requests/s, burst 250. */
    public static final RateLimit ENTERPRISE = new RateLimit(5, 250);

    public RateLimit {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rate limit needs perSecond > 0 and burst >= 1");
        }
    }
}
