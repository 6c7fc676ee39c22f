package dev.olbot.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Every REST call the account received, in order. {@link #takeCall} consumes them one by one
 * (MockWebServer style); {@link #verify} counts over all of them (WireMock style).
 */
public final class Calls {

    private final LinkedBlockingQueue<RecordedCall> queue = new LinkedBlockingQueue<>();
    private final List<RecordedCall> all = new ArrayList<>();
    private final Transcript transcript;
    private final java.util.Map<Long, java.util.Map<String, Object>> responses = new java.util.concurrent.ConcurrentHashMap<>();

    Calls(Transcript transcript) {
        this.transcript = transcript;
    }

    void record(RecordedCall call) {
        synchronized (all) {
            all.add(call);
        }
        queue.add(call);
    }

    void respond(long seq, java.util.Map<String, Object> body) {
        responses.put(seq, body);
    }

    /**
     * The JSON body the account answered {@code call} with; empty for a command of a {@code batch} (its result is
     * in the batch's answer) and for a call not answered yet.
     */
    public java.util.Optional<java.util.Map<String, Object>> response(RecordedCall call) {
        return java.util.Optional.ofNullable(responses.get(call.seq()));
    }

    /** The next call not yet taken, waiting up to ten (real) seconds for it; fails when none comes. */
    public RecordedCall takeCall() {
        RecordedCall c = takeCall(Duration.ofSeconds(10));
        if (c == null) {
            throw new AssertionError("no REST call arrived within 10s\nTranscript:\n" + transcript);
        }
        return c;
    }

    /** The next call not yet taken, or null when none arrives within {@code timeout} (real time). */
    public RecordedCall takeCall(Duration timeout) {
        try {
            return queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Fails when a call arrived that was not taken. */
    public void assertNoMoreCalls() {
        RecordedCall c = queue.peek();
        if (c != null) {
            throw new AssertionError("expected no more REST calls, but got " + queue.size() + ", first: " + c
                    + "\nTranscript:\n" + transcript);
        }
    }

    public List<RecordedCall> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    /** Number of recorded calls matching {@code pattern}. */
    public int count(CallPattern pattern) {
        return (int) all().stream().filter(pattern::matches).count();
    }

    /** Asserts how many calls match; the failure shows the closest call that did arrive and the transcript. */
    public void verify(CallCount count, CallPattern pattern) {
        List<RecordedCall> calls = all();
        List<RecordedCall> matching = calls.stream().filter(pattern::matches).toList();
        if (count.accepts(matching.size())) {
            return;
        }
        StringBuilder msg = new StringBuilder();
        msg.append("Expected ").append(count).append(" call(s) of ").append(pattern)
                .append(" but got ").append(matching.size()).append('\n');
        if (matching.isEmpty()) {
            calls.stream().max(Comparator.comparingDouble(pattern::similarity)).ifPresentOrElse(closest -> {
                msg.append("Closest call that did arrive:\n  ").append(closest).append('\n');
                msg.append(pattern.diff(closest));
            }, () -> msg.append("No REST calls arrived at all.\n"));
        } else {
            msg.append("Matching calls:\n");
            matching.forEach(c -> msg.append("  ").append(c).append('\n'));
        }
        msg.append("All calls (").append(calls.size()).append("):\n");
        calls.forEach(c -> msg.append("  #").append(c.seq()).append(' ').append(c.method()).append('\n'));
        msg.append("Transcript:\n").append(transcript);
        throw new AssertionError(msg.toString());
    }
}
