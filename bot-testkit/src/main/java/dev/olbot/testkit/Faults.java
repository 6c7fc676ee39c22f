package dev.olbot.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Faults injected into REST requests: scripted for the next matching call(s), MockWebServer style
 * ({@code fake.faults().next("imbot.message.add").respondWith500()}), or at random on a share of
 * all requests with a seed ({@code fake.faults().random(42, 0.10, Kind.DROP_CONNECTION)}).
 *
 * <p>A fault applies to one HTTP request as a whole: for a {@code batch}, every command in it.
 * Every injected fault is logged ({@link #injected()}), including whether the method ran, so a
 * test can tell a write that executed and then faulted from one that never ran.
 */
public final class Faults {

    /** What happens to a call a fault matched. */
    public enum Kind {
        /** 500 INTERNAL_SERVER_ERROR before the method runs (nothing happens). */
        INTERNAL_ERROR(false),
        /**
         * The method runs (for a {@code batch}: every command), then the answer is a 500
         * INTERNAL_SERVER_ERROR — a fatal error late in the PHP request, after the writes.
         */
        INTERNAL_ERROR_AFTER_EXECUTING(true),
        /** The connection is closed without a response; the method is not executed. */
        DROP_CONNECTION(false),
        /** The method runs, then the connection is closed without a response. */
        DROP_AFTER_EXECUTING(true),
        /** The method runs; its response is held until the virtual clock advances by the delay. */
        DELAY(true),
        /** The method runs (its effect happens) but no response is ever sent. */
        TIMEOUT_AFTER_EXECUTING(true),
        /** 503 QUERY_LIMIT_EXCEEDED as if the portal's bucket were full; the method is not executed. */
        QUERY_LIMIT_EXCEEDED(false),
        /** 429 OPERATION_TIME_LIMIT for the method (held 10 minutes, as the platform says); not executed. */
        OPERATION_TIME_LIMIT(false);

        private final boolean executes;

        Kind(boolean executes) {
            this.executes = executes;
        }

        /** True when the method's effect happens before the fault. */
        public boolean executes() {
            return executes;
        }
    }

    record Fault(String method, Kind kind, Duration delay) {}

    /**
     * One fault that was injected.
     *
     * @param method   the method of the request (lower-case; {@code batch} for a batch)
     * @param kind     what the fault did
     * @param executed whether the method (every command of a batch) ran before the fault
     * @param callSeq  {@link RecordedCall#seq()} of the faulted request
     */
    public record Injected(String method, Kind kind, boolean executed, long callSeq) {}

    private final List<Fault> pending = new ArrayList<>();
    private final List<Injected> injected = new ArrayList<>();
    private Random random;
    private double share;
    private List<Kind> randomKinds = List.of();
    private Duration randomDelay = Duration.ZERO;

    /** Faults for the next call(s) of {@code method} ({@code "*"} matches any method). */
    public Builder next(String method) {
        return new Builder(method.toLowerCase(Locale.ROOT));
    }

    /**
     * Faults {@code share} (0..1) of all later requests at random, choosing among {@code kinds}
     * uniformly; the same seed gives the same sequence for the same requests. A {@link Kind#DELAY}
     * holds the answer 90 virtual seconds. Scripted faults ({@link #next}) come first.
     */
    public synchronized void random(long seed, double share, Kind... kinds) {
        if (!(share >= 0 && share <= 1) || kinds.length == 0) {
            throw new IllegalArgumentException("share must be in [0, 1] and at least one kind given");
        }
        this.random = new Random(seed);
        this.share = share;
        this.randomKinds = List.of(kinds);
        this.randomDelay = Duration.ofSeconds(90);
    }

    /** Stops random faults (scripted ones stay). */
    public synchronized void stopRandom() {
        this.random = null;
    }

    /** Every fault injected so far, in order. */
    public synchronized List<Injected> injected() {
        return List.copyOf(injected);
    }

    synchronized Fault take(String method) {
        for (Iterator<Fault> it = pending.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            if (f.method().equals("*") || f.method().equals(method)) {
                it.remove();
                return f;
            }
        }
        if (random != null && random.nextDouble() < share) {
            return new Fault(method, randomKinds.get(random.nextInt(randomKinds.size())), randomDelay);
        }
        return null;
    }

    synchronized void logInjected(String method, Kind kind, long callSeq) {
        injected.add(new Injected(method, kind, kind.executes(), callSeq));
    }

    synchronized void clear() {
        pending.clear();
        random = null;
    }

    /** Chooses how many calls and what happens to them. */
    public final class Builder {
        private final String method;
        private int times = 1;

        private Builder(String method) {
            this.method = method;
        }

        /** Applies to the next {@code n} matching calls (default 1). */
        public Builder times(int n) {
            this.times = n;
            return this;
        }

        public void respondWith500() {
            add(Kind.INTERNAL_ERROR, Duration.ZERO);
        }

        /** The method runs, then the answer is a 500 (for a batch: all its commands ran). */
        public void respondWith500AfterExecuting() {
            add(Kind.INTERNAL_ERROR_AFTER_EXECUTING, Duration.ZERO);
        }

        public void dropConnection() {
            add(Kind.DROP_CONNECTION, Duration.ZERO);
        }

        /** The method runs, then the connection is closed without an answer. */
        public void dropConnectionAfterExecuting() {
            add(Kind.DROP_AFTER_EXECUTING, Duration.ZERO);
        }

        public void delay(Duration delay) {
            add(Kind.DELAY, delay);
        }

        public void timeoutAfterExecuting() {
            add(Kind.TIMEOUT_AFTER_EXECUTING, Duration.ZERO);
        }

        /** 503 {@code QUERY_LIMIT_EXCEEDED}; the method does not run. */
        public void queryLimitExceeded() {
            add(Kind.QUERY_LIMIT_EXCEEDED, Duration.ZERO);
        }

        /** 429 {@code OPERATION_TIME_LIMIT} with {@code operating_reset_at} 10 minutes on; the method does not run. */
        public void operationTimeLimit() {
            add(Kind.OPERATION_TIME_LIMIT, Duration.ZERO);
        }

        private void add(Kind kind, Duration delay) {
            synchronized (Faults.this) {
                for (int i = 0; i < times; i++) {
                    pending.add(new Fault(method, kind, delay));
                }
            }
        }
    }
}
