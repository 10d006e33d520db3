package dev.scalelab.engine.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pattern notes' object pool (engines.md §7): Get takes or makes, Put keeps or drops. */
class ObjectPoolTest {

    @Test
    void aHandMadeSequenceCountsHitsMissesAndDropsExactly() {
        ObjectPool pool = new ObjectPool(2, 1024);
        assertFalse(pool.get()); // empty: a new object
        assertFalse(pool.get());
        assertFalse(pool.get());
        assertTrue(pool.put()); // 1 idle
        assertTrue(pool.put()); // 2 idle: full
        assertFalse(pool.put()); // dropped
        assertTrue(pool.get()); // hit, 1 idle
        assertTrue(pool.put()); // 2 idle
        assertFalse(pool.put()); // dropped
        assertEquals(4, pool.gets());
        assertEquals(1, pool.hits());
        assertEquals(3, pool.misses());
        assertEquals(2, pool.drops());
        assertEquals(1024, pool.bytesSaved());
        assertEquals(0.25, pool.hitRatio());
        assertEquals(2, pool.idle());
        assertEquals(2 * 1024, pool.footprintBytes());
    }

    @Test
    void takingSeveralAtOnceIsThatManyGets() {
        ObjectPool pool = new ObjectPool(5, 100);
        for (int i = 0; i < 3; i++) {
            pool.put(); // three idle
        }
        assertEquals(3, pool.get(4)); // three hits, one miss
        assertEquals(0, pool.idle());
        assertEquals(3, pool.borrowed());
        assertEquals(4, pool.gets());
        assertEquals(3, pool.hits());
        assertEquals(300, pool.bytesSaved());
        assertEquals(0, pool.get(2));
        assertEquals(6, pool.gets());
    }

    @Test
    void capacityZeroAllocatesOnEveryGetAndDropsEveryPut() {
        ObjectPool pool = new ObjectPool(0, 4096);
        for (int i = 0; i < 100; i++) {
            assertFalse(pool.get());
            assertFalse(pool.put());
        }
        assertEquals(100, pool.misses());
        assertEquals(0, pool.hits());
        assertEquals(100, pool.drops());
        assertEquals(0, pool.footprintBytes());
    }

    @Test
    void aPoolOfPeakConcurrencyTimesObjectsPerRequestHitsEveryTimeAfterWarmUp() {
        // Up to 8 requests at once, 4 objects each: a pool of 32 never misses once it has filled.
        int concurrency = 8;
        int perRequest = 4;
        ObjectPool pool = new ObjectPool(concurrency * perRequest, 32 * 1024);
        SplittableRandom random = new SplittableRandom(3);
        ArrayDeque<Integer> inFlight = new ArrayDeque<>();
        long hitsBefore = 0;
        long getsBefore = 0;
        for (int step = 0; step < 20_000; step++) {
            if (step == 1_000) {
                hitsBefore = pool.hits();
                getsBefore = pool.gets();
            }
            boolean start = inFlight.size() < concurrency && (inFlight.isEmpty() || random.nextBoolean());
            if (start) {
                for (int k = 0; k < perRequest; k++) {
                    pool.get();
                }
                inFlight.add(step);
            } else {
                inFlight.poll();
                for (int k = 0; k < perRequest; k++) {
                    pool.put();
                }
            }
        }
        assertEquals(1.0, (pool.hits() - hitsBefore) / (double) (pool.gets() - getsBefore));
        assertEquals(0, pool.drops());
    }

    @Test
    void shrinkingThePoolDropsTheIdleObjectsBeyondItsNewCapacity() {
        ObjectPool pool = new ObjectPool(5, 10);
        for (int i = 0; i < 5; i++) {
            pool.put();
        }
        pool.reconfigure(2, 10);
        assertEquals(2, pool.idle());
        assertEquals(3, pool.drops());
    }
}
