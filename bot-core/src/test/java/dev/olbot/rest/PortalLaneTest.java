package dev.olbot.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.rest.internal.Job;
import dev.olbot.rest.internal.PortalLane;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The per-portal queue and bucket on a virtual clock: no sleeping, exact times. */
class PortalLaneTest {

    private final VirtualClock clock = new VirtualClock();
    private final AtomicLong seq = new AtomicLong();
    /** What left, in order: the virtual time in ms and the methods of the request (one, or a coalesced batch). */
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<List<Job>> inFlight = Collections.synchronizedList(new ArrayList<>());
    private boolean completeAtOnce = true;

    private PortalLane lane(RateLimit limit, boolean coalesce) {
        return new PortalLane("p1", clock, limit, coalesce, (lane, jobs) -> {
            sent.add(clock.nanoTime() / 1_000_000 + "ms " + jobs.stream().map(Job::method).collect(Collectors.joining("+")));
            if (completeAtOnce) {
                jobs.forEach(j -> {
                    lane.finished(j);
                    j.promise().complete();
                });
            } else {
                inFlight.add(jobs);
            }
        });
    }

    private Job job(String method, CallOptions options) {
        return new Job(seq.incrementAndGet(), "p1", method, Map.of(), options, Promise.promise());
    }

    @Nested
    class Bucket {

        @Test
        void letsTheBurstThroughAtOnceThenOnePerHalfSecondBehindThePortalsCountByTheMargin() {
            PortalLane lane = lane(RateLimit.STANDARD, false);
            for (int i = 0; i < 53; i++) {
                lane.submit(job("crm.lead.get", CallOptions.NONE));
            }

            assertThat(sent).hasSize(50).allSatisfy(s -> assertThat(s).startsWith("0ms "));
            assertThat(lane.waiting()).isEqualTo(3);

            clock.advance(Duration.ofMillis(524));
            assertThat(sent).hasSize(50);
            clock.advance(Duration.ofMillis(1));
            assertThat(sent).hasSize(51).last().asString().startsWith("525ms ");
            clock.advance(Duration.ofMillis(499));
            assertThat(sent).hasSize(51);
            clock.advance(Duration.ofMillis(1));
            assertThat(sent).hasSize(52).last().asString().startsWith("1025ms ");
            clock.advance(Duration.ofMillis(500));
            assertThat(sent).hasSize(53).element(52).asString().startsWith("1525ms ");
        }

        @Test
        void aRequestNeverLeavesTheMomentThePortalsCountWouldJustAdmitIt() {
            // the portal counts from arrival: a request sent exactly on the drain step can arrive a
            // millisecond "early" and be refused, which costs a whole request of the budget
            PortalLane lane = lane(RateLimit.STANDARD, false);
            for (int i = 0; i < 51; i++) {
                lane.submit(job("crm.lead.get", CallOptions.NONE));
            }
            clock.advance(Duration.ofMillis(500));
            lane.submit(job("crm.lead.get", CallOptions.NONE)); // a submit on the drain step itself

            assertThat(sent).hasSize(50);
        }

        @Test
        void waitsAFullDrainStepAndTheMarginAfterThePortalSaidTheBucketIsFull() {
            PortalLane lane = lane(new RateLimit(2, 50), false);
            lane.submit(job("a.get", CallOptions.NONE));
            lane.markFull();
            lane.submit(job("b.get", CallOptions.NONE));

            assertThat(sent).containsExactly("0ms a.get");
            clock.advance(Duration.ofMillis(524));
            assertThat(sent).containsExactly("0ms a.get");
            clock.advance(Duration.ofMillis(1));
            assertThat(sent).containsExactly("0ms a.get", "525ms b.get");
        }

        @Test
        void sendsWaitingCallsAsOneBatchWhenCoalescing() {
            PortalLane lane = lane(new RateLimit(2, 1), true);
            lane.submit(job("first.get", CallOptions.NONE));
            for (int i = 0; i < 60; i++) {
                lane.submit(job("m" + i + ".add", CallOptions.ordered("chat" + (i % 3))));
            }

            clock.advance(Duration.ofMillis(500));
            clock.advance(Duration.ofMillis(500));

            assertThat(sent).hasSize(3);
            assertThat(sent.get(1)).startsWith("500ms m0.add+m1.add+m2.add+m3.add");
            assertThat(sent.get(1).split("\\+")).hasSize(50);
            assertThat(sent.get(2)).startsWith("1000ms m50.add").endsWith("m59.add");
        }

        @Test
        void keepsHalfTheBurstForBatchesSoAThousandCallsLeaveWithinIt() {
            PortalLane lane = lane(RateLimit.STANDARD, true);
            for (int i = 0; i < 1000; i++) {
                lane.submit(job("imbot.message.add", CallOptions.ordered("chat" + i)));
            }
            clock.advance(Duration.ofMillis(20));

            int calls = sent.stream().mapToInt(s -> s.split("\\+").length).sum();
            assertThat(calls).isEqualTo(1000);
            assertThat(sent).hasSizeLessThanOrEqualTo(50).allSatisfy(s -> assertThat(s).matches("(0|20)ms .*"));
        }

