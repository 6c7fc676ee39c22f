package dev.olbot.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Faults injected into the next matching REST call(s), MockWebServer style:
 * {@code fake.faults().next("imbot.message.add").respondWith500()}.
 */
public final class Faults {

    /** What happens to a call a fault matched. */
    public enum Kind {
        /** 500 INTERNAL_SERVER_ERROR; the method is not executed. */
        INTERNAL_ERROR,
        /** The connection is closed without a response; the method is not executed. */
        DROP_CONNECTION,
        /** The method runs; its response is held until the virtual clock advances by the delay. */
        DELAY,
        /** The method runs (its effect happens) but no response is ever sent. */
        TIMEOUT_AFTER_EXECUTING
    }

    record Fault(String method, Kind kind, Duration delay) {}

    private final List<Fault> pending = new ArrayList<>();

    /** Faults for the next call(s) of {@code method} ({@code "*"} matches any method). */
    public Builder next(String method) {
        return new Builder(method.toLowerCase(java.util.Locale.ROOT));
    }

    synchronized Fault take(String method) {
        for (Iterator<Fault> it = pending.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            if (f.method().equals("*") || f.method().equals(method)) {
                it.remove();
                return f;
            }
        }
        return null;
    }

    synchronized void clear() {
        pending.clear();
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

        public void dropConnection() {
            add(Kind.DROP_CONNECTION, Duration.ZERO);
        }

        public void delay(Duration delay) {
            add(Kind.DELAY, delay);
        }

        public void timeoutAfterExecuting() {
            add(Kind.TIMEOUT_AFTER_EXECUTING, Duration.ZERO);
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
