package dev.olbot.testkit;

/**
 * The leaky bucket of a portal: the counter drains {@code perSecond} each second and a request that
 * finds it at {@code burst} is refused with {@code QUERY_LIMIT_EXCEEDED} (503).
 */
public record RatePlan(double perSecond, int burst) {
    /** Every plan but Enterprise: 2 per second, burst 50. */
    public static final RatePlan STANDARD = new RatePlan(2, 50);
    /** Enterprise: 5 per second, burst 250. */
    public static final RatePlan ENTERPRISE = new RatePlan(5, 250);
}
