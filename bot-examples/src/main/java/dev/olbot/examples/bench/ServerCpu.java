package dev.olbot.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * CPU time the server's threads spent during a load run — every Java thread of this process but the
 * load generator's — per request answered. A machine that others load slows every thread's wall
 * time alike, but this figure far less: it says what one event costs, not how many fit in a second.
 * (GC and JIT threads are not Java threads here and are not counted.)
 */
final class ServerCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Set<Long> clientThreads;
    private final Map<Long, Long> start = new HashMap<>();

    private ServerCpu(Set<Long> clientThreads) {
        this.clientThreads = clientThreads;
        for (long id : THREADS.getAllThreadIds()) {
            start.put(id, Math.max(0, THREADS.getThreadCpuTime(id)));
        }
    }

    /** Starts counting; {@code clientThreads} (ids) are left out — read when {@link #microsPer} is called. */
    static ServerCpu start(Set<Long> clientThreads) {
        return new ServerCpu(clientThreads);
    }

    /** Microseconds of server CPU per one of {@code requests} since {@link #start}. */
    double microsPer(long requests) {
        long nanos = 0;
        for (long id : THREADS.getAllThreadIds()) {
            if (clientThreads.contains(id)) {
                continue;
            }
            long now = THREADS.getThreadCpuTime(id);
            if (now > 0) {
                nanos += now - start.getOrDefault(id, 0L);
            }
        }
        return requests == 0 ? Double.NaN : nanos / 1e3 / requests;
    }
}