        @Test
        void sharingTheBucketAtItsCeilingASmallBatchWaitsOneDrainStepForCompany() {
            PortalLane lane = lane(RateLimit.STANDARD, true);
            lane.sharedLevel(48); // other instances filled the portal's bucket
            lane.submit(job("imbot.message.add", CallOptions.ordered("chat1")));

            clock.advance(Duration.ofMillis(20));
            assertThat(sent).as("alone, a small batch would leave after 20 ms").isEmpty();
            clock.advance(Duration.ofMillis(200));
            lane.submit(job("imbot.message.add", CallOptions.ordered("chat2")));
            clock.advance(Duration.ofMillis(300));

            assertThat(sent).containsExactly("500ms imbot.message.add+imbot.message.add");
        }

        @Test
        void withoutOtherInstancesAFullBucketGathersOnlyTwentyMilliseconds() {
            PortalLane lane = lane(RateLimit.STANDARD, true);
            lane.markFull();
            clock.advance(Duration.ofMillis(600)); // the bucket drained a little: room for one request
            lane.submit(job("imbot.message.add", CallOptions.ordered("chat1")));

            clock.advance(Duration.ofMillis(20));

            assertThat(sent).hasSize(1).allSatisfy(s -> assertThat(s).endsWith(" imbot.message.add"));
        }

        @Test
        void aLoneCallStillLeavesAtOnceWhileTheBucketIsLow() {
            PortalLane lane = lane(RateLimit.STANDARD, true);
            lane.submit(job("imbot.message.add", CallOptions.ordered("chat1")));

            assertThat(sent).containsExactly("0ms imbot.message.add");
        }

        @Test
        void sendsAnUnbatchableMethodAlone() {
            PortalLane lane = lane(new RateLimit(2, 1), true);
            lane.submit(job("first.get", CallOptions.NONE));
            lane.submit(job("a.get", CallOptions.NONE));
            lane.submit(job("batch", CallOptions.NONE));
            lane.submit(job("b.get", CallOptions.NONE));

            clock.advance(Duration.ofMillis(1000));

            assertThat(sent).containsExactly("0ms first.get", "500ms a.get+b.get", "1000ms batch");
        }
    }

    @Nested
    class OperationTimeLimit {

        @Test
        void holdsOnlyTheLimitedMethodUntilOperatingResetAt() {
            PortalLane lane = lane(new RateLimit(100, 100), false);
            lane.observe("crm.lead.list", FakePortal.JSON.valueToTree(Map.of("operating", 480.5,
                    "operating_reset_at", clock.now().plusSeconds(120).getEpochSecond())));
            lane.holdMethod("crm.lead.list");

            lane.submit(job("crm.lead.list", CallOptions.NONE));
            lane.submit(job("imbot.message.add", CallOptions.NONE));

            assertThat(sent).containsExactly("0ms imbot.message.add");
            assertThat(lane.operating("crm.lead.list")).contains(480.5);
            clock.advance(Duration.ofSeconds(119));
            assertThat(sent).hasSize(1);
            clock.advance(Duration.ofSeconds(1));
            assertThat(sent).containsExactly("0ms imbot.message.add", "120000ms crm.lead.list");
        }

        @Test
        void holdsForTenMinutesWhenNoResetTimeIsKnown() {
            PortalLane lane = lane(new RateLimit(100, 100), false);
            lane.holdMethod("task.add");
            lane.submit(job("task.add", CallOptions.NONE));

            clock.advance(Duration.ofMinutes(10).minusMillis(1));
            assertThat(sent).isEmpty();
            clock.advance(Duration.ofMillis(1));
            assertThat(sent).containsExactly("600000ms task.add");
        }
    }

    @Nested
    class Ordering {

        @Test
        void neverSendsTheNextCallOfAKeyBeforeThePreviousFinished() {
            completeAtOnce = false;
            PortalLane lane = lane(new RateLimit(100, 100), false);
            lane.submit(job("one.add", CallOptions.ordered("chat1")));
            lane.submit(job("two.add", CallOptions.ordered("chat1")));
            lane.submit(job("other.add", CallOptions.ordered("chat2")));

            assertThat(sent).containsExactly("0ms one.add", "0ms other.add");
            Job one = inFlight.get(0).get(0);
            lane.finished(one);
            assertThat(sent).containsExactly("0ms one.add", "0ms other.add", "0ms two.add");
        }

        @Test
        void keepsKeyOrderWhenAnEarlierCallIsHeldOrBackedOff() {
            completeAtOnce = false;
            PortalLane lane = lane(new RateLimit(2, 50), false);
            lane.holdMethod("held.add");
            lane.submit(job("held.add", CallOptions.ordered("chat1")));
            lane.submit(job("after.add", CallOptions.ordered("chat1")));
            lane.submit(job("free.add", CallOptions.ordered("chat2")));

            assertThat(sent).containsExactly("0ms free.add");
        }

        @Test
        void putsARequeuedCallBackInFrontOfLaterCallsOfItsKey() {
            completeAtOnce = false;
            PortalLane lane = lane(new RateLimit(2, 2), false);
            lane.submit(job("one.add", CallOptions.ordered("chat1")));
            lane.submit(job("two.add", CallOptions.ordered("chat1")));
            Job one = inFlight.get(0).get(0);

            lane.markFull();
            lane.requeue(one, Duration.ofSeconds(1).toNanos()); // rejected by the limit, backs off
            clock.advance(Duration.ofMillis(900));
            assertThat(sent).containsExactly("0ms one.add");
            clock.advance(Duration.ofMillis(100));
            assertThat(sent).containsExactly("0ms one.add", "1000ms one.add");
            lane.finished(inFlight.get(1).get(0));
            assertThat(sent).containsExactly("0ms one.add", "1000ms one.add", "1000ms two.add");
        }
    }
}
