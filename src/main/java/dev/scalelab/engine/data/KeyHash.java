package dev.scalelab.engine.data;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * How a key becomes a number a router can place. Keys are the world's ints {@code 0..keyCount-1}
 * (the {@code KeySampler}'s keys); every hashing strategy first turns a key into a 64-bit hash here,
 * so all of them see the same well-mixed input.
 */
public final class KeyHash {
    /** Odd constant (2^64 / golden ratio) that spreads consecutive keys before the mix. */
    private static final long KEY_MULTIPLIER = 0x9e3779b97f4a7c15L;

    private KeyHash() {
    }

    /**
     * The key's 64-bit hash: SplitMix64's finaliser over the key times the golden-ratio constant.
     * A bijection, so distinct keys never collide (like Vitess' reversible {@code hash} vindex).
     */
    public static long of(int key) {
        return mix64(key * KEY_MULTIPLIER);
    }

    /**
     * CRC32 of the key's bytes, the key written as a decimal string in ASCII ({@code "42"}), as the
     * pattern notes' {@code crc32(key) % n} does. Returned as an unsigned 32-bit value.
     */
    public static long crc32(int key) {
        CRC32 crc = new CRC32();
        crc.update(Integer.toString(key).getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix with full avalanche. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** An unsigned 64-bit position as a fraction of the whole space, in [0, 1). */
    public static double unitInterval(long unsignedPosition) {
        return (unsignedPosition >>> 11) * 0x1.0p-53;
    }

    /**
     * floor(i x 2^64 / n) as an unsigned 64-bit value, for 0 <= i < n < 2^31: where the i-th of n
     * equal slices of the 64-bit space starts. Two 32-bit long divisions, exact.
     */
    static long slice(long i, long n) {
        long high = (i << 32) / n;
        long remainder = (i << 32) % n;
        long low = (remainder << 32) / n;
        return (high << 32) | low;
    }
}
