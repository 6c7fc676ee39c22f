package dev.olbot.outbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SPI: the calls of turns that the platform confirmed, kept by an idempotency key for a while, so a
 * turn that runs again — its event re-claimed after an instance died, replayed after a crash, or its
 * dialog saved first by another instance — sends none of them twice and gets the recorded result
 * instead.
 *
 * <p>The key is {@code <turn>#<bot id>#<n>}: the event that started the turn (its dedupe key; for a
 * timeout, the dialog, timeout name and due time) and the call's place in the turn. A recorded call
 * is skipped only when the re-run makes the same call there (same method, same {@link #fingerprint}
 * of its parameters); a re-run on a different state that makes a different call sends it.
 *
 * <p>Implementations are thread-safe and may block (turns call them on their handler thread, never on
 * an event loop). {@link #none()} is the default; {@code RedisSentCalls} is what a cluster uses.
 */
public interface SentCalls {

    /**
     * A call the platform confirmed.
     *
     * @param method      the REST method
     * @param fingerprint {@link #fingerprint} of its parameters
     * @param result      the {@code result} the platform answered, as JSON text ({@code null} when it answered none)
     */
    record Sent(String method, String fingerprint, String result) {

        /** True when {@code method} with parameters of {@code fingerprint} is the call recorded here. */
        public boolean sameCall(String method, String fingerprint) {
            return this.method.equals(method) && this.fingerprint.equals(fingerprint);
        }
    }

    /** The call recorded under {@code key}, if one is (and was not forgotten yet). */
    Optional<Sent> find(String key);

    /** Records a confirmed call. A store that cannot record logs it and goes on (the call was made). */
    void record(String key, Sent sent);

    /** False for {@link #none()}: the engine then neither asks nor records. */
    default boolean enabled() {
        return true;
    }

    /** Remembers nothing: a turn that runs again sends its calls again. */
    static SentCalls none() {
        return None.INSTANCE;
    }

    /**
     * Keeps keys in this process for {@code ttl}, at most {@code maxKeys} (the oldest go first): enough
     * for turns re-run in one process (a save that lost to another writer of the same store).
     */
    static SentCalls inMemory(Duration ttl, int maxKeys, Clock clock) {
        return new InMemory(ttl.toMillis(), maxKeys, clock);
    }

    /** A short, stable fingerprint of a call's parameters (SHA-256 of their text, 64 bits in hex). */
    static String fingerprint(Map<String, ?> params) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(String.valueOf(params).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** See {@link #none()}. */
    enum None implements SentCalls {
        INSTANCE;

        @Override
        public Optional<Sent> find(String key) {
            return Optional.empty();
        }

        @Override
        public void record(String key, Sent sent) {}

        @Override
        public boolean enabled() {
            return false;
        }
    }

    /** See {@link #inMemory}. */
    final class InMemory implements SentCalls {
        private final long ttlMillis;
        private final int maxKeys;
        private final Clock clock;
        private final LinkedHashMap<String, Map.Entry<Long, Sent>> kept = new LinkedHashMap<>();

        InMemory(long ttlMillis, int maxKeys, Clock clock) {
            this.ttlMillis = ttlMillis;
            this.maxKeys = maxKeys;
            this.clock = clock;
        }

        @Override
        public synchronized Optional<Sent> find(String key) {
            Map.Entry<Long, Sent> e = kept.get(key);
            return e == null || clock.millis() - e.getKey() > ttlMillis ? Optional.empty() : Optional.of(e.getValue());
        }

        @Override
        public synchronized void record(String key, Sent sent) {
            long now = clock.millis();
            var it = kept.entrySet().iterator();
            while (it.hasNext()) {
                var oldest = it.next();
                if (kept.size() >= maxKeys || now - oldest.getValue().getKey() > ttlMillis) {
                    it.remove();
                } else {
                    break;
                }
            }
            kept.put(key, Map.entry(now, sent));
        }
    }
}
