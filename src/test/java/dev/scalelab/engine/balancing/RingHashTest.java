package dev.scalelab.engine.balancing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Envoy's ring_hash sizing and lookup, and what moves when an eleventh host joins ten. */
class RingHashTest {
    private static final int KEYS = 100_000;
    private final SplittableRandom random = new SplittableRandom(1);

    private static long keyHash(int key) {
        return XxHash64.hash("key-" + key, 0);
    }

    private int[] route(RingHash ring, List<TestBackend> pool) {
        int[] owner = new int[KEYS];
        for (int k = 0; k < KEYS; k++) {
            owner[k] = ring.pick(pool, keyHash(k), 0, random);
        }
        return owner;
    }

    @Test
    void theRingIsSizedAsEnvoyFromTheMinimumRingSize() {
        RingHash ring = new RingHash(1024, BalancerConfig.RING_SIZE_CAP, 0);
        // Ten equal hosts: scale = ceil(0.1 * 1024) / 0.1 = 1030 points, 103 per host.
        ring.pick(TestBackend.pool(10), 0, 0, random);
        assertEquals(1030, ring.ringSize());
        // Eleven: ceil(1024 / 11) = 94 per host, 1034 points.
        ring.pick(TestBackend.pool(11), 0, 0, random);
        assertEquals(1034, ring.ringSize());
        // Weights 1:3 give the light host ceil(0.25 * 1024) = 256 points and the heavy one 768.
        ring.pick(TestBackend.weighted(1, 3), 0, 0, random);
        assertEquals(1024, ring.ringSize());
    }

    @Test
    void theSameKeyAlwaysGoesToTheSameHostWhateverTheListOrder() {
        RingHash ring = new RingHash(1024, BalancerConfig.RING_SIZE_CAP, 0);
        List<TestBackend> pool = TestBackend.pool(5);
        List<TestBackend> reversed = List.of(pool.get(4), pool.get(3), pool.get(2), pool.get(1), pool.get(0));
        String[] owners = new String[1_000];
        for (int k = 0; k < owners.length; k++) {
            owners[k] = pool.get(ring.pick(pool, keyHash(k), 0, random)).id();
            assertEquals(owners[k], pool.get(ring.pick(pool, keyHash(k), 0, random)).id());
        }
        for (int k = 0; k < owners.length; k++) {
            assertEquals(owners[k], reversed.get(ring.pick(reversed, keyHash(k), 0, random)).id());
        }
    }

    @Test
    void aHashPastTheLastPointWrapsToTheFirst() {
        RingHash ring = new RingHash(1024, BalancerConfig.RING_SIZE_CAP, 0);
        List<TestBackend> pool = TestBackend.pool(3);
        int first = ring.pick(pool, 0, 0, random);
        assertEquals(first, ring.pick(pool, -1L, 0, random), "0xFFFF_FFFF_FFFF_FFFF is past every point");
    }

    @Test
    void withFixedVirtualNodesAnEleventhHostTakesAboutOneEleventhOfTheKeysAndOnlyFromOthers() {
        RingHash ring = new RingHash(1024, BalancerConfig.RING_SIZE_CAP, 160);
        List<TestBackend> pool = TestBackend.pool(10);
        int[] before = route(ring, pool);
        pool.add(new TestBackend("i-10"));
        int[] after = route(ring, pool);
        int moved = 0;
        for (int k = 0; k < KEYS; k++) {
            if (before[k] != after[k]) {
                moved++;
                assertEquals(10, after[k], "a moved key goes to the new host");
            }
        }
        // The new host's share is the sum of the arcs before its 160 points on a ring of 1760
        // random points: Beta(160, 1600), mean 1/11, sd sqrt(10 / (11^3 * 160)) = 0.0069; the
        // 100k keys add a binomial sd of 0.0009. Four sd: 1/11 +- 0.028.
        double fraction = moved / (double) KEYS;
        System.out.printf("ring hash, 160 points per host: %.4f of keys moved (1/11 = %.4f)%n", fraction, 1 / 11.0);
        assertEquals(1 / 11.0, fraction, 0.028);
    }

    @Test
    void withEnvoysSizingTheOldHostsLosePointsSoSomeKeysMoveBetweenThem() {
        RingHash ring = new RingHash(1024, BalancerConfig.RING_SIZE_CAP, 0);
        List<TestBackend> pool = TestBackend.pool(10);
        int[] before = route(ring, pool);
        pool.add(new TestBackend("i-10"));
        int[] after = route(ring, pool);
        int toNew = 0;
        int betweenOld = 0;
        for (int k = 0; k < KEYS; k++) {
            if (after[k] == 10) {
                toNew++;
            } else if (before[k] != after[k]) {
                betweenOld++;
            }
        }
        // The new host gets 94 of 1034 points (same Beta argument: 1/11 +- 0.03). Each old host
        // keeps only 94 of its 103 points, and the keys of the 90 dropped points (about 90/1030 of
        // the ring) go to the next point, an old host's 10 times in 11: about 0.08 of the keys.
        System.out.printf("ring hash, Envoy sizing: %.4f of keys to the new host, %.4f between old hosts%n",
                toNew / (double) KEYS, betweenOld / (double) KEYS);
        assertEquals(1 / 11.0, toNew / (double) KEYS, 0.03);
        assertEquals(90 / 1030.0 * 10 / 11, betweenOld / (double) KEYS, 0.03);
        assertTrue(betweenOld > 0);
    }
}
