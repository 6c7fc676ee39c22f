package dev.olbot.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LaneExecutorTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final LaneExecutor lanes = new LaneExecutor(pool);

    @AfterEach
    void shutdown() {
        pool.shutdownNow();
    }

    @Test
    void runsTasksOfOneLaneInSubmissionOrderOneAtATime() throws Exception {
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        List<String> overlaps = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(4 * 500);
        for (int i = 0; i < 500; i++) {
            for (String lane : List.of("a", "b", "c", "d")) {
                int n = i;
                lanes.submit(lane, () -> {
                    if (running.computeIfAbsent(lane, k -> new AtomicInteger()).incrementAndGet() > 1) {
                        overlaps.add(lane);
                    }
                    seen.computeIfAbsent(lane, k -> new CopyOnWriteArrayList<>()).add(n);
                    running.get(lane).decrementAndGet();
                    done.countDown();
                });
            }
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(overlaps).isEmpty();
        for (String lane : List.of("a", "b", "c", "d")) {
            assertThat(seen.get(lane)).hasSize(500).isSorted();
        }
    }

    @Test
    void aBlockedLaneDoesNotHoldUpAnotherLane() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        lanes.submit("slow", () -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        lanes.submit("fast", otherRan::countDown);

        assertThat(otherRan.await(20, TimeUnit.SECONDS)).as("the fast lane ran while the slow one was blocked").isTrue();
        assertThat(release.getCount()).isEqualTo(1);
        release.countDown();
    }

    @Test
    void forgetsALaneOnceItsWorkIsDone() throws Exception {
        CountDownLatch done = new CountDownLatch(1000);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            keys.add("dialog-" + i);
        }
        keys.forEach(k -> lanes.submit(k, done::countDown));
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lanes.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(lanes.pending()).isZero();
        assertThat(lanes.activeLanes()).isZero();
    }

    @Test
    void aLaneDoesNotWaitBehindATurnThatBlockedAfterItStarted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        lanes.submit("slow", () -> {
            started.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
        CountDownLatch othersRan = new CountDownLatch(3);
        for (String lane : List.of("a", "b", "c")) {
            lanes.submit(lane, othersRan::countDown);
        }

        assertThat(othersRan.await(20, TimeUnit.SECONDS)).as("three lanes ran while the slow one was blocked").isTrue();
        release.countDown();
    }

    @Test
    void aBurstOfLanesWakesOneRunnerNotOnePerLane() {
        List<Runnable> handedOver = new ArrayList<>();
        LaneExecutor onHand = new LaneExecutor(handedOver::add);
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 100; i++) {
            onHand.submit("dialog-" + i, ran::incrementAndGet);
        }
        assertThat(handedOver).hasSize(1); // one runner for the burst

        for (int i = 0; i < handedOver.size(); i++) {
            handedOver.get(i).run(); // the first takes all hundred; it starts a second in case its first lane blocks
        }

        assertThat(ran).hasValue(100);
        assertThat(handedOver).hasSizeLessThanOrEqualTo(2);
        assertThat(onHand.pending()).isZero();
    }

    @Test
    void noMoreRunnersThanItsBoundEvenWhenAllAreBlocked() throws Exception {
        AtomicInteger handedOver = new AtomicInteger();
        LaneExecutor two = new LaneExecutor(task -> {
            handedOver.incrementAndGet();
            pool.execute(task);
        }, 2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(5);
        for (int i = 0; i < 5; i++) {
            two.submit("dialog-" + i, () -> {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.countDown();
            });
        }
        Thread.sleep(100); // let the runners take what they can

        assertThat(handedOver).hasValueLessThanOrEqualTo(2);
        release.countDown();
        assertThat(done.await(20, TimeUnit.SECONDS)).as("the lanes waiting for a runner ran when one was free").isTrue();
    }
}
