package dev.scalelab.engine.caching;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-made structures under a level, against the JDK's, on random operations. */
class SlotStructuresTest {

    @Test
    void intIntMapAgreesWithHashMapThroughInsertsRemovalsAndGrowth() {
        IntIntMap map = new IntIntMap(4);
        Map<Integer, Integer> expected = new HashMap<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int op = 0; op < 200_000; op++) {
            int key = random.nextInt(2_000);
            switch (random.nextInt(3)) {
                case 0 -> {
                    map.put(key, op);
                    expected.put(key, op);
                }
                case 1 -> {
                    Integer removed = expected.remove(key);
                    assertEquals(removed == null ? IntIntMap.MISSING : removed, map.remove(key));
                }
                default -> assertEquals(expected.getOrDefault(key, IntIntMap.MISSING), map.get(key));
            }
        }
        assertEquals(expected.size(), map.size());
        for (Map.Entry<Integer, Integer> e : expected.entrySet()) {
            assertEquals(e.getValue(), map.get(e.getKey()));
        }
    }

    @Test
    void expiryHeapAlwaysYieldsTheSoonestSlot() {
        int slots = 64;
        long[] expiry = new long[slots];
        boolean[] held = new boolean[slots];
        ExpiryHeap heap = new ExpiryHeap(expiry);
        SplittableRandom random = new SplittableRandom(2);
        for (int op = 0; op < 100_000; op++) {
            int slot = random.nextInt(slots);
            if (!held[slot]) {
                expiry[slot] = random.nextLong(1_000);
                heap.add(slot);
                held[slot] = true;
            } else if (random.nextBoolean()) {
                heap.remove(slot);
                held[slot] = false;
            } else {
                expiry[slot] = random.nextLong(1_000);
                heap.reschedule(slot);
            }
            long soonest = Long.MAX_VALUE;
            for (int s = 0; s < slots; s++) {
                if (held[s]) {
                    soonest = Math.min(soonest, expiry[s]);
                }
            }
            if (soonest != Long.MAX_VALUE) {
                assertEquals(soonest, expiry[heap.soonestSlot()]);
            }
        }
    }
}
