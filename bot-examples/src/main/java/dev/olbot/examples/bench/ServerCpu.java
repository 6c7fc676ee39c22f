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
        return byKind(requests).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * The same, by kind of thread: {@code event loop} (Vert.x's), {@code journal writer},
     * {@code workers} (the handler pool), {@code other}.
     */
    Map<String, Double> byKind(long requests) {
        Map<String, Double> micros = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null || clientThreads.contains(info.getThreadId())) {
                continue;
            }
            long now = THREADS.getThreadCpuTime(info.getThreadId());
            if (now > 0) {
                micros.merge(kind(info.getThreadName()), (now - start.getOrDefault(info.getThreadId(), 0L)) / 1e3 / Math.max(1, requests),
                        Double::sum);
            }
        }
        return micros;
    }

    private static String kind(String thread) {
        if (thread.startsWith("vert.x-eventloop")) {
            return "event loop";
        }
        if (thread.startsWith("olbot-inbox-writer")) {
            return "journal writer";
        }
        if (thread.startsWith("olbot-handler")) {
            return "workers";
        }
        return "other";
    }
}
