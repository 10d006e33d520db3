package dev.scalelab.engine.data;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KeyLongMapTest {
    /** 200,000 puts of 50,000 keys (colliding in the low bits: multiples of 1,024 among them), against a HashMap. */
    @Test
    void readsWhatWasLastPutThroughEveryGrowth() {
        KeyLongMap map = new KeyLongMap();
        Map<Integer, Long> reference = new HashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            int key = random.nextBoolean() ? random.nextInt(50_000) : 1024 * random.nextInt(48);
            long value = random.nextLong();
            map.put(key, value);
            reference.put(key, value);
        }
        assertEquals(reference.size(), map.size());
        for (int key = 0; key < 50_000; key++) {
            assertEquals(reference.getOrDefault(key, 0L), map.get(key), "key " + key);
        }
        assertEquals(reference.getOrDefault(1024 * 47, 0L), map.get(1024 * 47));
        assertEquals(0, map.get(1024 * 60), "a key never put reads 0");
    }

    @Test
    void refusesANegativeKey() {
        assertThrows(IllegalArgumentException.class, () -> new KeyLongMap().put(-1, 3));
    }
}
