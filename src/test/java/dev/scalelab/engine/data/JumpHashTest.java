package dev.scalelab.engine.data;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jump consistent hash against the algorithm as engines.md states it (Lamping and Veach, 2014). */
class JumpHashTest {
    private static final BigInteger TWO_POW_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger MULTIPLIER = new BigInteger("2862933555777941757");

    /**
     * engines.md's steps in exact integer arithmetic: b = -1, j = 0; while j < n: b = j,
     * key = key x 2862933555777941757 + 1 mod 2^64, j = floor((b + 1) x 2^31 / ((key >> 33) + 1)).
     */
    private static int specified(long key64, int buckets) {
        BigInteger key = new BigInteger(Long.toUnsignedString(key64));
        BigInteger b = BigInteger.valueOf(-1);
        BigInteger j = BigInteger.ZERO;
        while (j.compareTo(BigInteger.valueOf(buckets)) < 0) {
            b = j;
            key = key.multiply(MULTIPLIER).add(BigInteger.ONE).mod(TWO_POW_64);
            j = b.add(BigInteger.ONE).shiftLeft(31).divide(key.shiftRight(33).add(BigInteger.ONE));
        }
        return b.intValueExact();
    }

    private static int[] bucketsUpTo(long key, int maxBuckets) {
        int[] out = new int[maxBuckets];
        for (int n = 1; n <= maxBuckets; n++) {
            out[n - 1] = JumpRouter.bucket(key, n);
        }
        return out;
    }

    @Test
    void reproducesTheSpecifiedAlgorithmOnKnownValues() {
        // Computed with specified() above; the first four rows also match the vectors published from
        // the paper's C++ code (as in dgryski/go-jump's tests) for 1..19 buckets.
        assertArrayEquals(new int[20], bucketsUpTo(0, 20));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 17, 17, 17}, bucketsUpTo(1, 20));
        assertArrayEquals(new int[] {0, 1, 2, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 16, 16, 16, 16},
                bucketsUpTo(0xdeadbeefL, 20));
        assertArrayEquals(new int[] {0, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 15, 15, 15, 15, 15},
                bucketsUpTo(0x0ddc0ffeebadf00dL, 20));
        assertEquals(151, JumpRouter.bucket(KeyHash.of(42), 1000));
        assertEquals(294, JumpRouter.bucket(123456789L, 1000));
        assertEquals(589430, JumpRouter.bucket(-1L, 1 << 20));
        for (long key : new long[] {0, 1, 0xdeadbeefL, 0x0ddc0ffeebadf00dL, KeyHash.of(42), 123456789L, -1L}) {
            for (int n : new int[] {1, 7, 20, 1000, 1 << 20}) {
                assertEquals(specified(key, n), JumpRouter.bucket(key, n), key + " over " + n);
            }
        }
    }

    @Test
    void theDoubleArithmeticOfThePaperAgreesWithExactArithmeticOnRandomKeys() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long key = random.nextLong();
            int buckets = 1 + random.nextInt(100_000);
            assertEquals(specified(key, buckets), JumpRouter.bucket(key, buckets));
        }
    }

    @Test
    void isMonotoneAKeyStaysOrMovesToTheNewBucket() {
        for (int key = 0; key < 5_000; key++) {
            long hash = KeyHash.of(key);
            int previous = JumpRouter.bucket(hash, 1);
            for (int n = 2; n <= 64; n++) {
                int now = JumpRouter.bucket(hash, n);
                assertTrue(now == previous || now == n - 1, "key " + key + " jumped from " + previous + " to " + now);
                previous = now;
            }
        }
    }
}
