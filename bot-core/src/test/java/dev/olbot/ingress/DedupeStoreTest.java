package dev.olbot.ingress;

import dev.olbot.testsupport.BotHarness.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DedupeStoreTest {


    @Nested
    class InMemory {

        @Test
        void aSecondDeliveryOfTheSameEventIsRecognisedWithinTheWindow() {
            MutableClock clock = new MutableClock();
            DedupeStore store = DedupeStore.inMemory(Duration.ofHours(1), 1_000, clock);

            assertThat(store.firstSeen("p1/ONIMBOTMESSAGEADD/10")).isTrue();
            clock.advance(Duration.ofMinutes(59));
            assertThat(store.firstSeen("p1/ONIMBOTMESSAGEADD/10")).isFalse();
            assertThat(store.firstSeen("p1/ONIMBOTMESSAGEADD/11")).isTrue();
        }

        @Test
        void aKeyOlderThanTheWindowCountsAsNewAgain() {
            MutableClock clock = new MutableClock();
            DedupeStore store = DedupeStore.inMemory(Duration.ofHours(1), 1_000, clock);
            store.firstSeen("p1/ONIMBOTMESSAGEADD/10");

            clock.advance(Duration.ofHours(1).plusMillis(1));

            assertThat(store.firstSeen("p1/ONIMBOTMESSAGEADD/10")).isTrue();
            assertThat(((DedupeStore.InMemory) store).size()).isEqualTo(1);
        }

        @Test
        void aFullWindowForgetsItsOldestKeyFirst() {
            DedupeStore store = DedupeStore.inMemory(Duration.ofHours(1), 3, new MutableClock());
            for (int i = 1; i <= 4; i++) {
                store.firstSeen("k" + i);
            }

            assertThat(store.firstSeen("k4")).isFalse();
            assertThat(store.firstSeen("k2")).isFalse();
            assertThat(store.firstSeen("k1")).isTrue(); // forgotten when k4 came
        }
    }

    @Nested
    class Window {

        @Test
        void answersAsAnInsertionOrderedMapWouldThroughGrowthEvictionExpiryAndCollidingSlots() {
            Random random = new Random(16);
            HashWindow window = new HashWindow(3_000);
            Map<Long, Long> model = new LinkedHashMap<>();
            long now = 0;
            long retention = 5_000;
            for (int op = 0; op < 200_000; op++) {
                now += random.nextInt(3);
                // few distinct values whose low bits collide often: long probe runs, shifts on delete
                long hash = ((long) random.nextInt(6_000) << 40) | (random.nextInt(4) * 1024L);
                for (Iterator<Map.Entry<Long, Long>> it = model.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<Long, Long> oldest = it.next();
                    if (now - oldest.getValue() > retention) {
                        it.remove();
                    } else {
                        break;
                    }
                }
                boolean expected = !model.containsKey(hash);
                if (expected) {
                    if (model.size() == 3_000) {
                        model.remove(model.keySet().iterator().next());
                    }
                    model.put(hash, now);
                }
                assertThat(window.firstSeen(hash, now, retention)).as("op %d", op).isEqualTo(expected);
                assertThat(window.size()).isEqualTo(model.size());
            }
        }

        @Test
        void costsAboutTwentySevenBytesPerKeyWhenFull() {
            HashWindow window = new HashWindow(200_000);
            for (long i = 0; i < 200_000; i++) {
                window.firstSeen(i * 0x9E3779B97F4A7C15L + 1, 0, Long.MAX_VALUE);
            }

            assertThat(window.bytes() / 200_000.0).isBetween(24.0, 27.0);
        }
    }
}
